"""Creating, using and revoking personal API tokens. Each change is written to the audit log."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from api.models import KEY_PREFIX, ApiToken, hash_key
from audit.models import AuditAction
from audit.services import record_event

MAX_ACTIVE_TOKENS = 20
# Recording every use would write to the database on every request: once a minute is enough to tell.
LAST_USED_GRANULARITY = timedelta(minutes=1)


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    key: str  # shown once, never stored


@transaction.atomic
def create_api_token(*, user, name: str, request=None) -> NewToken:
    name = name.strip()
    if not name:
        raise ValidationError("Give the token a name, for example what it is for.")
    if ApiToken.objects.active().filter(user=user).count() >= MAX_ACTIVE_TOKENS:
        raise ValidationError(f"You already have {MAX_ACTIVE_TOKENS} tokens. Revoke one you no longer use first.")
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, key_hash=hash_key(key), key_start=key[:8])
    record_event(actor=user, action=AuditAction.CREATED, target=token, detail=f"API token {name!r}", request=request)
    return NewToken(token=token, key=key)


@transaction.atomic
def revoke_api_token(*, token: ApiToken, by, request=None) -> ApiToken:
    """Revoke a token at once; revoking twice changes nothing."""
    claimed = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=by
    )
    token.refresh_from_db(fields=["revoked_at", "revoked_by"])
    if claimed:
        owner = "own" if token.user_id == by.pk else f"person #{token.user_id}'s"
        record_event(
            actor=by,
            action=AuditAction.CHANGED,
            target=token,
            detail=f"revoked {owner} API token {token.name!r}",
            request=request,
        )
    return token


def find_active_token(key: str) -> ApiToken | None:
    """The active token with this key, with its user, or None."""
    if not key.startswith(KEY_PREFIX) or len(key) > 100:
        return None
    return ApiToken.objects.active().select_related("user").filter(key_hash=hash_key(key)).first()


def note_token_used(token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_GRANULARITY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
