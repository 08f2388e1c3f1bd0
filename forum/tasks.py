from celery import shared_task

from forum import notifications


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def send_forum_email(delivery_id: int) -> None:
    """One post to one person, straight away; nothing happens if it was sent (or skipped) already."""
    notifications.send_delivery(delivery_id)


@shared_task(autoretry_for=(OSError,), retry_backoff=300, max_retries=3)
def send_forum_digests() -> int:
    """The daily digest: every notification still pending, once per post and person however often it runs."""
    return notifications.send_digests()
