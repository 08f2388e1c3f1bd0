"""Every change to the facilitators' network: scheduling and changing meetings, naming invitees, the agenda, the
register and the record. Programme admins run the meetings; everyone invited proposes agenda items. Typed text passes
the anonymisation gate (core/text_gate.py) before it is saved, and each change the programme needs to trace writes an
audit row in the same transaction."""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from core.text_gate import refuse_personal_data_in
from cycle.models import RecordStatus
from network.models import (
    NetworkAction,
    NetworkAgendaItem,
    NetworkAttendance,
    NetworkInvitee,
    NetworkMeeting,
    NetworkMeetingStatus,
    NetworkRecord,
    NetworkRecordEntry,
)
from network.selectors import invited_people, register_people
from sites.models import AttendanceStatus

ADMINS_ONLY = "Only programme admins can do that."


def _require_admin(user) -> None:
    if not user.has_perm("network.manage_meetings"):
        raise PermissionDenied(ADMINS_ONLY)


def _check_times(starts_at: datetime, ends_at: datetime) -> None:
    if ends_at <= starts_at:
        raise ValidationError({"end_time": "The end time must be after the start time."})


# Meetings
@transaction.atomic
def schedule_network_meeting(
    *, scheduled_by, kind: str, starts_at: datetime, ends_at: datetime, venue: str = "", video_link: str = ""
) -> NetworkMeeting:
    _require_admin(scheduled_by)
    _check_times(starts_at, ends_at)
    if starts_at < timezone.now():
        raise ValidationError({"date": "Choose a date and time still to come."})
    meeting = NetworkMeeting.objects.create(
        kind=kind, starts_at=starts_at, ends_at=ends_at, venue=venue.strip(), video_link=video_link.strip(),
        created_by=scheduled_by,
    )  # fmt: skip
    record_event(actor=scheduled_by, action=AuditAction.CREATED, target=meeting, detail=meeting.get_kind_display())
    return meeting


@transaction.atomic
def change_network_meeting(
    *, meeting: NetworkMeeting, changed_by, kind: str, starts_at: datetime, ends_at: datetime, venue: str = "",
    video_link: str = "",
) -> NetworkMeeting:  # fmt: skip
    _require_admin(changed_by)
    if meeting.is_cancelled:
        raise ValidationError("This meeting was cancelled: schedule a new one instead.")
    _check_times(starts_at, ends_at)
    meeting.kind, meeting.starts_at, meeting.ends_at = kind, starts_at, ends_at
    meeting.venue, meeting.video_link = venue.strip(), video_link.strip()
    meeting.sequence = F("sequence") + 1
    meeting.save(update_fields=["kind", "starts_at", "ends_at", "venue", "video_link", "sequence"])
    meeting.refresh_from_db(fields=["sequence"])
    record_event(actor=changed_by, action=AuditAction.CHANGED, target=meeting, detail="details changed")
    return meeting


@transaction.atomic
def cancel_network_meeting(*, meeting: NetworkMeeting, cancelled_by) -> None:
    _require_admin(cancelled_by)
    changed = NetworkMeeting.objects.filter(pk=meeting.pk, status=NetworkMeetingStatus.SCHEDULED).update(
        status=NetworkMeetingStatus.CANCELLED, sequence=F("sequence") + 1
    )
    if changed:
        record_event(actor=cancelled_by, action=AuditAction.CHANGED, target=meeting, detail="cancelled")
    meeting.refresh_from_db(fields=["status", "sequence"])


@transaction.atomic
def invite_to_network_meeting(*, meeting: NetworkMeeting, person, invited_by) -> NetworkInvitee:
    """Name someone with an account (an advisory group member) for this one meeting."""
    _require_admin(invited_by)
    if not person.is_active:
        raise ValidationError({"person": "Choose someone whose account is active."})
    if person.is_commissioner:
        raise ValidationError(
            {"person": "Commissioners read the digests of issues, never the network's discussion: choose someone else."}
        )
    invitee, created = NetworkInvitee.objects.get_or_create(
        meeting=meeting, person=person, defaults={"added_by": invited_by}
    )
    if created:
        record_event(
            actor=invited_by, action=AuditAction.CREATED, target=invitee, detail=f"network meeting {meeting.pk}"
        )
    return invitee


