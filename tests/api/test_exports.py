"""Spreadsheet downloads: they open with openpyxl (or as CSV), start with the period and the sites, hold the
figures the pages show, are scoped and checked like the pages, and are audited."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from audit.models import AuditAction, AuditEvent
from sites.models import Meeting, MeetingStatus


def workbook(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return load_workbook(io.BytesIO(response.content))


def rows(sheet) -> list[list]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def csv_rows(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def site_label(site) -> str:
    return f"{site.code} {site.town}"


@pytest.mark.django_db
def test_dashboard_xlsx_has_the_period_sites_and_figures(client, programme):
    world = programme["world"]
    client.force_login(world.people["admin"])
    book = workbook(client.get(reverse("evaluation:dashboard_xlsx")))
    assert "Meetings held" in book.sheetnames and "Attendance by month" in book.sheetnames
    meetings = rows(book["Meetings held"])
    assert meetings[0][0] == "Programme dashboard"
    assert meetings[1][:2] == ["Period", "All time"]
    assert meetings[2][:2] == ["Sites", f"{site_label(world.site)}, {site_label(world.other_site)}"]
    held = Meeting.objects.filter(
        site=world.site, status=MeetingStatus.SCHEDULED, ends_at__lt=timezone.now()
    ).count()
    cp1 = next(row for row in meetings if row[0] == site_label(world.site))
    assert cp1[1] == held and cp1[2] == 6
    survey = rows(book["Survey statements"])
    assert any(row[1] == 6 and row[2] == "100% (6 of 6)" for row in survey)
    event = AuditEvent.objects.get(action=AuditAction.EXPORTED)
    assert event.actor == world.people["admin"] and event.detail.startswith("programme dashboard XLSX (All time")


@pytest.mark.django_db
def test_dashboard_csv_for_a_period_starts_with_it(client, programme):
    world = programme["world"]
    client.force_login(world.people["facilitator"])
    today = timezone.localdate()
    start = today - timedelta(days=45)
    table = csv_rows(client.get(reverse("evaluation:dashboard_csv"), {"start": start.isoformat()}))
    assert table[0] == ["Programme dashboard"]
    assert table[1] == ["Period", f"From {start:%d/%m/%Y}"]
    assert table[2] == ["Sites", site_label(world.site)]  # a facilitator's own site only
    assert site_label(world.other_site) not in str(table)


@pytest.mark.django_db
def test_attendance_per_site_and_meeting(client, programme):
    world = programme["world"]
    client.force_login(world.people["admin"])
    sheet = workbook(client.get(reverse("evaluation:attendance_xlsx"))).active
    table = rows(sheet)
    assert table[1][:2] == ["Period", "All time"]
    headers = table[6]  # after the title, period, sites, date produced, a blank row and the table's title
    assert headers == ["Site", "Meeting", "Cancelled", "Present", "Apologies", "Absent", "Attendance rate (%)"]
    registers = [row for row in table if row[0] == site_label(world.site) and row[3] == 2 and row[5] == 1]
    assert len(registers) == 2 and all(row[6] == 67 for row in registers)
    assert all(row[1].date() < timezone.localdate() for row in registers)  # real dates, not text
    names = [p.name for p in world.people.values()]
    assert not any(name in str(table) for name in names)


@pytest.mark.django_db
def test_exports_are_for_the_dashboards_people_only(client, programme):
    world = programme["world"]
    for role in ("member", "broker", "commissioner"):
        client.force_login(world.people[role])
        for name in ("dashboard_xlsx", "dashboard_csv", "attendance_xlsx", "attendance_csv"):
            assert client.get(reverse(f"evaluation:{name}")).status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORTED).exists()


@pytest.mark.django_db
def test_survey_aggregates_xlsx(client, programme):
    world, survey = programme["world"], programme["survey"]
    client.force_login(world.people["facilitator"])
    book = workbook(client.get(reverse("evaluation:survey_results_xlsx", args=[survey.pk])))
    rates, statements = rows(book["Response rate"]), rows(book["Statements"])
    assert rates[2][:2] == ["Sites", site_label(world.site)]
    assert ["All sites shown", 6, 8, "75% (6 of 8)"] in [row[:4] for row in rates]
    assert statements[6][:2] == ["Statement", "Answered"]
    assert len(statements) > 7 and all(row[1] == 6 for row in statements[7:])
    assert "Free text from" not in str(statements)
    client.force_login(world.people["other_facilitator"])
    assert client.get(reverse("evaluation:survey_results_xlsx", args=[survey.pk])).status_code == 404


@pytest.mark.django_db
def test_membership_matrix_xlsx_and_csv(client, programme):
    world = programme["world"]
    world.people["member"].job_title = "=HYPERLINK(\"http://example.org\")"
    world.people["member"].save(update_fields=["job_title"])
    client.force_login(world.people["admin"])
    today = timezone.localdate()
    sheet = workbook(client.get(reverse("sites:matrix"), {"format": "xlsx"})).active
    table = rows(sheet)
    assert table[1][:2] == ["Period", f"As of {today:%d/%m/%Y}"]
    assert table[2][:2] == ["Sites", f"{site_label(world.site)}, {site_label(world.other_site)}"]
    assert table[6][:4] == ["Sector", "Job title", "CP1", "CP3"]
    totals = table[-1]
    assert totals[1].startswith("Confirmed members (N=") and isinstance(totals[2], int)
    formula = next(cell for row in sheet.iter_rows() for cell in row if str(cell.value).startswith("=HYPERLINK"))
    assert formula.data_type == "s"  # a job title is text, never a formula
    table = csv_rows(client.get(reverse("sites:matrix"), {"format": "csv"}))
    assert table[1] == ["Period", f"As of {today:%d/%m/%Y}"]
    assert any(row[1] == "'=HYPERLINK(\"http://example.org\")" for row in table if len(row) > 1)
    assert AuditEvent.objects.filter(action=AuditAction.EXPORTED, detail__startswith="membership matrix").count() == 2


@pytest.mark.django_db
def test_facilitators_matrix_download_has_only_their_site(client, programme):
    world = programme["world"]
    client.force_login(world.people["other_facilitator"])
    table = rows(workbook(client.get(reverse("sites:matrix"), {"format": "xlsx"})).active)
    assert table[2][:2] == ["Sites", site_label(world.other_site)]
    assert table[6][:3] == ["Sector", "Job title", "CP3"]
