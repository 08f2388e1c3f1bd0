"""Celery tasks of the newsletters app (Celery's autodiscovery imports this module)."""

from newsletters.digest_tasks import (  # noqa: F401
    produce_quarterly_digests,
    render_digest_task,
    requeue_stalled_digests,
)
