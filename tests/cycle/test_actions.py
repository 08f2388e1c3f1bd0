from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases.models import ActionStatus
from cases.services import lifecycle
from cycle.models import ActionReminder, AgendaItem, RecordActionStatus
from cycle.periodic import send_meeting_cycle_emails
from cycle.selectors import my_actions, site_open_actions
from cycle.services import actions, record
from sites.models import Meeting, MembershipRole
from tests.factories import MeetingFactory, MembershipFactory, at

TEXT = "A man in his forties attends A&E most weekends after drinking; nobody hears until Monday."


def approved_record_with_action(site, facilitator, owner, text, *, days_ago=1, due_on=None):
    meeting = MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=days_ago)))
    AgendaItem.objects.create(meeting=meeting, position=1, kind="other", title="Open discussion")
    draft = record.open_record(meeting=meeting, opened_by=facilitator)
    action = record.add_record_action(
        entry=draft.entries.get(), added_by=facilitator, text=text, owner=owner, due_on=due_on
    )
    record.approve_record(record=draft, approved_by=facilitator)
    return action


@pytest.fixture
def two_sites(site, other_site, facilitator, member):
    """`member` belongs to CP1 and CP3 and owns an action at each, plus a case next step."""
    MembershipFactory(site=other_site, person=member)
    other_facilitator = MembershipFactory(site=other_site, role=MembershipRole.FACILITATOR).person
    cp1 = approved_record_with_action(site, facilitator, member, "Ask the GP about weekend cover", days_ago=3)
    cp3 = approved_record_with_action(other_site, other_facilitator, member, "Bring the housing leaflet", days_ago=9)
    case = lifecycle.create_case(site=site, by=facilitator, title="Weekend crises", presentation=TEXT)
    step = lifecycle.add_action_item(case=case, by=facilitator, text="Call the neighbourhood team", owner=member)
    lifecycle.share_case(case=case, by=facilitator)
    return {"cp1": cp1, "cp3": cp3, "step": step, "other_facilitator": other_facilitator}


@pytest.mark.django_db
def test_my_actions_across_two_sites_open_first(two_sites, member, facilitator):
    actions.complete_record_action(action=two_sites["cp3"], by=member, note="Left at reception")
    lines = my_actions(member)
    assert [(line.kind, line.site_code, line.is_open) for line in lines] == [
        ("meeting", "CP1", True),
        ("case", "CP1", True),
        ("meeting", "CP3", False),
    ]
    assert my_actions(facilitator) == []


@pytest.mark.django_db
def test_my_actions_page_and_closing_with_one_click(client, two_sites, member, django_assert_max_num_queries):
    client.force_login(member)
    with django_assert_max_num_queries(20):
        page = client.get(reverse("my_actions")).content.decode()
    assert "Ask the GP about weekend cover" in page and "Bring the housing leaflet" in page
    assert "Call the neighbourhood team" in page
    response = client.post(reverse("meeting_action_done", args=[two_sites["cp1"].pk]), {"note": "GP agreed"})
    assert response.status_code == 302
    two_sites["cp1"].refresh_from_db()
    assert two_sites["cp1"].status == RecordActionStatus.DONE and two_sites["cp1"].done_note == "GP agreed"
    client.post(reverse("case_action_done", args=[two_sites["step"].pk]), {"status": "tried_helpful", "note": ""})
    two_sites["step"].refresh_from_db()
    assert two_sites["step"].status == ActionStatus.TRIED_HELPFUL


@pytest.mark.django_db
def test_my_actions_and_a_sites_open_actions_read_when_each_is_due_in_a_fixed_number_of_queries(
    client, site, facilitator, member
):
    """Issue 24: an action without a date is due at the next meeting after its own; reading that per action made
    one query per row on My actions and on the facilitator's list of open actions."""

    def queries_for(path):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    next_meeting = MeetingFactory(site=site, starts_at=at(timezone.localdate() + timedelta(days=20)))
    approved_record_with_action(site, facilitator, member, "Ask the GP about weekend cover", days_ago=3)
    one = {}
    for person in (member, facilitator):  # the facilitator's page lists the site's open actions too
        client.force_login(person)
        one[person] = queries_for(reverse("my_actions"))
    for days_ago in (5, 7, 9, 11):
        approved_record_with_action(site, facilitator, member, f"Action from {days_ago} days ago", days_ago=days_ago)
    for person in (member, facilitator):
        client.force_login(person)
        assert queries_for(reverse("my_actions")) == one[person]
    lines = [line for line in my_actions(member) if line.kind == "meeting"]
    # Each is due at the meeting after its own: the newest at the next meeting, the others at the one after them.
    assert len(lines) == 5 and lines[-1].due_on == next_meeting.local_date
    for line in lines:
        following = (
            Meeting.objects.scheduled()
            .filter(site=site, starts_at__gt=line.meeting.starts_at)
            .order_by("starts_at")
            .first()
        )
        assert line.due_on == following.local_date, line.action.text
    assert len(site_open_actions(facilitator)) == 5


@pytest.mark.django_db
def test_someone_else_cannot_close_my_action(client, two_sites, outsider, broker):
    for person in (outsider, broker):
        client.force_login(person)
        assert client.post(reverse("meeting_action_done", args=[two_sites["cp1"].pk])).status_code == 404
        assert client.post(reverse("case_action_done", args=[two_sites["step"].pk])).status_code == 404
    with pytest.raises(PermissionDenied):
        actions.complete_record_action(action=two_sites["cp1"], by=outsider)
    assert two_sites["cp1"].status == RecordActionStatus.OPEN


@pytest.mark.django_db
def test_facilitators_see_all_open_actions_of_their_site_only(two_sites, facilitator, member):
    lines = site_open_actions(facilitator)
    assert [line.action.text for line in lines] == ["Ask the GP about weekend cover"]
    assert site_open_actions(member) == []


@pytest.fixture
def run_job(django_capture_on_commit_callbacks):
    def run() -> int:
        with django_capture_on_commit_callbacks(execute=True):
            return send_meeting_cycle_emails.delay().get()

    return run


@pytest.mark.django_db
def test_owner_is_reminded_once_before_the_meeting_where_it_is_due(run_job, site, facilitator, member):
    action = approved_record_with_action(site, facilitator, member, "Ask the GP about weekend cover")
    mail.outbox.clear()
    assert run_job() == 0  # no next meeting yet: nothing is due
    MeetingFactory(site=site, starts_at=at(timezone.localdate() + timedelta(days=20)))
    assert run_job() == 0  # the next meeting is further away than the reminder period
    soon = MeetingFactory(site=site, starts_at=at(timezone.localdate() + timedelta(days=2)))
    assert actions.due_of(action).meeting == soon
    assert run_job() == 1
    assert run_job() == 0
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert "Ask the GP about weekend cover" in mail.outbox[0].body
    assert ActionReminder.objects.count() == 1


@pytest.mark.django_db
def test_closed_action_gets_no_reminder(run_job, site, facilitator, member):
    action = approved_record_with_action(
        site, facilitator, member, "Send the leaflet", due_on=timezone.localdate() + timedelta(days=1)
    )
    actions.complete_record_action(action=action, by=member)
    mail.outbox.clear()
    assert run_job() == 0

