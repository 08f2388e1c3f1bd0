"""Spreadsheet downloads (XLSX and CSV) of the tables a page shows. Every file starts with the same rows:
what it is, the period and the sites it covers, so a figure copied elsewhere keeps its context.

This module is the product's only writer of CSV and XLSX: every download, and every management command that prints
CSV, writes through `csv_writer` or `to_csv`/`to_xlsx`. Text that a spreadsheet would run as a formula (starting with
=, +, -, @, a tab or a carriage return) is written as plain text: a leading apostrophe in CSV, a text cell in XLSX
(tests/security/test_spreadsheet_formulas.py walks every download and command)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

FORMATS = ("xlsx", "csv")
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SHEET_NAME_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list] = field(default_factory=list)
    note: str = ""


@dataclass
class Spreadsheet:
    title: str
    period: str  # "1 January 2026 to 31 March 2026", "As of 5 March 2026", "All time"
    sites: list[str]
    tables: list[Table]

    def preamble(self) -> list[list[str]]:
        return [
            [self.title],
            ["Period", self.period],
            ["Sites", ", ".join(self.sites) if self.sites else "None"],
            ["Produced", timezone.localtime().strftime("%d/%m/%Y %H:%M")],
        ]


def describe_period(start: date | None, end: date | None) -> str:
    if start and end:
        return f"{start:%d/%m/%Y} to {end:%d/%m/%Y}"
    if start:
        return f"From {start:%d/%m/%Y}"
    if end:
        return f"Up to {end:%d/%m/%Y}"
    return "All time"


def _text_safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeCsvWriter:
    """csv.writer's writerow and writerows, with every text cell made safe from formula injection."""

    def __init__(self, out):
        self._writer = csv.writer(out, lineterminator="\r\n")

    def writerow(self, row) -> None:
        self._writer.writerow([_text_safe(value) for value in row])

    def writerows(self, rows) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(out) -> SafeCsvWriter:
    """The CSV writer for everything the product writes (`out`: a file, a StringIO or an HttpResponse)."""
    return SafeCsvWriter(out)


def _cell(value):
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    return value


def to_csv(sheet: Spreadsheet) -> bytes:
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerows(sheet.preamble())
    for table in sheet.tables:
        writer.writerow([])
        writer.writerow([table.title])
        writer.writerow(table.headers)
        writer.writerows([_csv_value(v) for v in row] for row in table.rows)
        if table.note:
            writer.writerow([table.note])
    # A byte-order mark so that Excel opens the file as UTF-8 (for "£" and names of places).
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_value(value):
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return value


def _sheet_title(title: str, used: set[str]) -> str:
    base = title.translate(SHEET_NAME_FORBIDDEN).strip()[:31] or "Sheet"
    name, n = base, 2
    while name.lower() in used:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name.lower())
    return name


def to_xlsx(sheet: Spreadsheet) -> bytes:
    """One worksheet per table, each starting with the preamble rows."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    bold = Font(bold=True)
    for table in sheet.tables or [Table(title=sheet.title, headers=[])]:
        ws = workbook.create_sheet(_sheet_title(table.title, used))
        for row in [*sheet.preamble(), [], [table.title], table.headers, *table.rows]:
            ws.append([_cell(v) for v in row])
            for cell in ws[ws.max_row]:
                if cell.data_type == "f":  # text that looks like a formula stays text
                    cell.data_type = "s"
                elif isinstance(cell.value, datetime):
                    cell.number_format = "dd/mm/yyyy hh:mm"
                elif isinstance(cell.value, date):
                    cell.number_format = "dd/mm/yyyy"
        ws.cell(row=1, column=1).font = bold
        header_row = len(sheet.preamble()) + 3
        for cell in ws[header_row]:
            cell.font = bold
        if table.note:
            ws.append([table.note])
        ws.column_dimensions["A"].width = 40
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def spreadsheet_response(sheet: Spreadsheet, *, fmt: str, filename: str) -> HttpResponse:
    """`filename` without its extension."""
    body = to_xlsx(sheet) if fmt == "xlsx" else to_csv(sheet)
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