@transaction.atomic
def remove_network_invitee(*, invitee: NetworkInvitee, removed_by) -> None:
    _require_admin(removed_by)
    record_event(
        actor=removed_by, action=AuditAction.DELETED, target=invitee, detail=f"network meeting {invitee.meeting_id}"
    )
    invitee.delete()


# The agenda
def _record_status(meeting: NetworkMeeting) -> str | None:
    return NetworkRecord.objects.filter(meeting=meeting).values_list("status", flat=True).first()


def agenda_open_to(user, meeting: NetworkMeeting) -> bool:
    """Programme admins change the agenda until the record is approved; the others propose items until the meeting
    ends. Nobody changes a cancelled meeting's agenda."""
    if meeting.is_cancelled:
        return False
    if user.has_perm("network.manage_meetings"):
        return _record_status(meeting) != RecordStatus.APPROVED
    return meeting.ends_at > timezone.now() and user.has_perm("network.view_meeting", meeting)


def _next_position(meeting: NetworkMeeting) -> int:
    return (NetworkAgendaItem.objects.filter(meeting=meeting).aggregate(m=Max("position"))["m"] or 0) + 1


@transaction.atomic
def propose_agenda_item(*, meeting: NetworkMeeting, proposed_by, title: str) -> NetworkAgendaItem:
    if not proposed_by.has_perm("network.view_meeting", meeting):
        raise PermissionDenied("Only people invited to this meeting can propose items.")
    if not agenda_open_to(proposed_by, meeting):
        raise ValidationError("The agenda of this meeting can no longer be changed.")
    title = title.strip()
    if not title:
        raise ValidationError({"title": "Write what the item is about."})
    item = NetworkAgendaItem(meeting=meeting, position=_next_position(meeting), title=title, proposed_by=proposed_by)
    refuse_personal_data_in(item)
    item.save()
    return item


@transaction.atomic
def move_agenda_item(*, item: NetworkAgendaItem, moved_by, direction: str) -> None:
    """Swap the item with its neighbour above ("up") or below ("down") among the items not removed."""
    _require_admin(moved_by)
    items = list(NetworkAgendaItem.objects.select_for_update().filter(meeting_id=item.meeting_id, removed=False))
    index = next((i for i, other in enumerate(items) if other.pk == item.pk), None)
    other = None if index is None else index - 1 if direction == "up" else index + 1
    if other is None or not 0 <= other < len(items):
        return
    items[index], items[other] = items[other], items[index]
    for position, each in enumerate(items, start=1):
        if each.position != position:
            each.position = position
            each.save(update_fields=["position"])


@transaction.atomic
def toggle_agenda_item(*, item: NetworkAgendaItem, changed_by) -> None:
    """Remove an item from the agenda, or put a removed one back at the end."""
    _require_admin(changed_by)
    if not agenda_open_to(changed_by, item.meeting):
        raise ValidationError("The agenda of this meeting can no longer be changed.")
    item.removed = not item.removed
    if not item.removed:
        item.position = _next_position(item.meeting)
    item.save(update_fields=["removed", "position"])


# The register
def register_open(meeting: NetworkMeeting) -> bool:
    return not meeting.is_cancelled and meeting.local_date <= timezone.localdate()


@transaction.atomic
def take_register(*, meeting: NetworkMeeting, taken_by, statuses: dict[int, str]) -> int:
    """Save the marks {person id: status} of people on the register; returns how many were saved."""
    _require_admin(taken_by)
    if not register_open(meeting):
        raise ValidationError("The register opens on the day of the meeting (and a cancelled meeting has none).")
    allowed, people = set(AttendanceStatus.values), {person.pk for person in register_people(meeting)}
    marks = {pk: status for pk, status in statuses.items() if status in allowed and pk in people}
    for person_id, status in marks.items():
        NetworkAttendance.objects.update_or_create(
            meeting=meeting, person_id=person_id, defaults={"status": status, "recorded_at": timezone.now()}
        )
    record_event(actor=taken_by, action=AuditAction.CHANGED, target=meeting, detail=f"register: {len(marks)} marks")
    return len(marks)


