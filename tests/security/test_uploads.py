"""Every upload field checks what a file holds, one family of checks for all (core.uploads through
core.form_fields.CheckedFileField): the test finds every file field in every form of the product, and posts each
hostile file to each upload page. A body too big is refused from its headers, before anything reads it."""

import importlib
import io
import pkgutil
import zipfile

import pytest
from django import forms
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cases.models import Evidence
from core.form_fields import CheckedFileField
from members.models import User
from sites.models import MeetingPaper
from tests.cases.evidence_files import PDF
from tests.factories import EvidenceFactory, MeetingFactory

OUR_APPS = ("api", "home", "demo", "search", "digests", "recruitment", "newsletters", "evaluation", "toolkit", "forum",
            "cycle", "cases", "sites", "members", "audit", "core", "cop")  # fmt: skip


def zipped(entries: dict[str, bytes], *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200
DOCX_PARTS = {"[Content_Types].xml": b"<Types/>", "_rels/.rels": b"<Relationships/>", "word/document.xml": b"<w/>"}
HOSTILE_FILES = {
    "html-in-csv": ("members.csv", b"site,name,email\nCP1,<script>alert('x')</script>,a@example.org\n"),
    "html-page-as-csv": ("notes.csv", b"a,b\n1,2\n<html><body onload=\"alert(1)\">hello</body></html>\n"),
    "docx-carrying-a-program": ("notes.docx", zipped({**DOCX_PARTS, "word/media/setup.exe": PROGRAM})),
    "program-named-as-a-picture": ("notes.docx", zipped({**DOCX_PARTS, "word/media/image1.png": PROGRAM})),
    "docx-with-macros": ("notes.docx", zipped({**DOCX_PARTS, "word/vbaProject.bin": b"\xd0\xcf\x11\xe0macros"})),
    "embedded-package": ("notes.docx", zipped({**DOCX_PARTS, "word/embeddings/oleObject1.bin": PROGRAM})),
    "embedded-docx-with-a-program": (
        "notes.docx", zipped({**DOCX_PARTS, "word/embeddings/Doc1.docx": zipped({**DOCX_PARTS, "x/run.exe": PROGRAM})}),
    ),
    "unsafe-part-name": ("notes.docx", zipped({**DOCX_PARTS, "../../evil.xml": b"<x/>"})),
    "zip-bomb": ("notes.docx", zipped({**DOCX_PARTS, "word/media/big.xml": b"\x00" * (60 * 1024 * 1024)})),
    "program": ("report.pdf", PROGRAM),
}
CHART_DATA = zipped({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
CLEAN_DOCX = zipped({**DOCX_PARTS, "word/media/image1.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 40,
                     "word/embeddings/Microsoft_Excel_Worksheet.xlsx": CHART_DATA})  # fmt: skip
CLEAN_XLSX = zipped({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>",
                     "xl/printerSettings/printerSettings1.bin": b"\x00\x01printer"})  # fmt: skip


def every_file_field() -> set[tuple[str, str]]:
    """(form class, field name) for every file field of every form in our apps."""
    for config in apps.get_app_configs():
        if config.name not in OUR_APPS:
            continue
        try:
            package = importlib.import_module(f"{config.name}.forms")
        except ModuleNotFoundError:
            continue
        for module in pkgutil.walk_packages(getattr(package, "__path__", []), f"{config.name}.forms."):
            importlib.import_module(module.name)
    found, pending = set(), [forms.BaseForm]
    while pending:
        form = pending.pop()
        pending.extend(form.__subclasses__())
        if not form.__module__.startswith(OUR_APPS):
            continue
        for name, field in getattr(form, "base_fields", {}).items():
            if isinstance(field, forms.FileField):
                found.add((f"{form.__module__}.{form.__qualname__}", name))
    return found


def evidence_count(world) -> tuple:
    return Evidence.objects.count(), Evidence.objects.exclude(file="").count()


# Each upload page: the form and field it uses, who uploads, where, the other fields and what must stay unchanged.
UPLOAD_PAGES = {
    "evidence-new": {
        "field": ("cases.forms.evidence.EvidenceForm", "file"), "role": "broker",
        "url": lambda world: reverse("evidence:create"), "data": {"kind": "research", "title": "A report"},
        "stored": evidence_count,
    },
    "evidence-edit": {
        "field": ("cases.forms.evidence.EvidenceForm", "file"), "role": "broker",
        "url": lambda world: reverse("evidence:edit", args=[world["evidence"].pk]),
        "data": {"kind": "research", "title": "An existing report"}, "stored": evidence_count,
    },
    "meeting-paper": {
        "field": ("sites.forms.papers.MeetingPaperForm", "file"), "role": "facilitator",
        "url": lambda world: reverse("sites:meeting_papers", args=[world["meeting"].pk]), "data": {"title": "Papers"},
        "stored": lambda world: (MeetingPaper.objects.count(),),
    },
    "register-import": {
        "field": ("sites.forms.sites.ImportForm", "file"), "role": "programme_admin",
        "url": lambda world: reverse("sites:import"), "data": {"kind": "members"},
        "stored": lambda world: (User.objects.count(),),
    },
}  # fmt: skip


@pytest.fixture
def world(site, broker, programme_admin, facilitator):
    evidence = EvidenceFactory(title="An existing report")
    return {"broker": broker, "programme_admin": programme_admin, "evidence": evidence, "facilitator": facilitator,
            "meeting": MeetingFactory(site=site)}  # fmt: skip


@pytest.mark.django_db
def test_every_upload_field_uses_the_checked_file_field_and_is_walked_here():
    fields = every_file_field()
    assert fields, "no file field found: the walk is broken"
    assert fields == {page["field"] for page in UPLOAD_PAGES.values()}, "add the new upload page to UPLOAD_PAGES"
    for form_path, name in fields:
        module, _, qualname = form_path.rpartition(".")
        field = getattr(importlib.import_module(module), qualname).base_fields[name]
        assert isinstance(field, CheckedFileField), f"{form_path}.{name} is not a CheckedFileField"


@pytest.mark.django_db
@pytest.mark.parametrize("hostile", HOSTILE_FILES)
@pytest.mark.parametrize("upload_page", UPLOAD_PAGES)
def test_every_upload_page_refuses_every_hostile_file(client, world, upload_page, hostile):
    spec = UPLOAD_PAGES[upload_page]
    client.force_login(world[spec["role"]])
    before = spec["stored"](world)
    name, content = HOSTILE_FILES[hostile]
    response = client.post(spec["url"](world), {**spec["data"], "file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert "Nothing was saved" in response.content.decode() or "not a CSV file" in response.content.decode()
    assert spec["stored"](world) == before


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content"), [("chart.docx", CLEAN_DOCX), ("figures.xlsx", CLEAN_XLSX),
                                               ("r.pdf", PDF)])  # fmt: skip
def test_ordinary_documents_with_pictures_charts_and_printer_settings_are_still_accepted(client, world, name, content):
    client.force_login(world["broker"])
    data = {"kind": "research", "title": f"Report {name}", "file": SimpleUploadedFile(name, content)}
    response = client.post(reverse("evidence:create"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Evidence.objects.get(title=f"Report {name}").file


class UnreadBody:
    """A request body that must not be read: the refusal has to come from the headers alone."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


@pytest.mark.django_db
@pytest.mark.parametrize("upload_page", UPLOAD_PAGES)
def test_a_body_too_big_is_refused_before_it_is_read(client, world, upload_page):
    spec = UPLOAD_PAGES[upload_page]
    client.force_login(world[spec["role"]])
    before = spec["stored"](world)
    response = client.generic(
        "POST",
        spec["url"](world),
        b"x",
        content_type="multipart/form-data; boundary=BoUnDaRy",
        CONTENT_LENGTH=str(200 * 1024 * 1024),
        **{"wsgi.input": UnreadBody()},
    )
    assert response.status_code == 413
    text = response.content.decode()
    assert "The file is too big" in text and "200 MB" in text and "Nothing was saved" in text
    assert spec["stored"](world) == before
