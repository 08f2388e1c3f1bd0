from django.db import models

from audit.models import AuditEvent

# Models that moved to another app keep the object type the log has always recorded for them, so that the log reads
# the same and a search by type finds an object's whole history (the log is append-only: old rows are never changed).
TYPES_RECORDED_BEFORE_A_MOVE = {
    "sites.membership": "members.membership",
    "sites.invitation": "members.invitation",
    "cycle.agendaitem": "sites.agendaitem",
    "cycle.agendapublication": "sites.agendapublication",
    "cycle.agendadelivery": "sites.agendadelivery",
    "cycle.meetingrecord": "sites.meetingrecord",
    "cycle.recordentry": "sites.recordentry",
    "cycle.recordaction": "sites.recordaction",
    "cycle.recordcomment": "sites.recordcomment",
    "cycle.recordversion": "sites.recordversion",
    "cycle.recorddelivery": "sites.recorddelivery",
    "cycle.actionreminder": "sites.actionreminder",
    "digests.digest": "newsletters.digest",
    "digests.digestsubscription": "newsletters.digestsubscription",
    "digests.commissionerresponse": "newsletters.commissionerresponse",
}


def recorded_type(target: models.Model) -> str:
    """The object type the log records for `target`: its model's label ("cases.case"), as it was before any move."""
    label = target._meta.label_lower
    return TYPES_RECORDED_BEFORE_A_MOVE.get(label, label)


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
        target_type=recorded_type(target) if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_label=f"{target._meta.verbose_name.capitalize()} #{target.pk}" if target is not None else "",
        detail=detail[:300],
        ip_address=client_ip(request),
    )
