"""Personal API tokens: a person names a token, sees it once, sees when it was last used, and revokes it.
Only the SHA-256 of the key is stored, so a copy of the database gives nobody a working key."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.text_gate import TextGate

KEY_PREFIX = "cop_"


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text="What the token is for, so you can tell your tokens apart.")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters of the key, shown in lists so a person can match a token to the key they hold.
    key_start = models.CharField(max_length=12, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ApiTokenQuerySet.as_manager()

    text_gate = TextGate(
        gated={},
        exempt={
            "name": "The token holder's own label for their token, seen only by them.",
            "key_hash": "A hash of the key, set by the code, never shown.",
            "key_start": "The key's first characters, set by the code, shown only to its holder.",
        },
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"{self.name} ({self.key_start}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
