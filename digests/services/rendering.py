"""Rendering a digest (in a Celery job): claim it, draw the PDF, store it privately and tell the requester once."""

import io
import logging
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core.emails import send_email
from digests.content import period_label
from digests.models import Digest, DigestStatus
from digests.pdf import render_digest_pdf_with_content

logger = logging.getLogger(__name__)

# A render claimed this long ago whose worker died is claimed again when the task is redelivered.
STALE_RENDERING = timedelta(minutes=15)


def claim_digest(digest_id: int) -> Digest | None:
    """Move a queued digest (or one whose render was abandoned) to rendering; None if someone else has it."""
    now = timezone.now()
    claimed = Digest.objects.filter(pk=digest_id, status=DigestStatus.QUEUED).update(
        status=DigestStatus.RENDERING, started_at=now
    ) or Digest.objects.filter(
        pk=digest_id, status=DigestStatus.RENDERING, started_at__lt=now - STALE_RENDERING
    ).update(started_at=now)
    if not claimed:
        return None
    return Digest.objects.select_related("requested_by").get(pk=digest_id)


def render_digest(*, digest_id: int) -> Digest | None:
    """Render a claimed digest to PDF and store it privately (replacing any earlier file), then email the
    requester. Idempotent: a digest that is not queued (or abandoned mid-render) is left alone."""
    digest = claim_digest(digest_id)
    if digest is None:
        return None
    try:
        pdf, content = render_digest_pdf_with_content(digest)
        _store(digest, pdf, withheld=content["withheld"])
    except Exception as error:  # the reason is shown to the requester; the traceback goes to the logs
        logger.exception("Rendering digest %s failed", digest_id)
        Digest.objects.filter(pk=digest.pk).update(
            status=DigestStatus.FAILED,
            failure_reason=f"The PDF could not be produced ({type(error).__name__}). Try again; if it fails "
            "again, tell the programme team.",
            finished_at=timezone.now(),
        )
        digest.refresh_from_db()
        return digest
    notify_requester(digest=digest)
    return digest


def _page_count(pdf: bytes) -> int | None:
    from pypdf import PdfReader  # imported when needed: it is slow to load

    try:
        return len(PdfReader(io.BytesIO(pdf)).pages)
    except Exception:  # noqa: BLE001 - the page count is a nicety
        return None


@transaction.atomic
def _store(digest: Digest, pdf: bytes, *, withheld: int) -> None:
    old = digest.file.name if digest.file else ""
    digest.file.save(digest.download_name, ContentFile(pdf), save=False)
    digest.status = DigestStatus.READY
    digest.failure_reason = ""
    digest.pages = _page_count(pdf)
    digest.withheld = withheld
    digest.finished_at = timezone.now()
    digest.save(update_fields=["file", "status", "failure_reason", "pages", "withheld", "finished_at"])
    if old and old != digest.file.name:
        storage = digest.file.storage
        transaction.on_commit(lambda: storage.delete(old))


def notify_requester(*, digest: Digest) -> bool:
    """Email the requester that the digest is ready, once."""
    person = digest.requested_by
    if person is None or not person.is_active or not person.email:
        return False
    if not Digest.objects.filter(pk=digest.pk, notified_at=None).update(notified_at=timezone.now()):
        return False
    send_email(
        "digests/emails/digest_ready",
        to=[person.email],
        context={
            "person": person,
            "digest": digest,
            "period_label": period_label_of(digest),
            "url": reverse("digests:detail", args=[digest.pk]),
            "quarterly": digest.subscription_id is not None,
        },
    )
    return True


def period_label_of(digest: Digest) -> str:
    return period_label(digest.period_start, digest.period_end)
