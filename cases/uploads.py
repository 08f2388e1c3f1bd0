"""Checking an uploaded evidence file by its content, never by its name (core.uploads), at most
EVIDENCE_MAX_UPLOAD_BYTES; and the name it is downloaded under."""

from __future__ import annotations

import re
import unicodedata

from django.conf import settings

from core.uploads import ALL_KINDS, CheckedFile, UploadRefused
from core.uploads import check_upload as check_file

__all__ = ["ACCEPTED", "CheckedFile", "UploadRefused", "check_upload", "max_upload_bytes", "safe_file_name"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
ACCEPTED = "a PDF, a Word document (.docx or .doc), a spreadsheet (.xlsx, .xls, .ods or .csv) or an .odt document"


def max_upload_bytes() -> int:
    return getattr(settings, "EVIDENCE_MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES)


def check_upload(upload) -> CheckedFile:
    """The file's real type, or UploadRefused saying why it is refused (core.uploads: the checks every upload gets)."""
    return check_file(upload, kinds=ALL_KINDS, max_bytes=max_upload_bytes(), accepted=ACCEPTED)


def safe_file_name(name: str, *, extension: str) -> str:
    """A download name people recognise, with nothing that could break a header or a path."""
    name = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode("ascii")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = re.sub(r"[^A-Za-z0-9 ._()-]+", "-", stem).strip(" .-")[:120] or "evidence"
    return f"{stem}.{extension}"