# The record
def _check_draft(record: NetworkRecord) -> None:
    """Asks the database, so a record approved since it was loaded is still refused."""
    record.refresh_from_db(fields=["status"])
    if record.is_locked:
        raise ValidationError("This record is approved and locked. Reopen it to change it.")


@transaction.atomic
def open_record(*, meeting: NetworkMeeting, opened_by) -> NetworkRecord:
    """The meeting's record, with an entry for each agenda item not removed (items added since get one too)."""
    _require_admin(opened_by)
    if meeting.is_cancelled:
        raise ValidationError("This meeting was cancelled, so it has no record.")
    record, created = NetworkRecord.objects.get_or_create(meeting=meeting)
    if created:
        record_event(actor=opened_by, action=AuditAction.CREATED, target=record, detail=f"network meeting {meeting.pk}")
    if record.is_locked:
        return record
    covered = set(record.entries.exclude(agenda_item=None).values_list("agenda_item_id", flat=True))
    position = record.entries.count()
    for item in NetworkAgendaItem.objects.filter(meeting=meeting, removed=False).order_by("position", "pk"):
        if item.pk not in covered:
            position += 1
            NetworkRecordEntry.objects.create(record=record, agenda_item=item, position=position)
    return record


@transaction.atomic
def record_discussion(*, entry: NetworkRecordEntry, written_by, discussion: str, decisions: str = "") -> None:
    _require_admin(written_by)
    _check_draft(entry.record)
    entry.discussion, entry.decisions = discussion.strip(), decisions.strip()
    refuse_personal_data_in(entry)
    entry.save(update_fields=["discussion", "decisions"])
    record_event(actor=written_by, action=AuditAction.CHANGED, target=entry.record, detail=f"entry {entry.position}")


@transaction.atomic
def add_action(*, entry: NetworkRecordEntry, added_by, text: str, owner, due_on: date) -> NetworkAction:
    _require_admin(added_by)
    _check_draft(entry.record)
    meeting = entry.record.meeting
    text = text.strip()
    if not text:
        raise ValidationError({"text": "Write what was agreed."})
    if owner is None or not invited_people(meeting).filter(pk=owner.pk).exists():
        raise ValidationError({"owner": "Choose someone invited to this meeting."})
    if due_on is None or due_on < meeting.local_date:
        raise ValidationError({"due_on": "The due date cannot be before the meeting."})
    action = NetworkAction(entry=entry, text=text, owner=owner, due_on=due_on)
    refuse_personal_data_in(action)
    action.save()
    record_event(actor=added_by, action=AuditAction.CREATED, target=action, detail=f"network record {entry.record_id}")
    return action


@transaction.atomic
def remove_action(*, action: NetworkAction, removed_by) -> None:
    _require_admin(removed_by)
    _check_draft(action.entry.record)
    record_event(
        actor=removed_by, action=AuditAction.DELETED, target=action, detail=f"network record {action.entry.record_id}"
    )
    action.delete()


@transaction.atomic
def approve_record(*, record: NetworkRecord, approved_by) -> NetworkRecord:
    _require_admin(approved_by)
    record = NetworkRecord.objects.select_for_update().get(pk=record.pk)
    _check_draft(record)
    if not record.entries.exists():
        raise ValidationError("The record is empty: add items to the agenda first.")
    record.status, record.approved_by, record.approved_at = RecordStatus.APPROVED, approved_by, timezone.now()
    record.save(update_fields=["status", "approved_by", "approved_at"])
    record_event(actor=approved_by, action=AuditAction.CHANGED, target=record, detail="approved")
    return record


@transaction.atomic
def reopen_record(*, record: NetworkRecord, reopened_by) -> NetworkRecord:
    _require_admin(reopened_by)
    record = NetworkRecord.objects.select_for_update().get(pk=record.pk)
    if record.is_locked:
        record.status = RecordStatus.DRAFT
        record.save(update_fields=["status"])
        record_event(actor=reopened_by, action=AuditAction.CHANGED, target=record, detail="reopened")
    return record
