"""People further afield sign up with double opt-in; anyone can leave with one click."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core.emails import send_email
from newsletters import tokens
from newsletters.emails import absolute
from newsletters.models import ExternalSubscriber, NewsletterPreference, hash_token
from newsletters.throttle import CONFIRMATIONS_PER_ADDRESS_PER_DAY, within_limit


@transaction.atomic
def request_subscription(*, email: str) -> None:
    """Send a confirmation link (or, to an address already receiving the newsletter, a note saying so).
    The page that calls this says the same thing whatever happened, so it reveals no address."""
    email = email.strip().lower()
    if not within_limit(f"address:{hash_token(email)}", limit=CONFIRMATIONS_PER_ADDRESS_PER_DAY, window_seconds=86400):
        return  # already sent a few today: quietly send no more
    subscriber = ExternalSubscriber.objects.select_for_update().filter(email__iexact=email).first()
    if subscriber and subscriber.confirmed_at and not subscriber.unsubscribed_at:
        transaction.on_commit(lambda: send_email("newsletters/emails/already_subscribed", to=[email], context={}))
        return
    if subscriber is None:
        subscriber = ExternalSubscriber.objects.create(email=email)
    secret = tokens.new_confirm_secret()
    subscriber.confirm_token_hash = hash_token(secret)
    subscriber.save(update_fields=["confirm_token_hash"])
    url = absolute(
        reverse("newsletters:confirm", args=[tokens.confirm_token(subscriber_id=subscriber.pk, secret=secret)])
    )
    transaction.on_commit(
        lambda: send_email("newsletters/emails/confirm_subscription", to=[email], context={"confirm_url": url})
    )


@transaction.atomic
def confirm_subscription(*, token: str) -> ExternalSubscriber | None:
    """Confirm the address the link was sent to. None when the link is wrong, used or expired."""
    read = tokens.read_confirm_token(token)
    if read is None:
        return None
    subscriber_id, secret = read
    subscriber = ExternalSubscriber.objects.select_for_update().filter(pk=subscriber_id).first()
    if subscriber is None or not subscriber.confirm_token_hash or subscriber.confirm_token_hash != hash_token(secret):
        return None
    subscriber.confirmed_at = timezone.now()
    subscriber.unsubscribed_at = None
    subscriber.confirm_token_hash = ""
    subscriber.save(update_fields=["confirmed_at", "unsubscribed_at", "confirm_token_hash"])
    return subscriber


@transaction.atomic
def unsubscribe(*, token: str) -> bool:
    """Stop the newsletter for whoever the signed token names. False when the token is not valid."""
    read = tokens.read_unsubscribe_token(token)
    if read is None:
        return False
    kind, pk = read
    if kind == tokens.PERSON:
        from members.models import User

        if not User.objects.filter(pk=pk).exists():
            return False
        NewsletterPreference.objects.update_or_create(
            person_id=pk, defaults={"opted_out": True, "updated_at": timezone.now()}
        )
        return True
    updated = ExternalSubscriber.objects.filter(pk=pk, unsubscribed_at__isnull=True).update(
        unsubscribed_at=timezone.now()
    )
    return bool(updated) or ExternalSubscriber.objects.filter(pk=pk).exists()


@transaction.atomic
def set_newsletter_preference(*, person, opted_out: bool) -> NewsletterPreference:
    preference, _ = NewsletterPreference.objects.update_or_create(
        person=person, defaults={"opted_out": opted_out, "updated_at": timezone.now()}
    )
    return preference
