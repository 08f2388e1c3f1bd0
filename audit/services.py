from django.db import models

from audit.models import AuditEvent


def client_ip(request) -> str | None:
    # Behind the proxy, REMOTE_ADDR is the proxy; the proxy must set X-Forwarded-For (README).
    if request is None:
        return None
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    return (forwarded.split(",")[0].strip() or request.META.get("REMOTE_ADDR")) or None


def record_event(
    *,
    actor,
    action: str,
    target: models.Model | None = None,
    detail: str = "",
    request=None,
) -> AuditEvent:
    """Append one row to the audit log. Call it inside the transaction of the change it records."""
    actor_id = getattr(actor, "pk", None) if getattr(actor, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        actor_id=actor_id,
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_label=f"{target._meta.verbose_name.capitalize()} #{target.pk}" if target is not None else "",
        detail=detail[:300],
        ip_address=client_ip(request),
    )
