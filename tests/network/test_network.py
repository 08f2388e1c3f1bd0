"""The facilitators' network: who sees its meetings, the agenda facilitators add to, the register the programme admin
takes, the record drafted and approved, the gate on every typed text, the calendar file and the audit trail."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from audit.models import AuditAction, AuditEvent
from audit.services import recorded_type
from network import services
from network.models import NetworkAction, NetworkAgendaItem, NetworkAttendance, NetworkMeeting
from sites.models import MembershipRole, SiteStatus
from tests.factories import MembershipFactory, SiteFactory, UserFactory
from tests.html import parse, select, text
from tests.network.helpers import held_with_record, network_meeting

pytestmark = pytest.mark.django_db
PERSONAL = "Ring Mrs Jane Doe on 07700 900123 about it"


def logged(action: str, target) -> list[str]:
    rows = AuditEvent.objects.filter(action=action, target_type=recorded_type(target), target_id=str(target.pk))
    return list(rows.order_by("pk").values_list("detail", flat=True))


@pytest.fixture
def closed_site_facilitator(db):
    site = SiteFactory(code="CP9", status=SiteStatus.CLOSED)
    return MembershipFactory(site=site, role=MembershipRole.FACILITATOR).person


# Who sees what
def test_only_facilitators_of_running_sites_and_programme_admins_see_network_meetings(
    client, facilitator, programme_admin, member, broker, commissioner, closed_site_facilitator
):
    meeting = network_meeting(admin=programme_admin)
    for person in (facilitator, programme_admin):
        client.force_login(person)
        assert client.get(reverse("network:index")).status_code == 200
        assert client.get(reverse("network:meeting", args=[meeting.pk])).status_code == 200
    for person in (member, broker, commissioner, closed_site_facilitator):
        client.force_login(person)
        assert client.get(reverse("network:index")).status_code == 403, person
        assert client.get(reverse("network:meeting", args=[meeting.pk])).status_code == 404, person
        assert client.get(reverse("network:ics", args=[meeting.pk])).status_code == 404, person
        assert client.get(reverse("network:record", args=[meeting.pk])).status_code == 404, person


def test_a_named_invitee_sees_that_meeting_only(client, programme_admin, broker):
    mine, other = network_meeting(admin=programme_admin), network_meeting(days=30, admin=programme_admin)
    client.force_login(programme_admin)
    response = client.post(reverse("network:invitees", args=[mine.pk]), {"person": broker.pk})
    assert response.status_code == 302
    client.force_login(broker)
    listed = parse(client.get(reverse("network:index")).content)
    assert [a.etree_element.get("href") for a in select(listed, "main li a")] == [
        reverse("network:meeting", args=[mine.pk])
    ]
    assert client.get(reverse("network:meeting", args=[mine.pk])).status_code == 200
    assert client.get(reverse("network:meeting", args=[other.pk])).status_code == 404
    # Seeing the meeting is not running it.
    assert client.get(reverse("network:register", args=[mine.pk])).status_code == 403
    assert client.post(reverse("network:cancel", args=[mine.pk])).status_code == 403
    invitee = mine.invitees.get()
    assert logged(AuditAction.CREATED, invitee) == [f"network meeting {mine.pk}"]


def test_a_commissioner_cannot_be_named_and_a_named_person_made_commissioner_sees_nothing(
    client, programme_admin, commissioner, member
):
    """Commissioners read the digests of issues, never discussion: the network's meetings and records included."""
    meeting = network_meeting(admin=programme_admin)
    client.force_login(programme_admin)
    page = parse(client.get(reverse("network:invitees", args=[meeting.pk])).content)
    offered = " | ".join(text(option) for option in select(page, "select[name=person] option"))
    assert commissioner.name not in offered and member.name in offered
    response = client.post(reverse("network:invitees", args=[meeting.pk]), {"person": commissioner.pk})
    assert response.status_code == 200 and "Choose a person from the list." in response.content.decode()
    with pytest.raises(ValidationError):
        services.invite_to_network_meeting(meeting=meeting, person=commissioner, invited_by=programme_admin)
    assert not meeting.invitees.exists()
    # Named as an advisory member, then made a commissioner: the meeting is closed to them from then on.
    services.invite_to_network_meeting(meeting=meeting, person=member, invited_by=programme_admin)
    type(member).objects.filter(pk=member.pk).update(is_commissioner=True)
    client.force_login(member)
    assert client.get(reverse("network:index")).status_code == 403
    for name in ("network:meeting", "network:record", "network:ics"):
        assert client.get(reverse(name, args=[meeting.pk])).status_code == 404, name


