"""Reads for the audit log page and its CSV. People are found through get_user_model(): the log sits below the
members app and records anyone's actions without importing it."""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from audit.models import AuditEvent


def filtered_events(filters: dict) -> QuerySet[AuditEvent]:
    User = get_user_model()
    events = AuditEvent.objects.all()
    if filters.get("person"):
        term = filters["person"].strip()
        people = User.objects.filter(Q(email__icontains=term) | Q(name__icontains=term)).values("pk")
        events = events.filter(actor_id__in=people)
    if filters.get("action"):
        events = events.filter(action=filters["action"])
    if filters.get("target_type"):
        events = events.filter(target_type=filters["target_type"].strip().lower())
    if filters.get("target_id"):
        events = events.filter(target_id=filters["target_id"].strip())
    if filters.get("date_from"):
        events = events.filter(at__date__gte=filters["date_from"])
    if filters.get("date_to"):
        events = events.filter(at__date__lte=filters["date_to"])
    return events


def with_actors(events) -> list[AuditEvent]:
    """Attach actors with one query (there is no database foreign key to join on)."""
    events = list(events)
    people = get_user_model().objects.in_bulk({e.actor_id for e in events if e.actor_id})
    for event in events:
        event.actor_person = people.get(event.actor_id)
    return events
