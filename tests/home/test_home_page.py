"""The home page knows each role's real work, and the menu counts it: a facilitator's next meeting and its agenda,
registers not yet taken, cases shared for the next meeting, open actions, site health and set-up steps still to do;
a member's cases with what to fix, the actions they own and their questions answered. Batched reads: the number of
queries does not grow with sites, meetings, cases or actions."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases.models import Question, QuestionStatus
from cases.services import lifecycle
from cycle.models import AgendaItem, AgendaItemKind, MeetingRecord, RecordAction, RecordEntry
from sites.models import AttendanceStatus, Invitation, MembershipRole
from sites.services.invitations import invite_person
from tests.factories import AttendanceFactory, MeetingFactory, MembershipFactory, SiteFactory, at
from tests.network.helpers import network_meeting
from toolkit.models import HealthStatus, SiteHealth
from toolkit.services.checklist import ensure_site_checklist
from toolkit.services.health import assess_site_health

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
NHS_TEXT = "Seen at A&E on Saturday. His NHS number is 943 476 5919 and he was sent home."


def approved_action(meeting, owner, text="Ring the housing team"):
    record = MeetingRecord.objects.create(meeting=meeting, status="approved")
    entry = RecordEntry.objects.create(record=record, position=1)
    return RecordAction.objects.create(entry=entry, text=text, owner=owner)


def busy_site(site, facilitator, member):
    """A site with a meeting next week (agenda in preparation), one last week with no register, one held with its
    register, a shared case, an open action, a health check and its checklist."""
    coming = MeetingFactory(site=site, starts_at=at(TODAY + timedelta(days=7)))
    AgendaItem.objects.create(meeting=coming, position=1, kind=AgendaItemKind.STANDING, title="Welcome")
    MeetingFactory(site=site, starts_at=at(TODAY - timedelta(days=7)))
    held = MeetingFactory(site=site, starts_at=at(TODAY - timedelta(days=35)))
    AttendanceFactory(meeting=held, person=member, status=AttendanceStatus.PRESENT)
    case = lifecycle.create_case(site=site, by=member, title=f"Weekend crises at {site.code}", presentation="A man.")
    lifecycle.share_case(case=case, by=member)
    approved_action(held, facilitator)
    ensure_site_checklist(site)
    assess_site_health(site=site)
    return coming


def test_a_facilitator_sees_their_sites_work_and_the_menu_counts_it(client, site, facilitator, member):
    coming = busy_site(site, facilitator, member)
    client.force_login(facilitator)
    response = client.get(reverse("home"))
    page = response.content.decode()
    [work] = response.context["facilitating"]
    assert work["next_meeting"] == coming
    assert work["agenda_state"] == "Agenda in preparation: 1 item, not sent to members yet."
    assert [m.local_date for m in work["registers"]] == [TODAY - timedelta(days=7)]
    assert [c.title for c in work["shared_cases"]] == ["Weekend crises at CP1"]
    assert work["open_actions"] == 1
    assert work["health"] is not None
    assert len(work["setup_to_do"]) == 9  # nothing ticked by hand, and the records answer none yet
    assert "Running CP1" in page and "Prepare the agenda" in page and "1 register not yet taken" in page
    day = TODAY - timedelta(days=7)
    assert f"Take the register of CP1&#x27;s meeting on {day.day} {day:%B %Y}" in page
    assert "1 action you own is open" in page
    assert f"Send the agenda for CP1&#x27;s meeting on {coming.local_date.day} {coming.local_date:%B %Y}" in page
    bar = {item["label"]: item["count"] for item in response.context["nav_items"]}
    assert bar["Sites"] == 1 and bar["My actions"] == 1 and bar["Cases"] == 0
    assert '<span class="badge rounded-pill nav-count">1<span class="visually-hidden"> waiting for you' in page


def test_a_member_sees_their_cases_findings_actions_and_answers(client, site, facilitator, member, broker):
    draft = lifecycle.create_case(site=site, by=member, title="A draft with a number", presentation=NHS_TEXT)
    held = MeetingFactory(site=site, starts_at=at(TODAY - timedelta(days=7)))
    approved_action(held, member, text="Ask the GP about a weekend plan")
    shared = lifecycle.create_case(site=site, by=member, title="Shared case", presentation="A man.")
    lifecycle.share_case(case=shared, by=member)
    Question.objects.create(
        case=shared, asked_by=member, text="Is there evidence?", status=QuestionStatus.ANSWERED,
        reply="Yes.", answered_by=broker, answered_at=timezone.now(),
    )  # fmt: skip
    client.force_login(member)
    response = client.get(reverse("home"))
    page = response.content.decode()
    work = response.context["my_work"]
    assert {c.title: c.to_fix for c in work["cases"]} == {"A draft with a number": 1, "Shared case": 0}
    assert work["actions"] == [("Ask the GP about a weekend plan", "CP1")]
    assert [q.text for q in work["answered_questions"]] == ["Is there evidence?"]
    assert "1 thing to fix" in page and "1 thing to fix in your cases before sharing" in page
    assert "Ask the GP about a weekend plan" in page and "Is there evidence?" in page
    assert response.context["facilitating"] == []
    bar = {item["label"]: item["count"] for item in response.context["nav_items"]}
    assert bar["Cases"] == 1 and bar["My actions"] == 1 and draft.pk


def test_a_broker_is_told_about_open_questions(client, site, member, broker):
    case = lifecycle.create_case(site=site, by=member, title="Shared", presentation="A man.")
    lifecycle.share_case(case=case, by=member)
    Question.objects.create(case=case, asked_by=member, text="Anything on this?")
    client.force_login(broker)
    response = client.get(reverse("home"))
    assert "1 question waits for a knowledge broker" in response.content.decode()
    assert {i["label"]: i["count"] for i in response.context["nav_items"]}["Questions"] == 1
    client.force_login(member)
    assert "Questions" not in {i["label"] for i in client.get(reverse("home")).context["nav_items"]}


def test_the_menu_counts_cost_one_query_on_every_page(client, site, facilitator, member):
    busy_site(site, facilitator, member)
    client.force_login(facilitator)
    client.get(reverse("sites:matrix"))
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("sites:matrix"))
    counting = [q["sql"] for q in queries.captured_queries if "SELECT COUNT(*) FROM" in q["sql"]]
    assert len(counting) == 1


def test_the_home_page_reads_a_fixed_number_of_queries(client, site, facilitator, member, django_assert_num_queries):
    busy_site(site, facilitator, member)
    client.force_login(facilitator)
    client.get(reverse("home"))
    with CaptureQueriesContext(connection) as one_site:
        client.get(reverse("home"))
    for code in ("CP4", "CP5", "CP6"):
        other = SiteFactory(code=code)
        MembershipFactory(site=other, person=facilitator, role=MembershipRole.FACILITATOR)
        other_member = MembershipFactory(site=other).person
        busy_site(other, facilitator, other_member)
        busy_site(other, facilitator, other_member)
    with django_assert_num_queries(len(one_site.captured_queries)):
        response = client.get(reverse("home"))
    assert len(response.context["facilitating"]) == 4


def test_a_commissioner_home_leads_with_the_issues_waiting_and_no_site_lists(client, commissioner, site, member):
    case = lifecycle.create_case(
        site=site,
        by=member,
        title="Friday discharges",
        presentation="A man.",
        commissioner_issues="No weekend contact.",
    )
    lifecycle.share_case(case=case, by=member)
    client.force_login(commissioner)
    page = client.get(reverse("home")).content.decode()
    assert "Issues waiting for a response" in page and "1 case</strong> raises issues for commissioners" in page
    assert page.index("Issues waiting for a response") < page.index("Waiting for me")
    assert "My sites" not in page and "My next meetings" not in page


def test_a_programme_admin_home_names_the_sites_on_watch_or_at_risk(client, programme_admin, site):
    quiet = SiteFactory(code="CP8", town="Lewes")
    SiteHealth.objects.create(site=site, status=HealthStatus.WATCH, reasons=[{"text": "No case at three meetings."}])
    SiteHealth.objects.create(site=quiet, status=HealthStatus.AT_RISK, reasons=[{"text": "No meeting for 90 days."}])
    client.force_login(programme_admin)
    page = client.get(reverse("home")).content.decode()
    assert "Sites to look at" in page and "No meeting for 90 days." in page and "No case at three meetings." in page
    assert page.index("CP8 Lewes") < page.index(f"{site.code} {site.town}"), "at risk first"
    assert "My sites" not in page


def test_the_menu_counts_are_kept_a_minute_and_counted_again_after_the_persons_own_change(
    client, settings, site, member, broker
):
    """Issue 24: every page shows the menu's counts, so they are kept (in the shared cache) rather than counted on each
    page; the person's own change shows at once, someone else's within the minute."""
    settings.MENU_COUNTS_SECONDS = 60
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "menu"}}
    case = lifecycle.create_case(site=site, by=member, title="Shared", presentation="A man.")
    lifecycle.share_case(case=case, by=member)
    first = Question.objects.create(case=case, asked_by=member, text="Anything on this?")
    client.force_login(broker)

    def questions_badge() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("home"))
        counted = sum("SELECT COUNT(*) FROM" in q["sql"] for q in queries.captured_queries)
        return {i["label"]: i["count"] for i in response.context["nav_items"]}["Questions"], counted

    with time_machine.travel(timezone.now(), tick=False) as clock:
        assert questions_badge() == (1, 1)
        Question.objects.create(case=case, asked_by=member, text="And on this?")  # someone else's change
        assert questions_badge() == (1, 0)  # kept: not counted again
        clock.shift(timedelta(seconds=61))
        assert questions_badge() == (2, 1)  # a minute on: counted again
        # The broker closes a question: their next page counts again, at once.
        response = client.post(reverse("evidence:question_status", args=[first.pk]), {"status": "closed"})
        assert response.status_code == 302
        assert questions_badge() == (1, 1)
        # A page they only read does not.
        assert questions_badge() == (1, 0)


def test_a_facilitator_is_told_of_invitations_to_their_sites_not_yet_accepted(client, site, facilitator):
    other_site = SiteFactory(code="CP9")
    invite_person(invited_by=facilitator, email="pending@example.org", role="member", site=site)
    revoked = invite_person(invited_by=facilitator, email="revoked@example.org", role="member", site=site)
    Invitation.objects.filter(pk=revoked.invitation.pk).update(revoked_at=timezone.now())
    elsewhere = MembershipFactory(site=other_site, role=MembershipRole.FACILITATOR).person
    invite_person(invited_by=elsewhere, email="elsewhere@example.org", role="member", site=other_site)
    client.force_login(facilitator)
    page = client.get(reverse("home")).content.decode()
    assert "1 invitation not yet accepted" in page and reverse("memberships:invitations") in page


def test_the_home_page_reads_the_persons_memberships_once(client, settings, site, other_site, facilitator, member):
    settings.MENU_COUNTS_SECONDS = 60  # as in production: the menu's counts (which ask the site roles) are kept
    MembershipFactory(site=other_site, person=facilitator)  # a member of a second site too
    busy_site(site, facilitator, member)
    client.force_login(facilitator)
    client.get(reverse("home"))
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("home")).content.decode()
    of_person = [
        q["sql"]
        for q in queries.captured_queries
        if 'FROM "members_membership"' in q["sql"]
        and f'"members_membership"."person_id" = {facilitator.pk}' in q["sql"]
    ]
    assert len(of_person) == 1, of_person
    assert "CP1" in page and "CP3" in page


def test_next_meetings_are_the_five_soonest_of_the_sites_with_a_role_and_the_facilitators_come_from_them(
    client, site, other_site, facilitator, member
):
    MembershipFactory(site=other_site, person=member)
    elsewhere = SiteFactory(code="CP7")  # the member's meetings only: not this site's
    MeetingFactory(site=elsewhere, starts_at=at(TODAY + timedelta(days=1)))
    soonest = [
        MeetingFactory(site=site if day % 2 else other_site, starts_at=at(TODAY + timedelta(days=day)))
        for day in (2, 3, 4, 5, 6, 7, 8)
    ]
    MeetingFactory(site=site, starts_at=at(TODAY + timedelta(days=1)), status="cancelled")
    client.force_login(member)
    assert list(client.get(reverse("home")).context["next_meetings"]) == soonest[:5]
    client.force_login(facilitator)
    response = client.get(reverse("home"))
    assert list(response.context["next_meetings"]) == [m for m in soonest if m.site_id == site.pk][:5]
    [work] = response.context["facilitating"]
    assert work["next_meeting"] == soonest[1] and work["agenda_state"] == "No agenda yet."


def test_a_commissioner_holding_a_membership_sees_no_meetings_of_that_site(client, site, commissioner):
    MembershipFactory(site=site, person=commissioner)  # refused by the services; held anyway
    MeetingFactory(site=site, starts_at=at(TODAY + timedelta(days=3)))
    client.force_login(commissioner)
    assert list(client.get(reverse("home")).context["next_meetings"]) == []


def test_the_network_panel_shows_to_facilitators_of_a_running_site_only(client, site, facilitator, programme_admin):
    network_meeting(admin=programme_admin)
    client.force_login(facilitator)
    assert client.get(reverse("home")).context["network"]["next"] is not None
    site.status = "closed"
    site.save(update_fields=["status"])
    assert client.get(reverse("home")).context["network"] is None
