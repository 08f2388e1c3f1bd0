"""The forum's background job, queued once a post's Delivery row is committed: thin, it takes the row's id and sends."""

from celery import shared_task

from forum import emails


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def send_post_email(delivery_id: int) -> None:
    """One post to one person, straight away; nothing happens if it was sent (or skipped) already."""
    emails.send_delivery(delivery_id)
