"""The cases app's background job, queued by its services after commit: thin, it takes an id and calls one service."""

from celery import shared_task

from cases import emails
from cases.models import IssueUpdateDelivery


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def send_question_answered_email(question_id: int) -> None:
    """Email the asker once per answer (the email claims the answer first)."""
    emails.email_question_answered(question_id=question_id)


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def send_issue_update_email(delivery_id: int) -> None:
    """Email one person of the site about a commissioners' update (its delivery row claims it once)."""
    delivery = IssueUpdateDelivery.objects.select_related("update__issue__case__site", "person").filter(pk=delivery_id)
    delivery = delivery.first()
    if delivery is None or not delivery.person.is_active or not delivery.person.email:
        return
    emails.email_issue_update(delivery=delivery)
