from celery import shared_task

from sites.models import MeetingReminder
from sites.services import reminders


@shared_task
def send_meeting_reminders() -> int:
    """Periodic (celery beat): queue the reminders that are due and not yet sent."""
    return reminders.send_meeting_reminders()


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def send_meeting_reminder_email(reminder_id: int) -> None:
    reminder = MeetingReminder.objects.select_related("meeting__site", "person").filter(pk=reminder_id).first()
    if reminder is None or reminder.meeting.is_cancelled or not reminder.person.is_active:
        return
    reminders.email_meeting_reminder(reminder=reminder)
