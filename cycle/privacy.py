"""Personal data the meeting cycle holds about a person (collected by members.data_rights): the meetings a
commissioner was invited to, when, and whether the invitation was withdrawn. On erasure, invitations still standing
are withdrawn (the account can no longer sign in); the rows stay, as the site's record of who was invited."""

from django.utils import timezone

from cycle.models import MeetingGuest
from members.data_rights import plain


def export_personal_data(person) -> dict:
    invitations = MeetingGuest.objects.filter(person=person).select_related("meeting__site", "invited_by")
    return {
        "meeting_invitations": [
            {
                "site": guest.meeting.site.code,
                "meeting": plain(guest.meeting.starts_at),
                "invited": plain(guest.invited_at),
                "invited_by": guest.invited_by.name if guest.invited_by else None,
                "withdrawn": plain(guest.withdrawn_at),
            }
            for guest in invitations.order_by("invited_at", "pk")
        ]
    }


def erase_personal_data(person, pseudonym: str) -> None:
    MeetingGuest.objects.filter(person=person, withdrawn_at__isnull=True).update(withdrawn_at=timezone.now())
