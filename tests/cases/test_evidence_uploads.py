"""Evidence files are checked by their content, never their name."""

import pytest
from django.core.exceptions import ValidationError

from cases.uploads import check_upload, safe_file_name
from tests.cases.evidence_files import OLE2, PDF, _zip, docx, ods, upload, xlsx


@pytest.mark.parametrize(
    "name, content, kind",
    [
        ("report.pdf", PDF, "pdf"),
        ("notes.docx", docx(), "docx"),
        ("figures.xlsx", xlsx(), "xlsx"),
        ("old.doc", OLE2, "doc"),
        ("counts.ods", ods(), "ods"),
        ("counts.csv", b"area,count\nColchester,12\nSouthend,9\n", "csv"),
        ("misnamed.txt", PDF, "pdf"),  # the content decides, not the name
    ],
)
def test_accepted_files(name, content, kind):
    assert check_upload(upload(name, content)).extension == kind


@pytest.mark.parametrize(
    "name, content",
    [
        ("report.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 100),  # a Windows program
        ("report.pdf", b"<!doctype html><html><script>alert(1)</script></html>"),
        ("archive.docx", _zip({"evil.exe": b"MZ"})),  # a zip that is not a Word document
        ("picture.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50),
        ("notes.csv", b"just words with no commas at all"),
    ],
)
def test_other_files_are_refused_whatever_their_name(name, content):
    with pytest.raises(ValidationError) as error:
        check_upload(upload(name, content))
    assert "not one we accept" in error.value.messages[0]


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError, match="empty"):
        check_upload(upload("report.pdf", b""))


def test_an_oversized_file_is_refused(settings):
    settings.EVIDENCE_MAX_UPLOAD_BYTES = 1024
    with pytest.raises(ValidationError, match="at most 1 KB"):
        check_upload(upload("report.pdf", PDF + b"0" * 2048))


def test_download_names_are_sanitised():
    assert safe_file_name('../../etc/pass"wd\r\n.pdf', extension="pdf") == "pass-wd.pdf"
    assert safe_file_name("Évaluation finale.exe", extension="pdf") == "Evaluation finale.pdf"
    assert safe_file_name("", extension="csv") == "evidence.csv"
