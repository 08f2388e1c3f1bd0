"""Signed tokens in newsletter links. Unsubscribe tokens name the recipient and never expire (an
old email's link must still work); confirmation tokens expire."""

import secrets

from django.core import signing

UNSUBSCRIBE_SALT = "newsletters.unsubscribe"
CONFIRM_SALT = "newsletters.confirm"
CONFIRM_MAX_AGE = 7 * 24 * 3600

PERSON = "p"
SUBSCRIBER = "s"


def unsubscribe_token(*, kind: str, pk: int) -> str:
    return signing.dumps([kind, pk], salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[str, int] | None:
    try:
        kind, pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if kind not in (PERSON, SUBSCRIBER) or not isinstance(pk, int):
        return None
    return kind, pk


def new_confirm_secret() -> str:
    return secrets.token_urlsafe(24)


def confirm_token(*, subscriber_id: int, secret: str) -> str:
    return signing.dumps([subscriber_id, secret], salt=CONFIRM_SALT)


def read_confirm_token(token: str) -> tuple[int, str] | None:
    """(subscriber id, secret), or None when the link is altered or older than a week."""
    try:
        subscriber_id, secret = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return subscriber_id, secret
