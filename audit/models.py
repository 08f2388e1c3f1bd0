from django.conf import settings
from django.db import models
from django.utils import timezone

from core.text_gate import TextGate


class AuditAction(models.TextChoices):
    VIEWED = "viewed", "Viewed"
    CREATED = "created", "Created"
    CHANGED = "changed", "Changed"
    MOVED = "moved", "Moved"
    EXPORTED = "exported", "Exported"
    DOWNLOADED = "downloaded", "Downloaded"
    DELETED = "deleted", "Deleted"
    SIGNED_IN = "signed_in", "Signed in"
    SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
    SIGNED_OUT = "signed_out", "Signed out"
    MFA_CHANGED = "mfa_changed", "Two-factor authentication changed"
    ROLE_CHANGED = "role_changed", "Role changed"
    ERASED = "erased", "Personal data erased"


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("The audit log is append-only.")

    def delete(self):
        raise PermissionError("The audit log is append-only.")


class AuditEvent(models.Model):
    """Who did what to which object, and when. Append-only: the application never updates or deletes
    a row, and on PostgreSQL a trigger refuses it too."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    # No database foreign key: erasing or removing a person never touches their audit trail.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(max_length=20, choices=AuditAction.choices)
    target_type = models.CharField(max_length=60, blank=True, db_index=True)
    target_id = models.CharField(max_length=40, blank=True)
    target_label = models.CharField(max_length=200, blank=True)
    detail = models.CharField(max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    objects = AuditEventQuerySet.as_manager()

    text_gate = TextGate(
        gated={},
        exempt={
            "target_type": "Written by the services, not typed; the append-only log is read by admins only.",
            "target_id": "Written by the services, not typed; the append-only log is read by admins only.",
            "target_label": "Written by the services, not typed; the append-only log is read by admins only.",
            "detail": "Written by the services, not typed; the append-only log is read by admins only.",
        },
    )

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["target_type", "target_id"]), models.Index(fields=["actor", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.action} {self.target_type} {self.target_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The audit log is append-only.")
