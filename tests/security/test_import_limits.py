"""Every importer checks every column's range and length, and names the line (or record): walked importer by importer,
column by column, through the upload pages. A refused file imports nothing and never gives a server error."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cases.models import Evidence
from members.models import User
from sites.models import Attendance, Meeting, Membership
from sites.services.imports import ATTENDANCE_COLUMNS, MEMBER_COLUMNS
from tests.factories import MembershipFactory

LONG = "x" * 5000
GOOD_MEMBER = {
    "site": "CP1", "name": "Asha Patel", "email": "asha@example.org", "job_title": "Community Psychiatric Nurse",
    "agency": "Sussex Partnership NHS", "sector": "NHS", "expert_by_experience": "no", "role": "member",
    "joined": "2026-01-10", "left": "",
}  # fmt: skip
GOOD_ATTENDANCE = {"site": "CP1", "meeting_date": "2026-02-05", "email": "present@example.org", "status": "present"}
IMPORTERS = {"members": (MEMBER_COLUMNS, GOOD_MEMBER), "attendance": (ATTENDANCE_COLUMNS, GOOD_ATTENDANCE)}
DATE_COLUMNS = {"joined", "left", "meeting_date"}
OUT_OF_RANGE_DATES = ["0001-01-01", "9999-12-31"]


def bad_values(column: str) -> list[str]:
    return [LONG, *OUT_OF_RANGE_DATES] if column in DATE_COLUMNS else [LONG]


CASES = [
    pytest.param(kind, column, value, id=f"{kind}-{column}-{value[:10]}")
    for kind, (columns, _good) in IMPORTERS.items()
    for column in columns
    for value in bad_values(column)
]


def csv_file(columns: list[str], rows: list[dict]) -> SimpleUploadedFile:
    lines = [",".join(columns)] + [",".join(row[c] for c in columns) for row in rows]
    return SimpleUploadedFile("register.csv", ("\n".join(lines) + "\n").encode(), content_type="text/csv")


def stored() -> tuple:
    return User.objects.count(), Membership.objects.count(), Meeting.objects.count(), Attendance.objects.count()


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "column", "value"), CASES)
def test_every_importer_refuses_out_of_range_and_overlong_values_with_the_line(
    client, site, programme_admin, kind, column, value
):
    MembershipFactory(site=site, person__email="present@example.org")
    columns, good = IMPORTERS[kind]
    bad = {**good, column: value}
    if kind == "members":
        bad["email"] = "second@example.org" if column != "email" else value
    client.force_login(programme_admin)
    before = stored()
    response = client.post(reverse("sites:import"), {"kind": kind, "file": csv_file(columns, [good, bad])})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nothing was imported." in page
    problems = [line for line in page.splitlines() if "Line 3:" in line]
    assert problems, f"no problem reported on line 3 for {column}"
    assert column in " ".join(problems) or column in ("site", "email")
    assert LONG not in page  # the value is quoted back cut short, if at all
    assert stored() == before


def bibtex(entries: list[dict]) -> str:
    def entry(n, fields):
        body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields.items())
        return f"@article{{key{n},\n{body}\n}}"

    return "\n\n".join(entry(n, fields) for n, fields in enumerate(entries))


GOOD_ENTRY = {"title": "Housing First in England", "author": "Smith, Jane", "journal": "BMJ", "year": "2021",
              "doi": "10.1136/bmj.m1", "url": "https://example.org/housing-first"}  # fmt: skip
ENTRY_FIELDS = {"title": LONG, "author": LONG, "journal": LONG, "doi": "10.1136/" + LONG,
                "url": "https://example.org/" + LONG}  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize("field", [*ENTRY_FIELDS, "javascript-url"])
def test_the_citation_importer_refuses_overlong_values_and_links_that_are_not_web_links(client, broker, field):
    client.force_login(broker)
    second = {**GOOD_ENTRY, "title": "Critical Time Intervention", "doi": "10.1136/bmj.m2"}
    if field == "javascript-url":
        second["url"] = "javascript:alert(1)"
    else:
        second[field] = ENTRY_FIELDS[field]
    response = client.post(reverse("evidence:import"), {"citation": bibtex([GOOD_ENTRY, second])})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Record 2:" in page  # the pasted text stays in its box, to be corrected
    assert Evidence.objects.count() == 0
