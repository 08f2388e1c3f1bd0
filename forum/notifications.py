"""Emails about posts: replies in threads people started or follow, and mentions.

When a post becomes visible, one Delivery row is written for each person it concerns (unique per recipient and
post). Every way of sending, the immediate email and the daily digest alike, first claims pending rows with a
conditional update and sends only what it claimed, so a post reaches each person at most once however often the jobs
run; and the digest takes every row still pending, so none is missed. A failed send puts its rows back to pending.
"""

from __future__ import annotations

from core.outbox import claim_and_queue
from forum import tasks
from forum.models import Delivery, DeliveryReason, DeliveryState, EmailChoice, ForumPreference, Post, ThreadFollow
from forum.selectors import thread_audience


def email_choice(person) -> str:
    preference = ForumPreference.objects.filter(person=person).values_list("email", flat=True).first()
    return preference or EmailChoice.IMMEDIATE


def record_deliveries(*, post: Post, mentions_only: bool = False) -> None:
    """One row per person to tell about a visible post (in the caller's transaction); immediate ones are queued to
    be sent after commit. People who cannot read the thread, and the author, are never included."""
    if not post.is_visible or post.is_deleted:
        return
    audience = set(thread_audience(post.thread).values_list("pk", flat=True))
    reasons = {pk: DeliveryReason.MENTION for pk in post.mentions.values_list("pk", flat=True)}
    if not mentions_only:
        for pk in ThreadFollow.objects.filter(thread_id=post.thread_id).values_list("person_id", flat=True):
            reasons.setdefault(pk, DeliveryReason.REPLY)
    reasons = {pk: reason for pk, reason in reasons.items() if pk in audience and pk != post.author_id}
    already = set(
        Delivery.objects.filter(post=post, recipient_id__in=list(reasons)).values_list("recipient_id", flat=True)
    )
    choices = dict(ForumPreference.objects.filter(person_id__in=list(reasons)).values_list("person_id", "email"))
    new = {pk: reason for pk, reason in reasons.items() if pk not in already}
    # Muted people get a row that is never sent; daily-digest people a pending row the digest sends.
    Delivery.objects.bulk_create(
        [
            Delivery(
                recipient_id=pk,
                post=post,
                reason=reason,
                state=DeliveryState.MUTED if choices[pk] == EmailChoice.NONE else DeliveryState.PENDING,
            )
            for pk, reason in new.items()
            if choices.get(pk) in (EmailChoice.NONE, EmailChoice.DAILY)
        ],
        ignore_conflicts=True,
    )
    immediate = [
        {"post": post, "recipient_id": pk, "defaults": {"reason": reason}}
        for pk, reason in new.items()
        if choices.get(pk) not in (EmailChoice.NONE, EmailChoice.DAILY)
    ]
    claim_and_queue(Delivery, immediate, task=tasks.send_post_email)
