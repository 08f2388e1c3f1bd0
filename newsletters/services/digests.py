"""Commissioner digests: asking for one, rendering it (in a Celery job), the quarterly subscription, and
commissioners' responses to the issues raised."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from cases.models import Case, CaseStatus
from core.anonymisation import KIND_LABELS, find_personal_data
from core.emails import send_email
from newsletters.digest_models import (
    PENDING_DIGEST_STATUSES,
    CommissionerResponse,
    Digest,
    DigestStatus,
    DigestSubscription,
)
from sites.models import Site

logger = logging.getLogger(__name__)

# A render claimed this long ago whose worker died is claimed again when the task is redelivered.
STALE_RENDERING = timedelta(minutes=15)
# A digest still queued after this long has lost its job (a broker restart, say) and is queued again. The fault
# tests shorten it (settings.DIGEST_REQUEUE_AFTER_SECONDS) to see a Redis outage through in seconds.
STALE_QUEUED = timedelta(seconds=getattr(settings, "DIGEST_REQUEUE_AFTER_SECONDS", 10 * 60))
MAX_PERIOD_DAYS = 3 * 366


def sites_key_for(sites: Iterable[Site] | None) -> str:
    ids = sorted({s.pk for s in sites or []})
    return ",".join(str(i) for i in ids) if ids else "all"


def _check_period(period_start: date, period_end: date) -> None:
    if period_end < period_start:
        raise ValidationError("The end of the period must be on or after its start.")
    if period_start > timezone.localdate():
        raise ValidationError("The period has not started yet: choose a start date today or earlier.")
    if (period_end - period_start).days > MAX_PERIOD_DAYS:
        raise ValidationError("Choose a period of three years or less.")


def _queue_render(digest: Digest) -> None:
    from newsletters.digest_tasks import render_digest_task

    def queue() -> None:
        try:
            render_digest_task.delay(digest.pk)
        except Exception:  # the broker is away: the digest stays queued and requeue_stalled_digests sends it
            logger.exception("Could not queue the render of digest %s; the periodic requeue will.", digest.pk)

    transaction.on_commit(queue)


@transaction.atomic
def request_digest(
    *, requested_by, period_start: date, period_end: date, sites: Iterable[Site] | None = None
) -> Digest:
    """Ask for a digest. Asking again for the same period and sites while the first is still queued or being
    prepared returns the first one instead of starting another job."""
    if not requested_by.has_perm("newsletters.request_digest"):
        raise PermissionDenied("Only commissioners and programme admins can ask for a digest.")
    _check_period(period_start, period_end)
    sites = list(sites or [])
    key = sites_key_for(sites)
    lookup = {"requested_by": requested_by, "period_start": period_start, "period_end": period_end, "sites_key": key}
    existing = Digest.objects.filter(status__in=PENDING_DIGEST_STATUSES, subscription=None, **lookup).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            digest = Digest.objects.create(**lookup)
    except IntegrityError:
        # Another request for the same digest was saved between our check and our insert.
        return Digest.objects.get(status__in=PENDING_DIGEST_STATUSES, subscription=None, **lookup)
    digest.sites.set(sites)
    record_event(actor=requested_by, action=AuditAction.CREATED, target=digest, detail=str(digest))
    _queue_render(digest)
    return digest


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


def requeue_stalled_digests(*, now=None) -> list[int]:
    """Digests whose job was lost (queued long ago, or abandoned mid-render by a worker that died): queue their
    render again. The render claims each one conditionally, so a digest queued twice is still rendered once."""
    now = now or timezone.now()
    stalled = list(
        Digest.objects.filter(
            Q(status=DigestStatus.QUEUED, created_at__lt=now - STALE_QUEUED)
            | Q(status=DigestStatus.RENDERING, started_at__lt=now - STALE_RENDERING)
        ).values_list("pk", flat=True)
    )
    from newsletters.digest_tasks import render_digest_task

    for pk in stalled:
        render_digest_task.delay(pk)
    return stalled


def render_digest(*, digest_id: int) -> Digest | None:
    """Render a claimed digest to PDF and store it privately (replacing any earlier file), then email the
    requester. Idempotent: a digest that is not queued (or abandoned mid-render) is left alone."""
    from newsletters.pdf import render_digest_pdf_with_content

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
    import io

    from pypdf import PdfReader

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
        "newsletters/emails/digest_ready",
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
    from newsletters.digest_content import period_label

    return period_label(digest.period_start, digest.period_end)


@transaction.atomic
def retry_digest(*, digest: Digest, by) -> Digest:
    """Queue a failed (or finished) digest again; the new file replaces the old one."""
    if digest.is_pending:
        return digest
    updated = Digest.objects.filter(pk=digest.pk, status__in=[DigestStatus.FAILED, DigestStatus.READY]).update(
        status=DigestStatus.QUEUED, failure_reason="", started_at=None, finished_at=None, notified_at=None
    )
    digest.refresh_from_db()
    if updated:
        record_event(actor=by, action=AuditAction.CHANGED, target=digest, detail="queued again")
        _queue_render(digest)
    return digest


def record_digest_download(*, digest: Digest, by, request=None) -> None:
    record_event(actor=by, action=AuditAction.DOWNLOADED, target=digest, request=request)


# The quarterly subscription ---------------------------------------------------------------------------------


def previous_quarter(today: date) -> tuple[date, date]:
    """The last complete calendar quarter before `today`."""
    first_month = 3 * ((today.month - 1) // 3) + 1
    this_quarter_start = date(today.year, first_month, 1)
    end = this_quarter_start - timedelta(days=1)
    start = date(end.year, 3 * ((end.month - 1) // 3) + 1, 1)
    return start, end


@transaction.atomic
def set_digest_subscription(*, person, subscribed: bool) -> DigestSubscription | None:
    if subscribed and not person.has_perm("newsletters.subscribe_to_digests"):
        raise PermissionDenied("Only commissioners can subscribe to the quarterly digest.")
    subscription = DigestSubscription.objects.filter(person=person).first()
    if subscription is None:
        if not subscribed:
            return None
        return DigestSubscription.objects.create(person=person)
    if subscription.is_active != subscribed:
        subscription.is_active = subscribed
        subscription.save(update_fields=["is_active"])
    return subscription


def produce_quarterly_digests(*, today: date | None = None) -> list[Digest]:
    """For every active subscriber who is still a commissioner: last quarter's digest, if not yet made.
    Due and not yet done: a missed run catches up, a second run makes nothing (one per subscriber and quarter)."""
    start, end = previous_quarter(today or timezone.localdate())
    made = []
    due = (
        DigestSubscription.objects.filter(is_active=True, person__is_active=True, person__is_commissioner=True)
        .exclude(digests__period_start=start)
        .select_related("person")
    )
    for subscription in due:
        try:
            with transaction.atomic():
                digest = Digest.objects.create(
                    requested_by=subscription.person,
                    subscription=subscription,
                    period_start=start,
                    period_end=end,
                )
                _queue_render(digest)
        except IntegrityError:
            continue  # made by a run at the same moment
        made.append(digest)
    return made


# Commissioners' responses ------------------------------------------------------------------------------------


@transaction.atomic
def respond_to_issues(*, case: Case, by, text: str) -> CommissionerResponse:
    """A commissioner responds to the issues raised in a case. The text goes through the anonymisation check:
    a response that may contain personal data is refused (nothing is saved)."""
    if not by.has_perm("newsletters.respond_to_issues", case):
        raise PermissionDenied("Only commissioners can respond to the issues raised in a shared case.")
    text = (text or "").strip()
    if not text:
        raise ValidationError("Write your response before sending it.")
    found = find_personal_data(text)
    if found:
        kinds = sorted({KIND_LABELS.get(f.kind, f.kind) for f in found})
        raise ValidationError(
            "Your response was not saved: it may contain personal data ("
            + ", ".join(kinds)
            + "). Remove it and send your response again."
        )
    response = CommissionerResponse.objects.create(case=case, responder=by, text=text)
    record_event(actor=by, action=AuditAction.CREATED, target=response, detail=f"case {case.pk}")
    return response


def case_accepts_responses(case: Case) -> bool:
    return case.status != CaseStatus.DRAFT and bool(case.commissioner_issues.strip())
