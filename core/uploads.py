"""One family of checks for every uploaded file, by its content, never by its name (CheckedFileField in
core.form_fields puts them on every upload field; tests/security/test_uploads.py walks every field).

Kinds: PDF (%PDF-), Word and Excel 2007+ (an OOXML zip with [Content_Types].xml and word/ or xl/), Word and Excel
97-2003 (an OLE2 compound file), OpenDocument text or spreadsheet (a zip whose first entry is "mimetype" naming an ODF
type) and CSV (UTF-8 text with commas, no NUL bytes, no HTML). The members of an archive are checked too: no program,
no macros, no embedded file other than an Office document that passes the same checks, nothing that unpacks to far
more than it weighs. Anything else, an empty file or one over the size limit is refused with a message saying what
to do. Oversized request bodies are refused before they are read (cop.request_size).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODF_TYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ALL_KINDS = frozenset({"pdf", "doc", "docx", "xlsx", "odt", "ods", "csv"})

# What the parts of an Office or OpenDocument file may be: XML, pictures and fonts.
PART_EXTENSIONS = {"xml", "rels", "rdf", "png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "emf", "wmf", "svg",
                   "odttf", "fntdata"}  # fmt: skip
PROGRAM_SIGNATURES = (b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf",
                      b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"#!")  # fmt: skip
MACRO_PARTS = re.compile(r"(^|/)(vbaProject\.bin|vbaData\.xml)$|^(Basic|Scripts)/", re.IGNORECASE)
MAX_PARTS = 5000
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200  # a part that unpacks to 200 times its packed size is a zip bomb, not a document
HTML = re.compile(
    r"<\s*(!doctype|\?xml|html|head|body|script|iframe|frame|svg|img|a|meta|link|style|object|embed|form|input|"
    r"base|math|template|details|video|audio|source|marquee)\b|<\s*/\s*[a-z]+\s*>|\bon[a-z]+\s*=\s*[\"']",
    re.IGNORECASE,
)


class UploadRefused(ValidationError):
    """The file is refused (its type, its content, its size, or it is empty); the message says what to do."""


@dataclass(frozen=True)
class CheckedFile:
    content_type: str
    extension: str


def human_size(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{max(size // 1024, 1)} KB"


class _Refused(Exception):
    """An archive member that is not allowed (the message names it)."""


def _check_parts(archive: zipfile.ZipFile, *, depth: int) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_PARTS or sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
        raise _Refused("it unpacks to far more than a document holds")
    for info in infos:
        name = info.filename
        if name.startswith(("/", "\\")) or ".." in name.replace("\\", "/").split("/") or ":" in name:
            raise _Refused(f"a part has an unsafe name ({name[:80]})")
        if info.is_dir() or name == "mimetype":
            continue
        if info.compress_size and info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * info.compress_size:
            raise _Refused("it unpacks to far more than a document holds")
        if MACRO_PARTS.search(name):
            raise _Refused("it contains macros")
        with archive.open(info) as part:
            head = part.read(8)
        if head.startswith(PROGRAM_SIGNATURES):
            raise _Refused(f"it carries a program ({name[:80]})")
        extension = name.rsplit(".", 1)[-1].lower() if "." in name.rsplit("/", 1)[-1] else ""
        if "/embeddings/" in f"/{name}" or extension in {"docx", "xlsx", "bin"}:
            if re.search(r"(^|/)printerSettings/printerSettings\d+\.bin$", name) and not head.startswith(OLE2):
                continue
            if depth == 0 and extension in {"docx", "xlsx"}:
                with archive.open(info) as part:
                    inner = part.read(MAX_UNPACKED_BYTES + 1)
                _office_kind(inner, depth=depth + 1)  # raises _Refused when the embedded document is not clean
                continue
            raise _Refused(f"it carries an embedded file ({name[:80]})")
        if extension not in PART_EXTENSIONS and name not in {"mimetype"}:
            raise _Refused(f"it carries a file that is not part of a document ({name[:80]})")


def _office_kind(data: bytes, *, depth: int = 0) -> CheckedFile | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            found = None
            if names and names[0] == "mimetype":
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                if mimetype in ODF_TYPES:
                    found = CheckedFile(mimetype, ODF_TYPES[mimetype])
            elif "[Content_Types].xml" in names:
                if any(n.startswith("word/") for n in names):
                    found = CheckedFile(DOCX, "docx")
                elif any(n.startswith("xl/") for n in names):
                    found = CheckedFile(XLSX, "xlsx")
            if found is None:
                if depth:
                    raise _Refused("it carries an embedded file that is not a document")
                return None
            _check_parts(archive, depth=depth)
            return found
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, NotImplementedError, EOFError, ValueError):
        if depth:
            raise _Refused("it carries an embedded file that cannot be read") from None
        return None


def _csv_problem(data: bytes) -> str | None:
    """Why the bytes are not a plain CSV, or None if they are."""
    if b"\x00" in data:
        return "it is not text"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "it is not UTF-8 text"
    if "," not in text:
        return "it has no commas"
    if HTML.search(text):
        return "it holds web-page code (HTML)"
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\r\n\t")
    if printable < len(text) * 0.98:
        return "it is not text"
    return None


def check_upload(upload, *, kinds: frozenset[str] = ALL_KINDS, max_bytes: int, accepted: str) -> CheckedFile:
    """The file's real type, or UploadRefused saying why it is refused. `accepted` names the kinds for people
    ("a PDF, a Word document ..."); `kinds` are the extensions allowed."""
    size = upload.size or 0
    if size == 0:
        raise UploadRefused("The file is empty. Choose the file again.", code="empty")
    if size > max_bytes:
        raise UploadRefused(
            f"The file is {human_size(size)}: files can be at most {human_size(max_bytes)}. "
            "Upload a smaller version, or split it into smaller files.",
            code="too_big",
        )
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    found = None
    if data.startswith(b"%PDF-"):
        found = CheckedFile("application/pdf", "pdf")
    elif data.startswith(OLE2):
        found = CheckedFile("application/x-ole-storage", "doc")
    elif data.startswith(b"PK\x03\x04"):
        try:
            found = _office_kind(data)
        except _Refused as refused:
            raise UploadRefused(
                f"This document was refused: {refused}. Save it again without it (or as a PDF) and upload that. "
                "Nothing was saved.",
                code="archive",
            ) from None
    else:
        problem = _csv_problem(data)
        if problem is None:
            found = CheckedFile("text/csv", "csv")
        elif kinds == {"csv"}:
            raise UploadRefused(
                f"This is not a plain CSV file: {problem}. Upload {accepted}. Nothing was saved.", code="not_csv"
            )
    if found is None or found.extension not in kinds:
        raise UploadRefused(
            f"This file is not one we accept, whatever its name says. Upload {accepted}. Nothing was saved.",
            code="not_accepted",
        )
    return found
