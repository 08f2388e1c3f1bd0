"""The newsletter's background job, queued after commit by newsletters.services.sending: thin, takes an id, safe to
run twice (each delivery is claimed before its email goes out)."""

from celery import shared_task

from newsletters.services import delivery


@shared_task(bind=True, max_retries=8)
def send_newsletter_deliveries(self, issue_id: int) -> None:
    result = delivery.send_deliveries(issue_id=issue_id)
    if result.retryable:
        # Some addresses were refused or the server was away: back off and try those again.
        raise self.retry(countdown=min(60 * 2**self.request.retries, 3600))
