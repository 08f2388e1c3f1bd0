"""The digests' periodic jobs (celery beat): each selects what is due and not yet done."""

from celery import shared_task

from digests.services import requests


@shared_task
def produce_quarterly_digests() -> int:
    """Make last quarter's digest for each subscriber who has not had it yet (daily; due and not yet done)."""
    return len(requests.produce_quarterly_digests())


@shared_task
def requeue_stalled_digests() -> int:
    """Queue again the digests whose job was lost (every ten minutes)."""
    return len(requests.requeue_stalled_digests())
