"""Personal API tokens: a person names a token, chooses what it may read and for how long, sees it once, sees when
it was last used, and revokes it. Only the SHA-256 of the key is stored, so a copy of the database gives nobody a
working key. A token acts only with the roles its owner had when it was made (`granted_roles`), and only while the
owner meets their role's sign-in requirement (api.rules.token_refusal)."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

KEY_PREFIX = "cop_"
DEFAULT_LIFETIME_DAYS = 90


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def default_expiry():
    return timezone.now() + timedelta(days=DEFAULT_LIFETIME_DAYS)


class TokenScope(models.TextChoices):
    REPOSITORY = "repository", "Learning objects and evidence"
    FIGURES = "figures", "Learning objects, evidence, programme figures and survey results"


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        """Not revoked and not expired (a suspended token is still active: it works again when its owner meets
        the sign-in requirement)."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text="What the token is for, so you can tell your tokens apart.")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters of the key, shown in lists so a person can match a token to the key they hold.
    key_start = models.CharField(max_length=12, editable=False)
    scope = models.CharField(max_length=20, choices=TokenScope.choices, default=TokenScope.REPOSITORY)
    # Tokens made before expiry existed got 90 days from the migration that added it.
    expires_at = models.DateTimeField(default=default_expiry)
    # The owner's roles when the token was made (api.rules.roles_of); a token whose owner's roles have changed
    # since is suspended. Tokens made before this was recorded hold "" (no privileged role).
    granted_roles = models.CharField(max_length=500, blank=True, default="", editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"{self.name} ({self.key_start}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and not self.is_expired

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    def allows(self, scope: str) -> bool:
        return scope == TokenScope.REPOSITORY or self.scope == TokenScope.FIGURES
