"""Retention: drafts never shared are deleted after DRAFT_RETENTION_DAYS (default 12 months)."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from cases.models import Case, CaseStatus

logger = logging.getLogger(__name__)


def stale_drafts(*, now=None):
    """Drafts untouched for the retention period that were never shared (no move out of draft)."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.DRAFT_RETENTION_DAYS)
    return Case.objects.filter(status=CaseStatus.DRAFT, updated_at__lt=cutoff).exclude(
        transitions__from_status=CaseStatus.DRAFT
    )


@transaction.atomic
def delete_stale_drafts(*, now=None) -> int:
    """Delete them, logging and auditing each one (by number, never by title or text)."""
    removed = 0
    for case in stale_drafts(now=now).select_for_update():
        record_event(
            actor=None,
            action=AuditAction.DELETED,
            target=case,
            detail=f"unshared draft older than {settings.DRAFT_RETENTION_DAYS} days (retention)",
        )
        logger.info("Retention: deleted unshared draft case %s of site %s", case.pk, case.site_id)
        case.delete()
        removed += 1
    return removed