def test_the_video_link_reaches_invited_people_only(client, facilitator, member, programme_admin):
    meeting = network_meeting(admin=programme_admin)
    client.force_login(facilitator)
    page = parse(client.get(reverse("network:meeting", args=[meeting.pk])).content)
    assert [a.etree_element.get("href") for a in select(page, "[data-video-link]")] == [meeting.video_link]
    client.force_login(member)
    assert meeting.video_link.encode() not in client.get(reverse("home")).content


def test_the_facilitators_board_leads_to_the_network_meetings(client, facilitator, closed_site_facilitator):
    link = reverse("network:index")
    client.force_login(facilitator)
    board = parse(client.get(reverse("forum:facilitators_board")).content)
    assert link in [a.etree_element.get("href") for a in select(board, "main a")]
    client.force_login(closed_site_facilitator)  # still reads the board, but is no longer in the network
    board = parse(client.get(reverse("forum:facilitators_board")).content)
    assert link not in [a.etree_element.get("href") for a in select(board, "main a")]


# Scheduling
def test_a_programme_admin_schedules_a_meeting_in_uk_time_and_facilitators_see_it_on_their_home_page(
    client, programme_admin, facilitator, member
):
    day = timezone.localdate() + timedelta(days=40)
    client.force_login(programme_admin)
    response = client.post(
        reverse("network:schedule"),
        {"kind": "advisory", "date": day.isoformat(), "start_time": "10:00", "end_time": "12:30",
         "venue": "Programme office, Leeds", "video_link": "meet.example.org/advisory"},
    )  # fmt: skip
    meeting = NetworkMeeting.objects.get()
    assert response["Location"] == reverse("network:meeting", args=[meeting.pk])
    assert timezone.localtime(meeting.starts_at).strftime("%d/%m/%Y %H:%M") == f"{day:%d/%m/%Y} 10:00"
    assert meeting.video_link == "https://meet.example.org/advisory" and meeting.created_by == programme_admin
    assert logged(AuditAction.CREATED, meeting) == ["Advisory group meeting"]
    client.force_login(facilitator)
    panel = select(parse(client.get(reverse("home")).content), "section[aria-labelledby=network-heading]")
    assert len(panel) == 1 and f"{day:%-d %B %Y}" in text(panel[0]) and "Advisory group meeting" in text(panel[0])
    client.force_login(member)
    assert not select(parse(client.get(reverse("home")).content), "#network-heading")


def test_a_meeting_in_the_past_or_ending_before_it_starts_is_refused(client, programme_admin):
    client.force_login(programme_admin)
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    form = {"kind": "quarterly", "date": yesterday, "start_time": "10:00", "end_time": "12:00"}
    response = client.post(reverse("network:schedule"), form)
    assert response.status_code == 200 and "still to come" in response.content.decode()
    response = client.post(reverse("network:schedule"), {**form, "start_time": "12:00", "end_time": "10:00"})
    assert "The end time must be after the start time." in response.content.decode()
    assert not NetworkMeeting.objects.exists()


def test_moving_and_cancelling_update_the_calendar_file(client, programme_admin, facilitator):
    meeting = network_meeting(admin=programme_admin)
    client.force_login(programme_admin)
    new_day = meeting.local_date + timedelta(days=1)
    client.post(
        reverse("network:edit", args=[meeting.pk]),
        {"kind": "quarterly", "date": new_day.isoformat(), "start_time": "11:00", "end_time": "13:00", "venue": "Hall"},
    )  # fmt: skip
    client.force_login(facilitator)
    event = Calendar.from_ical(client.get(reverse("network:ics", args=[meeting.pk])).content).walk("VEVENT")[0]
    assert event.decoded("dtstart").strftime("%d/%m/%Y %H:%M") == f"{new_day:%d/%m/%Y} 11:00"
    assert (str(event["summary"]), str(event["location"]), int(event["sequence"])) == (
        "Quarterly facilitators' meeting", "Hall", 1
    )  # fmt: skip
    assert "Join online" not in str(event["description"])  # the edit cleared the video link
    client.force_login(programme_admin)
    client.post(reverse("network:cancel", args=[meeting.pk]))
    client.force_login(facilitator)
    event = Calendar.from_ical(client.get(reverse("network:ics", args=[meeting.pk])).content).walk("VEVENT")[0]
    assert (str(event["status"]), int(event["sequence"])) == ("CANCELLED", 2)
    assert logged(AuditAction.CHANGED, meeting) == ["details changed", "cancelled"]
    response = client.post(reverse("network:agenda_add", args=[meeting.pk]), {"title": "Too late"}, follow=True)
    assert "can no longer be changed" in response.content.decode()


