"""The meeting cycle's periodic jobs (celery beat): each selects what is due and not yet done, so a missed or
doubled run is harmless."""

from celery import shared_task

from cycle.services import actions, agenda


@shared_task
def send_meeting_cycle_emails() -> int:
    """Queue the agendas and action reminders that are due and not yet sent."""
    return agenda.send_due_agendas() + actions.send_action_reminders()
