"""Celery jobs for commissioner digests: thin wrappers that take ids and call one service."""

from celery import shared_task

from newsletters.services import digests


@shared_task(acks_late=True)
def render_digest_task(digest_id: int) -> str:
    """Render one digest. Safe to run twice: only a queued digest is claimed."""
    digest = digests.render_digest(digest_id=digest_id)
    return digest.status if digest is not None else "skipped"


@shared_task
def produce_quarterly_digests() -> int:
    """Make last quarter's digest for each subscriber who has not had it yet (daily; due and not yet done)."""
    return len(digests.produce_quarterly_digests())


@shared_task
def requeue_stalled_digests() -> int:
    """Queue again the digests whose job was lost (every ten minutes)."""
    return len(digests.requeue_stalled_digests())
