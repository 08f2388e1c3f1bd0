"""Reading a rendered digest back: its text (whitespace normalised) and its catalog."""

import io

from pypdf import PdfReader


def read_pdf(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    return reader, text
