"""The forum's periodic job (celery beat)."""

from celery import shared_task

from forum import emails


@shared_task(autoretry_for=(OSError,), retry_backoff=300, max_retries=3)
def send_forum_digests() -> int:
    """The daily digest: every notification still pending, once per post and person however often it runs."""
    return emails.send_digests()
