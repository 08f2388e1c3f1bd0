from celery import shared_task

from cases.services.retention import delete_stale_drafts


@shared_task
def delete_stale_drafts_task() -> int:
    return delete_stale_drafts()
