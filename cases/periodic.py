"""The cases app's periodic job (celery beat)."""

from celery import shared_task

from cases.services import retention


@shared_task
def delete_stale_drafts() -> int:
    """Daily: delete drafts never shared after the retention period (UK GDPR storage limitation)."""
    return retention.delete_stale_drafts()
