"""Reads for the network's pages: the meetings a person may see, who is invited, the register and the record."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from members.models import User
from network.models import NetworkAttendance, NetworkMeeting, NetworkRecordEntry
from network.rules import network_meetings_visible_q
from sites.models import ENDED_STATUSES, Membership, MembershipRole


def network_meetings_for(user) -> QuerySet[NetworkMeeting]:
    return NetworkMeeting.objects.filter(network_meetings_visible_q(user)).distinct()


def next_network_meeting(user) -> NetworkMeeting | None:
    """The next network meeting the person may go to (for the home page), or None."""
    return network_meetings_for(user).upcoming().first()


def invited_people(meeting: NetworkMeeting) -> QuerySet[User]:
    """Everyone invited to the meeting, as things stand today: the programme admins, the facilitators of every site
    still running and the people named for this meeting."""
    running_facilitators = (
        Membership.objects.current(timezone.localdate())
        .filter(role=MembershipRole.FACILITATOR)
        .exclude(site__status__in=ENDED_STATUSES)
        .values("person_id")
    )
    return (
        User.objects.filter(is_active=True)
        .filter(
            Q(is_programme_admin=True)
            | Q(pk__in=running_facilitators, is_commissioner=False)
            | Q(network_invitations__meeting=meeting)
        )
        .distinct()
        .order_by("name", "pk")
    )


def register_people(meeting: NetworkMeeting) -> list[User]:
    """The register's lines: everyone invited, and anyone already marked (a facilitator who has left since)."""
    marked = NetworkAttendance.objects.filter(meeting=meeting).values("person_id")
    people = User.objects.filter(Q(pk__in=invited_people(meeting).values("pk")) | Q(pk__in=marked))
    return list(people.order_by("name", "pk"))


def record_entries(record) -> QuerySet[NetworkRecordEntry]:
    return record.entries.select_related("agenda_item").prefetch_related("actions__owner").order_by("position", "pk")


def register_of(meeting: NetworkMeeting) -> QuerySet[NetworkAttendance]:
    return NetworkAttendance.objects.filter(meeting=meeting).select_related("person").order_by("person__name")
