"""Delivering an issue (in a Celery job): each Delivery row is claimed by a conditional update before its email goes
out, so a second worker, a second run or a restarted task never sends it again; a row left sending by a worker
that died is released, and anything queued or failed is found again by the sweep."""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.core.mail import mailers
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone

from newsletters import tokens
from newsletters.emails import build_issue_email
from newsletters.models import (
    Delivery,
    DeliveryStatus,
    Edition,
    IssueStatus,
    NewsletterIssue,
)
from newsletters.selectors import issue_sections

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
# A delivery claimed longer ago than this belongs to a worker that died mid-send.
STALE_SENDING_AFTER = timedelta(minutes=15)
# A failed delivery not retried within this time lost its retry (the broker went away): the sweep queues it.
RETRY_LOST_AFTER = timedelta(hours=1)


def _claim(delivery_id: int) -> bool:
    return (
        Delivery.objects.filter(
            pk=delivery_id,
            status__in=[DeliveryStatus.QUEUED, DeliveryStatus.FAILED],
            attempts__lt=MAX_ATTEMPTS,
        ).update(status=DeliveryStatus.SENDING, attempts=F("attempts") + 1, claimed_at=timezone.now())
        == 1
    )


def _unsubscribe_token(delivery: Delivery) -> str:
    if delivery.person_id:
        return tokens.unsubscribe_token(kind=tokens.PERSON, pk=delivery.person_id)
    return tokens.unsubscribe_token(kind=tokens.SUBSCRIBER, pk=delivery.subscriber_id)


@dataclass
class SendResult:
    sent: int = 0
    failed: int = 0
    retryable: int = 0  # failed deliveries that will be tried again


def send_deliveries(*, issue_id: int) -> SendResult:
    """Send every delivery of the issue that is queued, or failed with attempts left. Each one is
    claimed first; a refused address is marked failed with the error and the others carry on."""
    result = SendResult()
    issue = NewsletterIssue.objects.filter(pk=issue_id, status=IssueStatus.SENDING).first()
    if issue is None:
        return result
    sections = {edition: issue_sections(issue, edition) for edition in Edition.values}
    pending = Delivery.objects.filter(
        issue=issue, status__in=[DeliveryStatus.QUEUED, DeliveryStatus.FAILED], attempts__lt=MAX_ATTEMPTS
    ).values_list("pk", flat=True)
    connection = None
    for delivery_id in list(pending):
        if not _claim(delivery_id):
            continue  # another worker has it, or it is done
        delivery = Delivery.objects.get(pk=delivery_id)
        message = build_issue_email(
            issue,
            email=delivery.email,
            edition=delivery.edition,
            unsubscribe_token=_unsubscribe_token(delivery),
            sections=sections[delivery.edition],
        )
        try:
            if connection is None:
                connection = mailers.default
                connection.open()
            connection.send_messages([message])
        except Exception as error:  # refused recipient, SMTP down: record it and carry on
            Delivery.objects.filter(pk=delivery_id, status=DeliveryStatus.SENDING).update(
                status=DeliveryStatus.FAILED, last_error=f"{type(error).__name__}: {error}"[:500]
            )
            result.failed += 1
            if delivery.attempts < MAX_ATTEMPTS:
                result.retryable += 1
            connection = _close_quietly(connection)
            continue
        Delivery.objects.filter(pk=delivery_id).update(
            status=DeliveryStatus.SENT, sent_at=timezone.now(), last_error=""
        )
        result.sent += 1
    _close_quietly(connection)
    complete_issue_if_delivered(issue_id=issue.pk)
    return result


def _close_quietly(connection):
    if connection is not None:
        try:
            connection.close()
        except Exception:
            logger.warning("Closing the mail connection failed", exc_info=True)
    return None


def complete_issue_if_delivered(*, issue_id: int) -> bool:
    unsent = Delivery.objects.filter(issue=OuterRef("pk")).exclude(status=DeliveryStatus.SENT)
    return bool(
        NewsletterIssue.objects.filter(pk=issue_id, status=IssueStatus.SENDING)
        .exclude(Exists(unsent))
        .update(status=IssueStatus.SENT, sent_at=timezone.now())
    )


def release_stale_deliveries(*, now=None) -> int:
    """Deliveries left in "sending" by a worker that died go back to the queue (or to failed, when
    their attempts are used up, so that the delivery log shows them)."""
    stale = Delivery.objects.filter(
        status=DeliveryStatus.SENDING, claimed_at__lt=(now or timezone.now()) - STALE_SENDING_AFTER
    )
    note = "The sending stopped part-way (the worker stopped)."
    requeued = stale.filter(attempts__lt=MAX_ATTEMPTS).update(status=DeliveryStatus.QUEUED, last_error=note)
    return requeued + stale.update(status=DeliveryStatus.FAILED, last_error=note)


def issues_with_work(*, now=None) -> list[int]:
    """Issues still sending with deliveries waiting: queued ones (their task was lost, or a dead
    worker's), and failed ones with attempts left whose retry has not happened within the hour (the
    task's own retries, with their back-off, normally come first)."""
    waiting = Q(status=DeliveryStatus.QUEUED) | Q(
        status=DeliveryStatus.FAILED, claimed_at__lt=(now or timezone.now()) - RETRY_LOST_AFTER
    )
    return list(
        NewsletterIssue.objects.filter(status=IssueStatus.SENDING)
        .filter(Exists(Delivery.objects.filter(waiting, issue=OuterRef("pk"), attempts__lt=MAX_ATTEMPTS)))
        .values_list("pk", flat=True)
    )


def issues_sending() -> list[int]:
    return list(NewsletterIssue.objects.filter(status=IssueStatus.SENDING).values_list("pk", flat=True))
