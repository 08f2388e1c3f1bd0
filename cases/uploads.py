"""Checking an uploaded evidence file by its content, never by its name.

Accepted: PDF (%PDF-), Word and Excel 2007+ (an OOXML zip with [Content_Types].xml and word/ or xl/), Word and
Excel 97-2003 (an OLE2 compound file, D0 CF 11 E0 A1 B1 1A E1), OpenDocument text or spreadsheet (a zip whose
first entry is "mimetype" naming an ODF type) and CSV (UTF-8 text with commas, no NUL bytes). Anything else,
an empty file or one over EVIDENCE_MAX_UPLOAD_BYTES is refused with a message that says what to do.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODF_TYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
}
ACCEPTED = "a PDF, a Word document (.docx or .doc), a spreadsheet (.xlsx, .xls, .ods or .csv) or an .odt document"


class UploadRefused(ValidationError):
    """The file is refused (its type, its size, or it is empty); the message says what to do."""


@dataclass(frozen=True)
class CheckedFile:
    content_type: str
    extension: str


def max_upload_bytes() -> int:
    return getattr(settings, "EVIDENCE_MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES)


def _human_size(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{max(size // 1024, 1)} KB"


def _zip_kind(upload) -> CheckedFile | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if names and names[0] == "mimetype":
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                if mimetype in ODF_TYPES:
                    return CheckedFile(mimetype, ODF_TYPES[mimetype])
            if "[Content_Types].xml" in names:
                if any(n.startswith("word/") for n in names):
                    return CheckedFile(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"
                    )
                if any(n.startswith("xl/") for n in names):
                    return CheckedFile("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, NotImplementedError):
        return None
    return None


def _is_csv(upload) -> bool:
    upload.seek(0)
    sample = upload.read(64 * 1024)
    if b"\x00" in sample:
        return False
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sample is fine.
        if error.start < len(sample) - 4:
            return False
        text = sample[: error.start].decode("utf-8")
    text = text.lstrip("\ufeff")
    if "," not in text or text.lstrip().startswith("<"):
        return False
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\r\n\t")
    return printable >= len(text) * 0.98


def check_upload(upload) -> CheckedFile:
    """The file's real type, or UploadRefused saying why it is refused."""
    size = upload.size or 0
    if size == 0:
        raise UploadRefused("The file is empty. Choose the document again, or save the item without a file.")
    limit = max_upload_bytes()
    if size > limit:
        raise UploadRefused(
            f"The file is {_human_size(size)}: files can be at most {_human_size(limit)}. "
            "Add a link to the document instead, or upload a smaller version."
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    found = None
    if head.startswith(b"%PDF-"):
        found = CheckedFile("application/pdf", "pdf")
    elif head.startswith(OLE2):
        found = CheckedFile("application/x-ole-storage", "doc")
    elif head.startswith(b"PK\x03\x04"):
        found = _zip_kind(upload)
    elif _is_csv(upload):
        found = CheckedFile("text/csv", "csv")
    upload.seek(0)
    if found is None:
        raise UploadRefused(
            f"This file is not one we accept, whatever its name says. Upload {ACCEPTED}. Nothing was saved."
        )
    return found


def safe_file_name(name: str, *, extension: str) -> str:
    """A download name people recognise, with nothing that could break a header or a path."""
    name = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode("ascii")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = re.sub(r"[^A-Za-z0-9 ._()-]+", "-", stem).strip(" .-")[:120] or "evidence"
    return f"{stem}.{extension}"
