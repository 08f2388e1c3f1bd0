"""The cases app's background job, queued by its services after commit: thin, it takes an id and calls one service."""

from celery import shared_task

from cases import emails


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def send_question_answered_email(question_id: int) -> None:
    """Email the asker once per answer (the email claims the answer first)."""
    emails.email_question_answered(question_id=question_id)
