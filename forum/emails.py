"""The forum's emails: one post to one person straight away, and the daily digest. Each way of sending first claims
pending Delivery rows with a conditional update and sends only what it claimed, so a post reaches each person at most
once however often the jobs run; a failed send puts its rows back to pending."""

import uuid
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from core.emails import send_email
from forum.models import Delivery, DeliveryState, EmailChoice

# An immediate email not sent by then (worker down, broker away) goes in the next digest instead.
IMMEDIATE_GRACE = timedelta(minutes=15)


def _claim(deliveries) -> tuple[str, list[Delivery]]:
    token = uuid.uuid4().hex
    deliveries.filter(state=DeliveryState.PENDING).update(state=DeliveryState.SENT, claim=token, sent_at=timezone.now())
    claimed = list(
        Delivery.objects.filter(claim=token).select_related("recipient", "post__thread", "post__author").order_by("pk")
    )
    return token, claimed


def _still_due(delivery: Delivery) -> bool:
    """The post is still there for the recipient to read."""
    post = delivery.post
    return (
        post.is_visible
        and not post.is_deleted
        and delivery.recipient.is_active
        and delivery.recipient.has_perm("forum.view_thread", post.thread)
    )


def _split(claimed: list[Delivery]) -> list[Delivery]:
    """Mark the claimed rows whose post was removed (or can no longer be seen) as skipped; return the rest."""
    skipped = [d.pk for d in claimed if not _still_due(d)]
    if skipped:
        Delivery.objects.filter(pk__in=skipped).update(state=DeliveryState.SKIPPED)
    return [d for d in claimed if d.pk not in skipped]


def _release_claim(token: str) -> None:
    Delivery.objects.filter(claim=token, state=DeliveryState.SENT).update(
        state=DeliveryState.PENDING, claim="", sent_at=None
    )


def _item(delivery: Delivery) -> dict:
    post = delivery.post
    return {
        "post": post,
        "thread": post.thread,
        "reason": delivery.get_reason_display(),
        "kind": delivery.reason,
        "url": f"{reverse('forum:thread', args=[post.thread_id])}#post-{post.pk}",
    }


def send_delivery(delivery_id: int) -> bool:
    """Send one notification now, if it is still pending; True if an email went."""
    token, claimed = _claim(Delivery.objects.filter(pk=delivery_id))
    due = _split(claimed)
    if not due:
        return False
    delivery = due[0]
    try:
        send_email(
            "forum/emails/post",
            to=[delivery.recipient.email],
            context={"person": delivery.recipient, "item": _item(delivery)},
        )
    except Exception:
        _release_claim(token)
        raise
    return True


def send_digests(*, now=None) -> int:
    """One email per person with everything pending for them: daily-digest people's notifications, and immediate
    ones left unsent past the grace period. Returns the number of emails sent."""
    now = now or timezone.now()
    pending = Delivery.objects.filter(state=DeliveryState.PENDING)
    late_immediate = pending.filter(created_at__lte=now - IMMEDIATE_GRACE)
    daily = pending.filter(recipient__forum_preference__email=EmailChoice.DAILY)
    recipients = sorted(
        set(daily.values_list("recipient_id", flat=True)) | set(late_immediate.values_list("recipient_id", flat=True))
    )
    sent = 0
    for recipient_id in recipients:
        due = daily.filter(recipient_id=recipient_id) | late_immediate.filter(recipient_id=recipient_id)
        token, claimed = _claim(due)
        items = _split(claimed)
        if not items:
            continue
        try:
            send_email(
                "forum/emails/digest",
                to=[items[0].recipient.email],
                context={"person": items[0].recipient, "items": [_item(d) for d in items]},
            )
        except Exception:
            _release_claim(token)
            raise
        sent += 1
    return sent
