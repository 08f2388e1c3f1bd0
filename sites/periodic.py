"""The sites app's periodic jobs (celery beat): each selects what is due and not yet done."""

from celery import shared_task

from sites.services import reminders


@shared_task
def send_meeting_reminders() -> int:
    """Queue the meeting reminders that are due and not yet sent."""
    return reminders.send_meeting_reminders()