# The agenda
def test_a_facilitator_proposes_an_item_and_the_admin_orders_it(client, facilitator, programme_admin):
    meeting = network_meeting(admin=programme_admin)
    client.force_login(facilitator)
    client.post(reverse("network:agenda_add", args=[meeting.pk]), {"title": "Supervision for new facilitators"})
    proposed = NetworkAgendaItem.objects.get(meeting=meeting, proposed_by=facilitator)
    assert (
        client.post(reverse("network:agenda_move", args=[meeting.pk, proposed.pk]), {"direction": "up"}).status_code
        == 403
    )
    client.force_login(programme_admin)
    client.post(reverse("network:agenda_move", args=[meeting.pk, proposed.pk]), {"direction": "up"})
    page = parse(client.get(reverse("network:meeting", args=[meeting.pk])).content)
    titles = [text(t) for t in select(page, "#agenda-items .agenda-title")]
    assert titles == ["Supervision for new facilitators", "Recruitment across the sites"]


def test_facilitators_propose_nothing_once_the_meeting_is_over(client, facilitator, programme_admin):
    meeting = network_meeting(days=-1, admin=programme_admin)
    client.force_login(facilitator)
    response = client.post(reverse("network:agenda_add", args=[meeting.pk]), {"title": "Late item"}, follow=True)
    assert "can no longer be changed" in response.content.decode()
    assert not select(parse(response.content), "#id_title")
    client.force_login(programme_admin)
    client.post(reverse("network:agenda_add", args=[meeting.pk]), {"title": "Any other business"})
    assert meeting.agenda_items.filter(title="Any other business").exists()


def test_personal_data_in_an_agenda_item_is_refused(client, facilitator, programme_admin):
    meeting = network_meeting(admin=programme_admin)
    client.force_login(facilitator)
    response = client.post(reverse("network:agenda_add", args=[meeting.pk]), {"title": PERSONAL}, follow=True)
    assert "This could identify someone" in response.content.decode()
    assert not meeting.agenda_items.filter(proposed_by=facilitator).exists()


# The register
def test_the_programme_admin_takes_the_register_of_everyone_invited(
    client, programme_admin, facilitator, member, closed_site_facilitator
):
    other = MembershipFactory(site=SiteFactory(code="CP3"), role=MembershipRole.FACILITATOR).person
    meeting = network_meeting(days=0, admin=programme_admin)
    client.force_login(facilitator)
    assert client.get(reverse("network:register", args=[meeting.pk])).status_code == 403
    client.force_login(programme_admin)
    page = parse(client.get(reverse("network:register", args=[meeting.pk])).content)
    names = [legend.etree_element.text.strip() for legend in select(page, "fieldset.register-line legend")]
    assert sorted(names) == sorted([programme_admin.name, facilitator.name, other.name])
    response = client.post(
        reverse("network:register", args=[meeting.pk]),
        {f"status_{facilitator.pk}": "present", f"status_{other.pk}": "apologies", f"status_{member.pk}": "present"},
    )
    assert response.status_code == 302
    marks = dict(NetworkAttendance.objects.filter(meeting=meeting).values_list("person_id", "status"))
    assert marks == {facilitator.pk: "present", other.pk: "apologies"}  # not the member: not on the register
    assert logged(AuditAction.CHANGED, meeting) == ["register: 2 marks"]
    client.force_login(facilitator)
    shown = text(parse(client.get(reverse("network:meeting", args=[meeting.pk])).content).query("main"))
    assert f"{facilitator.name} (present)" in shown and f"{other.name} (apologies)" in shown


def test_the_register_opens_on_the_day(client, programme_admin, facilitator):
    meeting = network_meeting(days=3, admin=programme_admin)
    client.force_login(programme_admin)
    response = client.post(reverse("network:register", args=[meeting.pk]), {f"status_{facilitator.pk}": "present"})
    assert "The register opens on the day of the meeting" in response.content.decode()
    assert not NetworkAttendance.objects.exists()


# The record
def test_the_record_is_drafted_then_approved_and_only_then_read_by_facilitators(client, programme_admin, facilitator):
    meeting = network_meeting(days=-1, admin=programme_admin)
    client.force_login(programme_admin)
    client.post(reverse("network:record", args=[meeting.pk]))
    entry = meeting.record.entries.get()
    due = (timezone.localdate() + timedelta(days=30)).isoformat()
    response = client.post(
        reverse("network:record_entry", args=[meeting.pk, entry.pk]),
        {"discussion": "Three sites struggle to recruit probation officers.",
         "decisions": "Write to the regional lead.", "action-text": "Draft the letter to the regional lead",
         "action-owner": facilitator.pk, "action-due_on": due},
    )  # fmt: skip
    assert response.status_code == 302
    action = NetworkAction.objects.get()
    assert (action.owner, action.due_on.isoformat()) == (facilitator, due)
    client.force_login(facilitator)
    draft = client.get(reverse("network:record", args=[meeting.pk])).content.decode()
    assert "The programme team is writing the record" in draft and "probation officers" not in draft
    assert client.post(reverse("network:record_approve", args=[meeting.pk])).status_code == 403
    client.force_login(programme_admin)
    client.post(reverse("network:record_approve", args=[meeting.pk]))
    client.force_login(facilitator)
    page = parse(client.get(reverse("network:record", args=[meeting.pk])).content)
    body = text(page.query("main"))
    assert "Three sites struggle to recruit probation officers." in body and "Write to the regional lead." in body
    assert f"Draft the letter to the regional lead (owner: {facilitator.name}; due" in body
    record = meeting.record
    assert logged(AuditAction.CHANGED, record) == ["entry 1", "approved"]
    # Locked: a change is refused until the record is reopened.
    client.force_login(programme_admin)
    with pytest.raises(Exception, match="approved and locked"):
        services.record_discussion(entry=entry, written_by=programme_admin, discussion="Changed")
    client.post(reverse("network:record_reopen", args=[meeting.pk]))
    record.refresh_from_db()
    assert not record.is_locked and logged(AuditAction.CHANGED, record)[-1] == "reopened"


