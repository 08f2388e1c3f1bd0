"""The newsletter's periodic jobs (celery beat): each selects what is due and not yet done."""

from celery import shared_task

from newsletters.services import sending
from newsletters.services.compile import compile_due_newsletters


@shared_task
def compile_due_newsletter() -> None:
    """On the 1st of each month: compile last month's draft (and any month a missed run left out)."""
    compile_due_newsletters()


@shared_task
def resume_newsletter_sending() -> None:
    """Every few minutes: release deliveries a dead worker left in "sending", finish issues whose deliveries are all
    sent, and queue the sending of any issue with work left."""
    sending.resume_sending()
