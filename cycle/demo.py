"""A little of the meeting cycle in the demo: CP1's last meeting has an approved record with actions
(one owned by member@example.org) and its next meeting a proposed agenda. Safe to rerun."""

from django.utils import timezone

from cycle.models import AgendaItem, MeetingRecord
from cycle.services import agenda, record
from members.models import User
from sites.models import Meeting, Site


def create_demo_meeting_cycle() -> None:
    site = Site.objects.filter(code="CP1").first()
    if site is None:
        return
    facilitator = User.objects.filter(email="facilitator@example.org").first()
    member = User.objects.filter(email="member@example.org").first()
    held = Meeting.objects.filter(site=site).past().first()
    if facilitator is None or member is None or held is None or MeetingRecord.objects.filter(meeting=held).exists():
        return
    AgendaItem.objects.get_or_create(
        meeting=held, source_key="demo:open", defaults={"position": 1, "kind": "other", "title": "Open discussion"}
    )
    draft = record.open_record(meeting=held, opened_by=facilitator)
    entry = draft.entries.first()
    record.record_discussion(
        entry=entry,
        written_by=facilitator,
        discussion="The group compared how each service hears about weekend crises and who answers the phone.",
        follow_ups="The housing team now shares its weekend rota with the GP practice.",
    )
    record.add_record_action(
        entry=entry, added_by=facilitator, text="Share the weekend rota with the group", owner=member
    )
    record.add_record_action(
        entry=entry, added_by=facilitator, text="Send the crisis line leaflet", owner_agency="Brighton Housing Trust"
    )
    record.approve_record(record=draft, approved_by=facilitator)
    upcoming = Meeting.objects.filter(site=site).upcoming(timezone.now()).first()
    if upcoming is not None:
        agenda.refresh_agenda(meeting=upcoming)
