"""Asking for digests: a request in the browser, the quarterly subscription, a retry; each queues the render
(digests.tasks) once the digest row is committed, and a periodic sweep queues again the ones whose job was lost."""

import logging
from collections.abc import Iterable
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from digests import tasks
from digests.models import PENDING_DIGEST_STATUSES, Digest, DigestStatus, DigestSubscription
from digests.services.rendering import STALE_RENDERING
from sites.models import Site

logger = logging.getLogger(__name__)


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
    def queue() -> None:
        try:
            tasks.render_digest.delay(digest.pk)
        except Exception:  # the broker is away: the digest stays queued and requeue_stalled_digests sends it
            logger.exception("Could not queue the render of digest %s; the periodic requeue will.", digest.pk)

    transaction.on_commit(queue)


@transaction.atomic
def request_digest(
    *, requested_by, period_start: date, period_end: date, sites: Iterable[Site] | None = None
) -> Digest:
    """Ask for a digest. Asking again for the same period and sites while the first is still queued or being
    prepared returns the first one instead of starting another job."""
    if not requested_by.has_perm("digests.request_digest"):
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
    for pk in stalled:
        tasks.render_digest.delay(pk)
    return stalled


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


@transaction.atomic
def share_digest(*, digest: Digest, by, shared: bool) -> Digest:
    """Let every commissioner read this digest (shared=True), or only its requester and the programme admins again."""
    if not by.has_perm("digests.share_digest", digest):
        raise PermissionDenied("Only the person who asked for a digest can share it.")
    if (digest.shared_at is not None) != shared:
        digest.shared_at = timezone.now() if shared else None
        digest.save(update_fields=["shared_at"])
        detail = "shared with every commissioner" if shared else "no longer shared"
        record_event(actor=by, action=AuditAction.CHANGED, target=digest, detail=detail)
    return digest


def record_digest_download(*, digest: Digest, by, request=None) -> None:
    record_event(actor=by, action=AuditAction.DOWNLOADED, target=digest, request=request)


def previous_quarter(today: date) -> tuple[date, date]:
    """The last complete calendar quarter before `today`."""
    first_month = 3 * ((today.month - 1) // 3) + 1
    this_quarter_start = date(today.year, first_month, 1)
    end = this_quarter_start - timedelta(days=1)
    start = date(end.year, 3 * ((end.month - 1) // 3) + 1, 1)
    return start, end


@transaction.atomic
def set_digest_subscription(*, person, subscribed: bool) -> DigestSubscription | None:
    if subscribed and not person.has_perm("digests.subscribe_to_digests"):
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
