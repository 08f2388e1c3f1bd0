import csv
import io
import json
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from members.models import Sector
from sites.models import AttendanceStatus, MeetingStatus, MembershipRole
from sites.services.matrix import build_membership_matrix
from tests.factories import AttendanceFactory, MeetingFactory, MembershipFactory, SiteFactory, UserFactory, at

JAN = date(2026, 1, 1)
MEETING_DAYS = [date(2026, 1, 15), date(2026, 2, 12), date(2026, 3, 12)]


@pytest.fixture
def cp1(db):
    return SiteFactory(code="CP1", town="Brighton")


@pytest.fixture
def meetings(cp1):
    return [MeetingFactory(site=cp1, starts_at=at(day)) for day in MEETING_DAYS]


def person(title="Housing Support Worker", sector=Sector.VOLUNTARY, **kwargs):
    return UserFactory(job_title=title, sector=sector, **kwargs)


def join(site, who, *, role=MembershipRole.MEMBER, joined=JAN, left=None, reason=""):
    return MembershipFactory(site=site, person=who, role=role, joined=joined, left=left, left_reason=reason)


def attend(meetings, who, status=AttendanceStatus.PRESENT):
    for meeting in meetings:
        AttendanceFactory(meeting=meeting, person=who, status=status)


def cell(matrix, job_title, site_code="CP1"):
    [row] = [r for r in matrix.rows if r.job_title == job_title]
    return row.cells[site_code]


def test_member_attending_two_meetings_is_x_and_one_meeting_is_y(cp1, meetings):
    regular = person("Probation Officer", Sector.CRIMINAL_JUSTICE)
    once = person("Police Sergeant", Sector.CRIMINAL_JUSTICE)
    join(cp1, regular), join(cp1, once)
    attend(meetings[:2], regular)
    attend(meetings[:1], once)
    matrix = build_membership_matrix(as_of=date(2026, 4, 1))
    assert cell(matrix, "Probation Officer") == "X"
    assert cell(matrix, "Police Sergeant") == "Y"
    assert matrix.totals == {"CP1": 1} and matrix.total == 1


def test_apologies_and_absences_do_not_count_as_attending(cp1, meetings):
    who = person()
    join(cp1, who)
    attend(meetings[:1], who)
    attend(meetings[1:], who, AttendanceStatus.APOLOGIES)
    assert cell(build_membership_matrix(as_of=date(2026, 4, 1)), "Housing Support Worker") == "Y"


def test_cancelled_meetings_do_not_count(cp1, meetings):
    who = person()
    join(cp1, who)
    attend(meetings[:2], who)
    meetings[1].status = MeetingStatus.CANCELLED
    meetings[1].save()
    assert cell(build_membership_matrix(as_of=date(2026, 4, 1)), "Housing Support Worker") == "Y"


def test_left_after_two_meetings_is_y_from_the_day_they_left_and_x_before(cp1, meetings):
    who = person()
    join(cp1, who, left=date(2026, 3, 1), reason="moved job")
    attend(meetings[:2], who)
    assert cell(build_membership_matrix(as_of=date(2026, 2, 28)), "Housing Support Worker") == "X"
    assert cell(build_membership_matrix(as_of=date(2026, 3, 1)), "Housing Support Worker") == "Y"
    assert cell(build_membership_matrix(as_of=date(2026, 6, 1)), "Housing Support Worker") == "Y"


def test_facilitator_who_also_attends_counts_as_f_only(cp1, meetings):
    fran = person("CoP Facilitator")
    join(cp1, fran, role=MembershipRole.FACILITATOR)
    attend(meetings, fran)
    matrix = build_membership_matrix(as_of=date(2026, 4, 1))
    assert cell(matrix, "CoP Facilitator") == "F"
    assert matrix.totals["CP1"] == 1


def test_as_of_before_and_after_meetings(cp1, meetings):
    who = person()
    join(cp1, who)
    attend(meetings, who)
    assert cell(build_membership_matrix(as_of=date(2026, 1, 10)), "Housing Support Worker") == "Y"
    # The second meeting counts on its own day, not before.
    assert cell(build_membership_matrix(as_of=date(2026, 2, 11)), "Housing Support Worker") == "Y"
    assert cell(build_membership_matrix(as_of=date(2026, 2, 12)), "Housing Support Worker") == "X"


def test_people_who_joined_after_the_date_are_not_shown(cp1, meetings):
    join(cp1, person("Early"), joined=JAN)
    join(cp1, person("Late"), joined=date(2026, 3, 1))
    titles = [r.job_title for r in build_membership_matrix(as_of=date(2026, 2, 1)).rows]
    assert titles == ["Early"]


def test_a_person_at_two_sites_has_a_code_at_each(cp1, meetings):
    cp3 = SiteFactory(code="CP3", town="Colchester")
    cp3_meeting = MeetingFactory(site=cp3, starts_at=at(date(2026, 1, 20)))
    who = person("Community Psychiatric Nurse", Sector.NHS)
    join(cp1, who)
    join(cp3, who, role=MembershipRole.FACILITATOR)
    attend(meetings[:2], who)
    attend([cp3_meeting], who)
    matrix = build_membership_matrix(as_of=date(2026, 4, 1))
    assert matrix.sites == ["CP1", "CP3"]
    assert cell(matrix, "Community Psychiatric Nurse", "CP1") == "X"
    assert cell(matrix, "Community Psychiatric Nurse", "CP3") == "F"
    assert matrix.totals == {"CP1": 1, "CP3": 1} and matrix.total == 2


