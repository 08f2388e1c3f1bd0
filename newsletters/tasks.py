"""Celery tasks: thin, take ids, safe to run twice."""

from celery import shared_task

from newsletters.services import sending
from newsletters.services.compile import compile_due_newsletters


@shared_task
def compile_due_newsletter() -> None:
    """Beat, on the 1st of each month: compile last month's draft (and any month a missed run left out)."""
    compile_due_newsletters()


@shared_task(bind=True, max_retries=8)
def send_newsletter_deliveries(self, issue_id: int) -> None:
    result = sending.send_deliveries(issue_id=issue_id)
    if result.retryable:
        # Some addresses were refused or the server was away: back off and try those again.
        raise self.retry(countdown=min(60 * 2**self.request.retries, 3600))


@shared_task
def resume_newsletter_sending() -> None:
    """Beat, every few minutes: release deliveries a dead worker left in "sending", finish issues
    whose deliveries are all sent, and queue the sending of any issue with work left."""
    sending.release_stale_deliveries()
    for issue_id in sending.issues_with_work():
        send_newsletter_deliveries.delay(issue_id)
    for issue_id in sending.issues_sending():
        sending.complete_issue_if_delivered(issue_id=issue_id)


# The commissioner digests' tasks, imported so that Celery's autodiscovery of this module finds them.
from newsletters.digest_tasks import (  # noqa: E402,F401
    produce_quarterly_digests,
    render_digest_task,
    requeue_stalled_digests,
)
