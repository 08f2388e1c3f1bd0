"""The sites app's background jobs, queued by its services once the row that claims the email is committed: thin,
they take the row's id, re-fetch it, return quietly if it no longer applies, and send."""

from celery import shared_task

from sites import emails
from sites.models import MeetingReminder


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def send_meeting_reminder_email(reminder_id: int) -> None:
    reminder = MeetingReminder.objects.select_related("meeting__site", "person").filter(pk=reminder_id).first()
    if reminder is None or reminder.meeting.is_cancelled or not reminder.person.is_active:
        return
    emails.email_meeting_reminder(reminder=reminder)