def test_codes_in_a_cell_are_sorted_x_then_y_then_f_and_rows_grouped_by_sector(cp1, meetings):
    for role, attended in [(MembershipRole.FACILITATOR, 0), (MembershipRole.MEMBER, 1), (MembershipRole.MEMBER, 2)]:
        who = person("Support Worker")
        join(cp1, who, role=role)
        attend(meetings[:attended], who)
    join(cp1, person("Zebra keeper", Sector.VOLUNTARY))
    join(cp1, person("Adult Social Worker", Sector.LOCAL_AUTHORITY))
    join(cp1, person("Expert by experience", Sector.EXPERTS_BY_EXPERIENCE))
    matrix = build_membership_matrix(as_of=date(2026, 4, 1))
    assert cell(matrix, "Support Worker") == "XYF"
    assert [(r.sector, r.job_title) for r in matrix.rows] == [
        ("Voluntary Sector", "Support Worker"),
        ("Voluntary Sector", "Zebra keeper"),
        ("Local Authority", "Adult Social Worker"),
        ("Experts by Experience", "Expert by experience"),
    ]
    assert matrix.rows[1].cells == {"CP1": "Y"}


def test_every_site_has_a_key_in_every_row(cp1, meetings):
    SiteFactory(code="CP2", town="Halifax")
    join(cp1, person())
    matrix = build_membership_matrix(as_of=date(2026, 4, 1))
    assert matrix.rows[0].cells == {"CP1": "Y", "CP2": ""}
    assert matrix.totals == {"CP1": 0, "CP2": 0}


def test_matrix_uses_a_fixed_number_of_queries(cp1, meetings, django_assert_num_queries):
    for n in range(15):
        who = person(f"Worker {n % 4}")
        join(cp1, who)
        attend(meetings[: n % 3], who)
    with django_assert_num_queries(4):  # memberships, attendance, job history, sites
        build_membership_matrix(as_of=date(2026, 4, 1))


def test_command_prints_json_in_the_agreed_shape(cp1, meetings):
    who = person()
    join(cp1, who)
    attend(meetings[:2], who)
    out = io.StringIO()
    call_command("membership_matrix", "--format", "json", "--as-of", "2026-04-01", stdout=out)
    assert json.loads(out.getvalue()) == {
        "as_of": "2026-04-01",
        "sites": ["CP1"],
        "rows": [{"sector": "Voluntary Sector", "job_title": "Housing Support Worker", "cells": {"CP1": "X"}}],
        "totals": {"CP1": 1},
        "total": 1,
    }


def test_command_prints_csv(cp1, meetings):
    join(cp1, person())
    out = io.StringIO()
    call_command("membership_matrix", "--format", "csv", "--as-of", "2026-04-01", stdout=out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == ["Sector", "Job title", "CP1"]
    assert rows[1] == ["Voluntary Sector", "Housing Support Worker", "Y"]
    assert rows[-1] == ["", "Confirmed members (N=0)", "0"]


# The page
@pytest.mark.django_db
def test_programme_admin_sees_every_site(client, site, other_site, facilitator, outsider, programme_admin):
    client.force_login(programme_admin)
    response = client.get(reverse("sites:matrix"))
    assert response.status_code == 200
    assert response.context["matrix"].sites == ["CP1", "CP3"]


@pytest.mark.django_db
def test_facilitator_sees_only_their_own_sites_column(client, site, other_site, facilitator, member, outsider):
    client.force_login(facilitator)
    matrix = client.get(reverse("sites:matrix")).context["matrix"]
    assert matrix.sites == ["CP1"]
    assert all(set(row.cells) == {"CP1"} for row in matrix.rows)
    assert matrix.total == 1  # the facilitator; the member attended nothing


@pytest.mark.django_db
def test_members_brokers_and_commissioners_may_not_see_the_matrix(client, member, broker, commissioner):
    for user in (member, broker, commissioner):
        client.force_login(user)
        assert client.get(reverse("sites:matrix")).status_code == 403


@pytest.mark.django_db
def test_matrix_page_as_of_date_and_csv_download(client, cp1, meetings, programme_admin):
    who = person()
    join(cp1, who)
    attend(meetings[:2], who)
    client.force_login(programme_admin)
    response = client.get(reverse("sites:matrix"), {"as_of": "2026-01-20"})
    assert response.context["matrix"].rows[0].cells["CP1"] == "Y"
    assert "20 January 2026" in response.content.decode()
    download = client.get(reverse("sites:matrix"), {"as_of": "2026-03-01", "format": "csv"})
    assert download["Content-Type"].startswith("text/csv")
    assert "membership-matrix-2026-03-01.csv" in download["Content-Disposition"]
    assert "Housing Support Worker,X" in download.content.decode()


@pytest.mark.django_db
def test_matrix_page_with_a_bad_date_shows_today(client, programme_admin):
    client.force_login(programme_admin)
    response = client.get(reverse("sites:matrix"), {"as_of": "31/02/2026"})
    assert response.status_code == 200
    assert "Enter a real date" in response.content.decode()


@pytest.mark.django_db
def test_matrix_page_uses_a_fixed_number_of_queries(client, programme_admin, django_assert_max_num_queries):
    today = timezone.localdate()  # the programme's date, not the server's
    for n in range(6):
        site = SiteFactory(code=f"CP{n + 1}")
        meeting = MeetingFactory(site=site, starts_at=at(today - timedelta(days=10)))
        for k in range(5):
            m = MembershipFactory(site=site, person__job_title=f"Worker {k}")
            AttendanceFactory(meeting=meeting, person=m.person)
    client.force_login(programme_admin)
    with django_assert_max_num_queries(12):  # with the menu's counts
        response = client.get(reverse("sites:matrix"))
    assert response.context["matrix"].total == 0
    assert len(response.context["matrix"].sites) == 6
