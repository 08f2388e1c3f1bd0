"""Sending an approved issue: one Delivery row per recipient (again: no duplicates), then the sending is queued after
commit (newsletters.tasks); the periodic sweep picks up whatever is left (newsletters.services.delivery)."""

import logging

from celery.exceptions import Retry
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from members.models import User
from newsletters import tasks
from newsletters.models import (
    Delivery,
    DeliveryStatus,
    Edition,
    ExternalSubscriber,
    IssueStatus,
    NewsletterIssue,
    NewsletterPreference,
)
from newsletters.services import delivery
from sites.models import Membership

logger = logging.getLogger(__name__)


class IssueNotApproved(Exception):
    pass


def member_recipients():
    """Current members and facilitators, knowledge brokers and commissioners who have not opted out."""
    today = timezone.localdate()
    current = Membership.objects.current(today).filter(person=OuterRef("pk"))
    opted_out = NewsletterPreference.objects.filter(person=OuterRef("pk"), opted_out=True)
    return (
        User.objects.filter(is_active=True)
        .filter(Q(Exists(current)) | Q(is_knowledge_broker=True) | Q(is_commissioner=True))
        .exclude(Exists(opted_out))
        .order_by("pk")
    )


def _queue_sending(issue_id: int) -> None:
    try:
        tasks.send_newsletter_deliveries.delay(issue_id)
    except Retry:  # run eagerly (no Redis) and asked to retry: the periodic sweep carries on
        pass
    except Exception:  # the broker is away: the periodic sweep queues it again
        logger.exception("Could not queue sending of newsletter issue %s; the sweep will retry.", issue_id)


@transaction.atomic
def start_sending(*, issue: NewsletterIssue, by=None, request=None) -> int:
    """Create one delivery per recipient (again: no duplicates) and queue the sending after commit.
    Returns the number of deliveries the issue has."""
    issue = NewsletterIssue.objects.select_for_update().get(pk=issue.pk)
    if issue.status == IssueStatus.SENT:
        return issue.deliveries.count()
    if issue.status not in (IssueStatus.APPROVED, IssueStatus.SENDING):
        raise IssueNotApproved("Approve the issue before sending it.")
    now = timezone.now()
    rows, seen = [], set()
    for person_id, email in member_recipients().values_list("pk", "email"):
        seen.add(email.lower())
        rows.append(
            Delivery(issue=issue, email=email.lower(), person_id=person_id, edition=Edition.MEMBERS, created_at=now)
        )
    for subscriber_id, email in ExternalSubscriber.objects.receiving().values_list("pk", "email"):
        if email.lower() in seen:
            continue
        seen.add(email.lower())
        rows.append(
            Delivery(
                issue=issue, email=email.lower(), subscriber_id=subscriber_id, edition=Edition.PUBLIC, created_at=now
            )
        )
    Delivery.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    if issue.status == IssueStatus.APPROVED:
        issue.status = IssueStatus.SENDING
        issue.save(update_fields=["status"])
        record_event(actor=by, action=AuditAction.CHANGED, target=issue, detail="sending started", request=request)
    transaction.on_commit(lambda: _queue_sending(issue.pk))
    return issue.deliveries.count()


@transaction.atomic
def retry_failed_deliveries(*, issue: NewsletterIssue, by=None, request=None) -> int:
    """An editor asks for failed deliveries to be tried again (with a fresh set of attempts)."""
    count = Delivery.objects.filter(issue=issue, status=DeliveryStatus.FAILED).update(
        status=DeliveryStatus.QUEUED, attempts=0
    )
    if count:
        record_event(
            actor=by,
            action=AuditAction.CHANGED,
            target=issue,
            detail=f"retried {count} failed deliveries",
            request=request,
        )
        transaction.on_commit(lambda: _queue_sending(issue.pk))
    return count


def resume_sending() -> None:
    """The periodic sweep: release deliveries a dead worker left in "sending", queue the sending of any issue with
    work left, and finish issues whose deliveries are all sent."""
    delivery.release_stale_deliveries()
    for issue_id in delivery.issues_with_work():
        tasks.send_newsletter_deliveries.delay(issue_id)
    for issue_id in delivery.issues_sending():
        delivery.complete_issue_if_delivered(issue_id=issue_id)
