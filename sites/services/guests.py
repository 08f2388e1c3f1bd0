"""Guest speakers at a meeting: added and removed by the site's facilitators, marked on the day."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from core.text_gate import refuse_personal_data_in
from members.models import User
from sites.models import GuestSpeaker, Meeting


def _check_manager(meeting: Meeting, person: User) -> None:
    if not person.has_perm("sites.manage_meetings", meeting):
        raise PermissionDenied("Only this site's facilitators can change its guest speakers.")
    if meeting.is_cancelled:
        raise ValidationError("This meeting was cancelled, so its guest speakers can no longer be changed.")


@transaction.atomic
def add_guest_speaker(*, meeting: Meeting, added_by: User, name: str, organisation: str, topic: str) -> GuestSpeaker:
    """A speaker from outside the programme: no account, no access to cases; the agenda lists them."""
    _check_manager(meeting, added_by)
    speaker = GuestSpeaker(
        meeting=meeting, name=name.strip(), organisation=organisation.strip(), topic=topic.strip(), added_by=added_by
    )
    refuse_personal_data_in(speaker)
    speaker.save()
    return speaker


@transaction.atomic
def remove_guest_speaker(*, speaker: GuestSpeaker, removed_by: User) -> None:
    _check_manager(speaker.meeting, removed_by)
    speaker.delete()


@transaction.atomic
def record_guest_speakers_present(*, meeting: Meeting, recorded_by: User, present: set[int]) -> None:
    """The register for guest speakers: those in `present` came, the others did not."""
    _check_manager(meeting, recorded_by)
    speakers = meeting.guest_speakers.all()
    speakers.filter(pk__in=present).update(attended=True)
    speakers.exclude(pk__in=present).update(attended=False)