def test_personal_data_in_the_record_is_refused_and_kept_in_the_form(client, programme_admin):
    record = held_with_record(programme_admin)
    entry = record.entries.get()
    client.force_login(programme_admin)
    for field in ("discussion", "decisions"):
        response = client.post(reverse("network:record_entry", args=[record.meeting_id, entry.pk]), {field: PERSONAL})
        assert response.status_code == 200
        page = parse(response.content)
        assert text(select(page, f"textarea[name={field}]")[0]) == PERSONAL
        assert "This could identify someone" in text(page.query("main"))
    entry.refresh_from_db()
    assert (entry.discussion, entry.decisions) == ("", "")


def test_personal_data_in_an_action_is_refused(client, programme_admin, facilitator):
    record = held_with_record(programme_admin)
    entry = record.entries.get()
    client.force_login(programme_admin)
    data = {"discussion": "Recruitment.", "action-text": PERSONAL, "action-owner": facilitator.pk,
            "action-due_on": timezone.localdate().isoformat()}  # fmt: skip
    response = client.post(reverse("network:record_entry", args=[record.meeting_id, entry.pk]), data)
    assert response.status_code == 200 and "This could identify someone" in response.content.decode()
    entry.refresh_from_db()
    assert not NetworkAction.objects.exists() and entry.discussion == ""  # both or neither


def test_an_action_is_owned_by_someone_invited_and_due_after_the_meeting(programme_admin, member, facilitator):
    record = held_with_record(programme_admin)
    entry = record.entries.get()
    with pytest.raises(Exception, match="Choose someone invited"):
        services.add_action(entry=entry, added_by=programme_admin, text="Call", owner=member,
                            due_on=timezone.localdate())  # fmt: skip
    with pytest.raises(Exception, match="cannot be before the meeting"):
        services.add_action(entry=entry, added_by=programme_admin, text="Call", owner=facilitator,
                            due_on=timezone.localdate() - timedelta(days=5))  # fmt: skip


# A person's own data
def test_my_data_holds_my_network_items_attendance_and_actions(client, programme_admin, facilitator):
    meeting = network_meeting(days=0, admin=programme_admin)
    with time_machine.travel(meeting.starts_at - timedelta(hours=2), tick=False):  # before it: whatever the hour now
        services.propose_agenda_item(meeting=meeting, proposed_by=facilitator, title="Peer supervision")
    services.take_register(meeting=meeting, taken_by=programme_admin, statuses={facilitator.pk: "present"})
    record = services.open_record(meeting=meeting, opened_by=programme_admin)
    services.add_action(entry=record.entries.first(), added_by=programme_admin, text="Share the leaflet",
                        owner=facilitator, due_on=timezone.localdate())  # fmt: skip
    client.force_login(facilitator)
    data = client.get(reverse("members:my_data_download")).json()
    assert [i["title"] for i in data["network_agenda_items_proposed"]] == ["Peer supervision"]
    assert [a["status"] for a in data["network_attendance"]] == ["present"]
    assert [a["action"] for a in data["network_actions_owned"]] == ["Share the leaflet"]


# Pages stay cheap
def test_the_list_of_network_meetings_does_not_grow_in_queries(client, programme_admin, django_assert_max_num_queries):
    for days in (-60, -30, 10, 40, 70):
        network_meeting(days=days, admin=programme_admin)
    client.force_login(programme_admin)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("network:index")).status_code == 200


def test_an_inactive_account_sees_nothing(client, programme_admin):
    meeting = network_meeting(admin=programme_admin)
    gone = UserFactory(is_programme_admin=True, is_active=False)
    client.force_login(gone)
    assert client.get(reverse("network:meeting", args=[meeting.pk])).status_code in (302, 404)
