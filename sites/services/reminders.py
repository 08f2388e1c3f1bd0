"""Meeting reminder emails: due reminders are claimed with one MeetingReminder row per meeting and
person (unique), and the email is queued only after that row is committed. A second run finds
nothing left to do; a missed run catches up at the next one."""

from datetime import timedelta

from django.utils import timezone

from core.outbox import claim_and_queue
from members.preferences import muted_for_reminders
from sites import tasks
from sites.models import Meeting, MeetingReminder, Membership


def due_meetings(now) -> list[Meeting]:
    """Scheduled meetings not yet started whose site's reminder period has begun."""
    upcoming = Meeting.objects.scheduled().filter(starts_at__gt=now).select_related("site").order_by("starts_at")
    return [
        m for m in upcoming if not m.site.has_ended and m.starts_at <= now + timedelta(days=m.site.reminder_days_before)
    ]


def send_meeting_reminders(*, now=None) -> int:
    """Queue a reminder email to each current member and facilitator of the site for every due
    meeting, once, except to people who turned meeting reminders off. Returns how many reminders were queued."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    queued = 0
    for meeting in due_meetings(now):
        reminded = set(MeetingReminder.objects.filter(meeting=meeting).values_list("person_id", flat=True))
        people = (
            Membership.objects.current(today)
            .filter(site_id=meeting.site_id, person__is_active=True)
            .exclude(person_id__in=reminded)
            .exclude(person_id__in=muted_for_reminders())
            .values_list("person_id", flat=True)
            .distinct()
        )
        claims = ({"meeting": meeting, "person_id": person_id} for person_id in people)
        queued += claim_and_queue(MeetingReminder, claims, task=tasks.send_meeting_reminder_email)
    return queued
