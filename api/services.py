"""Creating, using and revoking personal API tokens. Each change is written to the audit log.

When a token may act is decided in api/rules.py (token_refusal). Removing or resetting two-factor sign-in revokes
every token of the person (api/receivers.py)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from api.models import DEFAULT_LIFETIME_DAYS, KEY_PREFIX, ApiToken, TokenScope, hash_key
from api.rules import roles_of
from audit.models import AuditAction
from audit.services import record_event

MAX_ACTIVE_TOKENS = 20
LIFETIME_DAYS = (30, DEFAULT_LIFETIME_DAYS, 365)
# Recording every use would write to the database on every request: once a minute is enough to tell.
LAST_USED_GRANULARITY = timedelta(minutes=1)


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    key: str  # shown once, never stored


@transaction.atomic
def create_api_token(
    *, user, name: str, scope: str = TokenScope.REPOSITORY, lifetime_days: int = DEFAULT_LIFETIME_DAYS, request=None
) -> NewToken:
    name = name.strip()
    if not name:
        raise ValidationError("Give the token a name, for example what it is for.")
    if scope not in TokenScope.values:
        raise ValidationError("Choose what the token may read.")
    if lifetime_days not in LIFETIME_DAYS:
        raise ValidationError("Choose how long the token works: 30, 90 or 365 days.")
    if ApiToken.objects.active().filter(user=user).count() >= MAX_ACTIVE_TOKENS:
        raise ValidationError(f"You already have {MAX_ACTIVE_TOKENS} tokens. Revoke one you no longer use first.")
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    now = timezone.now()
    token = ApiToken.objects.create(
        user=user,
        name=name,
        key_hash=hash_key(key),
        key_start=key[:8],
        scope=scope,
        created_at=now,
        expires_at=now + timedelta(days=lifetime_days),
        granted_roles=roles_of(user),
    )
    detail = f"API token {name!r} ({TokenScope(scope).label.lower()}, {lifetime_days} days)"
    record_event(actor=user, action=AuditAction.CREATED, target=token, detail=detail, request=request)
    return NewToken(token=token, key=key)


@transaction.atomic
def revoke_api_token(*, token: ApiToken, by, request=None, reason: str = "") -> ApiToken:
    """Revoke a token at once; revoking twice changes nothing."""
    claimed = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=by
    )
    token.refresh_from_db(fields=["revoked_at", "revoked_by"])
    if claimed:
        owner = "own" if by is not None and token.user_id == by.pk else f"person #{token.user_id}'s"
        record_event(
            actor=by,
            action=AuditAction.CHANGED,
            target=token,
            detail=f"revoked {owner} API token {token.name!r}" + (f": {reason}" if reason else ""),
            request=request,
        )
    return token


def revoke_tokens_of(*, user, reason: str, by=None, request=None) -> int:
    """Revoke every token of a person that still works (their two-factor sign-in was removed or reset)."""
    tokens = list(ApiToken.objects.filter(user=user, revoked_at__isnull=True))
    for token in tokens:
        revoke_api_token(token=token, by=by, request=request, reason=reason)
    return len(tokens)


def find_token(key: str) -> ApiToken | None:
    """The token with this key (revoked or not), with its user, or None."""
    if not key.startswith(KEY_PREFIX) or len(key) > 100:
        return None
    return ApiToken.objects.select_related("user").filter(key_hash=hash_key(key)).first()


def note_token_used(token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_GRANULARITY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
