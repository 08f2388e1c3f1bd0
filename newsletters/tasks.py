"""Celery tasks of the newsletters app (Celery's autodiscovery imports this module)."""

from newsletters.digest_tasks import produce_quarterly_digests, render_digest_task  # noqa: F401
