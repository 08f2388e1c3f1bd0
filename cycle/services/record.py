"""The meeting record: per agenda item what was discussed, the actions agreed and follow-ups reported.

Members who were present read the draft and suggest corrections; the facilitator approves it, which
locks it and keeps a copy as a numbered version (emailed to the site's members). Changing it later opens
the next version as a draft; every approved version stays viewable."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from core import text_gate
from core.outbox import claim_and_queue
from cycle import tasks
from cycle.models import (
    AgendaItem,
    MeetingRecord,
    RecordAction,
    RecordComment,
    RecordDelivery,
    RecordEntry,
    RecordStatus,
    RecordVersion,
)
from cycle.templatetags.cycle import agenda_heading
from sites.models import Attendance, AttendanceStatus, Meeting, Membership


def _check_draft(record: MeetingRecord) -> None:
    """Asks the database, so a record approved since it was loaded is still refused."""
    record.refresh_from_db(fields=["status", "version"])
    if record.is_locked:
        raise ValidationError("This record is approved and locked. Start a new version to change it.")


@transaction.atomic
def open_record(*, meeting: Meeting, opened_by) -> MeetingRecord:
    """The meeting's record, started from its agenda the first time; agenda items added since get an entry."""
    if meeting.is_cancelled:
        raise ValidationError("This meeting was cancelled, so it has no record.")
    record, _ = MeetingRecord.objects.get_or_create(meeting=meeting)
    if record.is_locked:
        return record
    covered = set(record.entries.exclude(agenda_item=None).values_list("agenda_item_id", flat=True))
    position = record.entries.count()
    for item in AgendaItem.objects.filter(meeting=meeting, removed=False).order_by("position", "pk"):
        if item.pk not in covered:
            position += 1
            RecordEntry.objects.create(record=record, agenda_item=item, position=position)
    return record


@transaction.atomic
def record_discussion(*, entry: RecordEntry, written_by, discussion: str, follow_ups: str = "") -> RecordEntry:
    _check_draft(entry.record)
    entry.discussion, entry.follow_ups = discussion.strip(), follow_ups.strip()
    text_gate.refuse_personal_data_in(entry)
    entry.save(update_fields=["discussion", "follow_ups"])
    return entry


def site_member_ids(site_id: int) -> set[int]:
    return set(
        Membership.objects.current(timezone.localdate()).filter(site_id=site_id).values_list("person_id", flat=True)
    )


@transaction.atomic
def add_record_action(
    *, entry: RecordEntry, added_by, text: str, owner=None, owner_agency: str = "", due_on: date | None = None
) -> RecordAction:
    _check_draft(entry.record)
    text, owner_agency = text.strip(), owner_agency.strip()
    if not text:
        raise ValidationError({"text": "Write what was agreed."})
    if owner is None and not owner_agency:
        raise ValidationError({"owner": "Choose a member of the site or write the agency's name."})
    if owner is not None and owner.pk not in site_member_ids(entry.record.meeting.site_id):
        raise ValidationError({"owner": "The owner must be a current member of this site."})
    if due_on is not None and due_on < entry.record.meeting.local_date:
        raise ValidationError({"due_on": "The due date cannot be before the meeting."})
    action = RecordAction(entry=entry, text=text, owner=owner, owner_agency=owner_agency, due_on=due_on)
    text_gate.refuse_personal_data_in(action)
    action.save()
    return action


@transaction.atomic
def remove_record_action(*, action: RecordAction, removed_by) -> None:
    _check_draft(action.entry.record)
    action.delete()


def may_comment(user, record: MeetingRecord) -> bool:
    return Attendance.objects.filter(
        meeting_id=record.meeting_id, person_id=user.pk, status=AttendanceStatus.PRESENT
    ).exists()


@transaction.atomic
def suggest_correction(*, entry: RecordEntry, author, text: str) -> RecordComment:
    _check_draft(entry.record)
    if not may_comment(author, entry.record):
        raise PermissionDenied("Only members who were at the meeting can suggest corrections.")
    text = text.strip()
    if not text:
        raise ValidationError({"text": "Write the correction you suggest."})
    comment = RecordComment(entry=entry, author=author, text=text)
    text_gate.refuse_personal_data_in(comment)
    comment.save()
    return comment


def snapshot(record: MeetingRecord) -> dict:
    """The record as approved, with only what every site member may read (no draft case titles)."""
    entries = record.entries.select_related("agenda_item__case").prefetch_related("actions__owner")
    attendance = (
        Attendance.objects.filter(meeting_id=record.meeting_id).select_related("person").order_by("person__name")
    )
    return {
        "attendance": [
            {"name": a.person.name, "status": a.get_status_display(), "guest": a.is_guest} for a in attendance
        ],
        "entries": [
            {
                "heading": agenda_heading(e.agenda_item) if e.agenda_item else "Other business",
                "discussion": e.discussion,
                "follow_ups": e.follow_ups,
                "actions": [
                    {
                        "text": a.text,
                        "owner": a.owner.name if a.owner else a.owner_agency,
                        "due": a.due_on.strftime("%d/%m/%Y") if a.due_on else "By the next meeting",
                    }
                    for a in e.actions.all()
                ],
            }
            for e in entries
        ],
    }


@transaction.atomic
def approve_record(*, record: MeetingRecord, approved_by) -> RecordVersion:
    """Lock the record, keep it as a version and email it to the site's members (once each)."""
    record = MeetingRecord.objects.select_for_update().get(pk=record.pk)
    _check_draft(record)
    if not record.entries.exists():
        raise ValidationError("The record is empty: there is nothing to approve yet.")
    version = RecordVersion.objects.create(
        record=record, number=record.version, content=snapshot(record), approved_by=approved_by
    )
    record.status = RecordStatus.APPROVED
    record.save(update_fields=["status"])
    # robust: with the broker away the approval stands (the view says the emails may not go out).
    transaction.on_commit(lambda: _queue_record_emails(version.pk), robust=True)
    return version


def _queue_record_emails(version_id: int) -> None:
    """Claim one RecordDelivery per current member of the site and queue each email."""
    version = RecordVersion.objects.select_related("record__meeting").get(pk=version_id)
    members = site_member_ids(version.record.meeting.site_id)
    claims = ({"version": version, "person_id": person_id} for person_id in members)
    claim_and_queue(RecordDelivery, claims, task=tasks.send_record_email)


@transaction.atomic
def start_new_version(*, record: MeetingRecord, started_by) -> MeetingRecord:
    """Unlock an approved record as the next version's draft (the approved versions are kept)."""
    record = MeetingRecord.objects.select_for_update().get(pk=record.pk)
    if not record.is_locked:
        return record
    record.status, record.version = RecordStatus.DRAFT, record.version + 1
    record.save(update_fields=["status", "version"])
    return record
