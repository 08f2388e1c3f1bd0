"""Scheduling meetings and changing them later, keeping the history of every change."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.text_gate import refuse_personal_data_in
from sites.models import Meeting, MeetingChange, MeetingChangeKind, MeetingReminder, MeetingStatus, Site

REMINDER_DAYS_MAX = 28


def _check_times(starts_at: datetime, ends_at: datetime) -> None:
    if timezone.is_naive(starts_at) or timezone.is_naive(ends_at):
        raise ValueError("Meeting times must be timezone-aware.")
    if ends_at <= starts_at:
        raise ValidationError({"end_time": "The meeting must end after it starts."})


def _check_not_cancelled(meeting: Meeting) -> None:
    if meeting.is_cancelled:
        raise ValidationError("This meeting was cancelled, so it can no longer be changed.")


def _record_change(meeting: Meeting, *, kind: str, changed_by, reason: str) -> MeetingChange:
    return MeetingChange.objects.create(
        meeting=meeting,
        kind=kind,
        changed_by=changed_by,
        previous_starts_at=meeting.starts_at,
        previous_ends_at=meeting.ends_at,
        previous_venue=meeting.venue,
        reason=reason,
    )


@transaction.atomic
def schedule_meeting(
    *,
    site: Site,
    scheduled_by,
    starts_at: datetime,
    ends_at: datetime,
    venue: str = "",
    is_taster: bool = False,
) -> Meeting:
    _check_times(starts_at, ends_at)
    if site.has_ended:
        raise ValidationError("This site has ended, so no more meetings can be scheduled.")
    return Meeting.objects.create(site=site, starts_at=starts_at, ends_at=ends_at, venue=venue, is_taster=is_taster)


@transaction.atomic
def change_meeting_details(
    *, meeting: Meeting, changed_by, venue: str, is_taster: bool, reason: str = "", video_link: str | None = None
) -> Meeting:
    """Edit the venue, the video link or the taster flag (the agenda is prepared in the meeting cycle). A change is
    recorded in the history when anything differs. The video link must be an https address (None: unchanged)."""
    _check_not_cancelled(meeting)
    video_link = meeting.video_link if video_link is None else video_link.strip()
    if video_link and not video_link.lower().startswith("https://"):
        raise ValidationError({"video_link": "Enter the meeting's web address, starting https://"})
    if (venue, is_taster, video_link) == (meeting.venue, meeting.is_taster, meeting.video_link):
        return meeting
    _record_change(meeting, kind=MeetingChangeKind.EDITED, changed_by=changed_by, reason=reason)
    meeting.venue, meeting.is_taster, meeting.video_link = venue, is_taster, video_link
    meeting.save(update_fields=["venue", "is_taster", "video_link"])
    return meeting


@transaction.atomic
def move_meeting(*, meeting: Meeting, moved_by, starts_at: datetime, ends_at: datetime, reason: str) -> Meeting:
    """Move a meeting to a new date or time. Reminders already sent for the old time are forgotten,
    so members are reminded again before the new one."""
    _check_not_cancelled(meeting)
    _check_times(starts_at, ends_at)
    if not reason.strip():
        raise ValidationError({"reason": "Say why the meeting is moving; members see this in its history."})
    if (starts_at, ends_at) == (meeting.starts_at, meeting.ends_at):
        raise ValidationError("The new date and times are the same as before.")
    _record_change(meeting, kind=MeetingChangeKind.MOVED, changed_by=moved_by, reason=reason.strip())
    meeting.starts_at, meeting.ends_at = starts_at, ends_at
    meeting.save(update_fields=["starts_at", "ends_at"])
    MeetingReminder.objects.filter(meeting=meeting).delete()
    return meeting


@transaction.atomic
def cancel_meeting(*, meeting: Meeting, cancelled_by, reason: str) -> Meeting:
    _check_not_cancelled(meeting)
    if not reason.strip():
        raise ValidationError({"reason": "Say why the meeting is cancelled; members see this in its history."})
    _record_change(meeting, kind=MeetingChangeKind.CANCELLED, changed_by=cancelled_by, reason=reason.strip())
    meeting.status = MeetingStatus.CANCELLED
    meeting.save(update_fields=["status"])
    return meeting


@transaction.atomic
def record_meeting_notes(*, meeting: Meeting, written_by, notes: str) -> Meeting:
    """Save the notes of the meeting (Markdown). Notes are not part of the calendar, so no history row.
    Refused (nothing saved) when they could identify someone."""
    meeting.notes = notes
    refuse_personal_data_in(meeting, only={"notes"})
    meeting.save(update_fields=["notes"])
    return meeting


@transaction.atomic
def set_reminder_days(*, site: Site, changed_by, days: int) -> Site:
    if not 1 <= days <= REMINDER_DAYS_MAX:
        raise ValidationError({"reminder_days_before": f"Choose between 1 and {REMINDER_DAYS_MAX} days."})
    site.reminder_days_before = days
    site.save(update_fields=["reminder_days_before"])
    return site
