"""The programme dashboard: figures per site, filterable by period, in a fixed number of queries."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from evaluation import services
from evaluation.dashboard import Period, programme_dashboard
from members.models import Sector
from sites.models import AttendanceStatus, Expense, ExpenseCategory, Meeting, MeetingStatus, MembershipRole
from tests.evaluation.conftest import answer, members_of
from tests.factories import AttendanceFactory, MeetingFactory, MembershipFactory, SiteFactory, at

pytestmark = pytest.mark.django_db


def held_meeting(site, day: date, statuses=()):
    meeting = MeetingFactory(site=site, starts_at=at(day), ends_at=at(day, 16))
    for status in statuses:
        AttendanceFactory(meeting=meeting, status=status)
    return meeting


@pytest.fixture
def programme(site, other_site, facilitator, member):
    members_of(site, 2, person__sector=Sector.NHS)
    members_of(other_site, 3, person__sector=Sector.LOCAL_AUTHORITY)
    P, A, X = AttendanceStatus.PRESENT, AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT
    held_meeting(site, date(2026, 1, 14), [P, P, P, A])
    held_meeting(site, date(2026, 2, 11), [P, X])
    held_meeting(other_site, date(2026, 2, 18), [P, P])
    MeetingFactory(site=site, starts_at=at(date(2026, 3, 11)), status=MeetingStatus.CANCELLED)
    Expense.objects.create(
        site=site, category=ExpenseCategory.choices[0][0], spent_on=date(2026, 1, 14), amount=Decimal("1500")
    )
    Expense.objects.create(
        site=site, category=ExpenseCategory.choices[0][0], spent_on=date(2026, 2, 11), amount=Decimal("500")
    )
    return site, other_site


def test_dashboard_figures_for_the_programme(programme_admin, programme):
    site, other_site = programme
    data = programme_dashboard(programme_admin, period=Period())
    members_table = str(data["members"]["table"])
    assert data["members"]["total"] == 7  # CP1: facilitator, member, 2 NHS; CP3: 3
    assert "<td>2</td>" in members_table  # the two NHS members at CP1
    assert [(r["site"].code, r["held"]) for r in data["meetings"]["rows"]] == [("CP1", 2), ("CP3", 1)]
    assert "Jan 2026: 75% (3 of 4)" in str(data["attendance"]["svg"])
    assert "Feb 2026: 75% (3 of 4)" in str(data["attendance"]["svg"])
    budget = {r["site"].code: (r["spent"], r["award"], r["percent"]) for r in data["budget"]["rows"]}
    assert budget["CP1"] == ("£2,000", "£6,950", 29)


def test_period_filters_every_figure(programme_admin, programme):
    data = programme_dashboard(programme_admin, period=Period(date(2026, 2, 1), date(2026, 2, 28)))
    assert [(r["site"].code, r["held"]) for r in data["meetings"]["rows"]] == [("CP1", 1), ("CP3", 1)]
    assert "Jan 2026" not in str(data["attendance"]["table"])
    assert "Feb 2026" in str(data["attendance"]["table"])
    assert data["budget"]["rows"][0]["spent"] == "£500"


def test_facilitators_see_their_own_site_only(client, facilitator, programme):
    client.force_login(facilitator)
    response = client.get(reverse("evaluation:dashboard"))
    assert response.status_code == 200
    assert [s.code for s in response.context["sites"]] == ["CP1"]
    assert "CP3" not in response.content.decode()


def test_dashboard_is_not_for_members_brokers_or_commissioners(client, member, broker, commissioner):
    for person in (member, broker, commissioner):
        client.force_login(person)
        assert client.get(reverse("evaluation:dashboard")).status_code == 404


def test_dashboard_shows_survey_results_and_leaves_slots_for_later_panels(
    client, programme_admin, open_report_survey, site, member
):
    for person in [member, *members_of(site, 4)]:
        answer(open_report_survey, person)
    services.close_survey(survey=open_report_survey)  # results appear once the survey has closed
    client.force_login(programme_admin)
    response = client.get(reverse("evaluation:dashboard"))
    page = response.content.decode()
    assert "100% (5 of 5)" in page
    assert response.context["later_panels"] == []
    assert "Evidence added" in page
    assert "Cases discussed and followed up" in page and "Outcomes by kind" in page


def test_a_bad_period_is_explained(client, programme_admin):
    client.force_login(programme_admin)
    response = client.get(reverse("evaluation:dashboard"), {"start": "2026-03-01", "end": "2026-02-01"})
    assert response.status_code == 200
    assert "The end of the period must be on or after its start." in response.content.decode()


def add_site(n: int):
    new_site = SiteFactory(code=f"CP{n + 20}", town=f"Town {n}")
    MembershipFactory(site=new_site, role=MembershipRole.FACILITATOR)
    for person in members_of(new_site, 2):
        meeting = held_meeting(new_site, timezone.localdate() - timedelta(days=10 + n))
        AttendanceFactory(meeting=meeting, person=person)
    Expense.objects.create(
        site=new_site, category=ExpenseCategory.choices[0][0], spent_on=timezone.localdate(), amount=10
    )


def test_dashboard_query_count_does_not_grow_with_sites(
    client, programme_admin, open_report_survey, django_assert_num_queries
):
    client.force_login(programme_admin)
    client.get(reverse("home"))  # the first request after signing in saves the session; the next ones need not
    add_site(1)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("evaluation:dashboard"))
    for n in range(2, 8):
        add_site(n)
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(reverse("evaluation:dashboard"))
    assert len(response.context["sites"]) == 8


def test_the_page_keeps_its_counts_for_a_while_says_when_they_were_counted_and_counts_again_after_a_change(
    client, programme_admin, programme
):
    site, _ = programme
    client.force_login(programme_admin)
    url = reverse("evaluation:dashboard")
    with CaptureQueriesContext(connection) as counted:
        first = client.get(url)
    with CaptureQueriesContext(connection) as kept:
        again = client.get(url)
    assert len(kept) < len(counted)  # the programme-wide counts came from the cache
    assert again.context["meetings"]["total"] == first.context["meetings"]["total"] == 3
    as_of = timezone.localtime(again.context["figures_as_of"])
    assert f"Figures as of {as_of:%H:%M} (Europe/London) on {as_of.day} {as_of:%B %Y}" in again.content.decode()
    site_link = f'<a href="{reverse("evaluation:site", args=[site.pk])}">{site.code} {site.town}</a>'
    assert site_link in again.content.decode()  # the focus groups and self-assessment of each site

    held_meeting(site, date(2026, 4, 8), [AttendanceStatus.PRESENT])  # a change saved through the app
    after = client.get(url)
    assert after.context["meetings"]["total"] == 4
    assert "Apr 2026: 100% (1 of 1)" in str(after.context["attendance"]["svg"])

    client.get(url, {"start": "01/02/2026", "end": "28/02/2026"})  # another period is counted on its own
    assert client.get(url).context["meetings"]["total"] == 4


def test_downloads_and_the_api_count_afresh(programme_admin, programme):
    site, _ = programme
    assert programme_dashboard(programme_admin, period=Period())["meetings"]["total"] == 3
    Meeting.objects.filter(site=site, status=MeetingStatus.SCHEDULED).update(status=MeetingStatus.CANCELLED)
    assert programme_dashboard(programme_admin, period=Period(), every_site=True)["meetings"]["total"] == 1


def test_dashboard_counts_issues_answered_and_the_median_days_to_a_first_response(
    client, programme_admin, programme, member, outsider, commissioner
):
    """Three issues raised in February (two at CP1, one at CP3): answered after 2 and 6 days, one still waiting."""
    from cases.models import CommissionerIssue
    from cases.services import issues, lifecycle

    site, other_site = programme
    raised = []
    for where, who in ((site, member), (site, member), (other_site, outsider)):
        case = lifecycle.create_case(
            site=where, by=who, title="Weekend cover", presentation="Nobody answers at weekends.",
            commissioner_issues="No mental health cover at weekends.",
        )  # fmt: skip
        lifecycle.share_case(case=case, by=who)
        raised.append(CommissionerIssue.objects.get(case=case))
    feb = timezone.make_aware(timezone.datetime(2026, 2, 2, 10))
    CommissionerIssue.objects.filter(pk__in=[i.pk for i in raised]).update(raised_at=feb)
    for issue, days in ((raised[0], 2), (raised[2], 6)):
        issues.respond_to_issue(issue=issue, by=commissioner, text="We are looking at it.", status="acknowledged")
        CommissionerIssue.objects.filter(pk=issue.pk).update(first_response_at=feb + timedelta(days=days))
    data = programme_dashboard(programme_admin, period=Period(date(2026, 2, 1), date(2026, 2, 28)))
    assert (data["issues"]["raised"], data["issues"]["answered"], data["issues"]["median_days"]) == (3, 2, 4.0)
    assert (
        programme_dashboard(programme_admin, period=Period(date(2026, 3, 1), date(2026, 3, 31)))["issues"]["raised"]
        == 0
    )
    client.force_login(programme_admin)
    page = client.get(reverse("evaluation:dashboard"), {"start": "2026-02-01", "end": "2026-02-28"}).content.decode()
    assert "<strong>2</strong> of the 3 issues raised in this period got a response" in page
    assert "<strong>4.0 days</strong>" in page
