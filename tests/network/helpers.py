"""Network meetings in the states the tests need, made through the real models and services."""

from datetime import timedelta

from django.utils import timezone

from network import services
from network.models import NetworkAgendaItem, NetworkMeeting
from tests.factories import at


def network_meeting(*, days: int = 14, admin=None, items: tuple[str, ...] = ("Recruitment across the sites",)):
    """A quarterly network meeting `days` from today (negative: held), 14:00 to 16:00, with agenda items."""
    starts = at(timezone.localdate() + timedelta(days=days))
    meeting = NetworkMeeting.objects.create(
        kind="quarterly", starts_at=starts, ends_at=starts + timedelta(hours=2), venue="Programme office, Leeds",
        video_link="https://meet.example.org/network", created_by=admin,
    )  # fmt: skip
    for position, title in enumerate(items, start=1):
        NetworkAgendaItem.objects.create(meeting=meeting, position=position, title=title, proposed_by=admin)
    return meeting


def held_with_record(admin, *, approved: bool = False):
    """A network meeting held yesterday with its draft (or approved) record."""
    meeting = network_meeting(days=-1, admin=admin)
    record = services.open_record(meeting=meeting, opened_by=admin)
    if approved:
        services.approve_record(record=record, approved_by=admin)
    return record
