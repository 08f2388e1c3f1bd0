"""Meeting emails a person chose not to get: the reminder and agenda jobs (sites, cycle) leave them out."""

from django.db.models import QuerySet
from django.utils import timezone

from members.models import MeetingEmailPreference


def set_meeting_email_preference(*, person, reminders: bool, agendas: bool) -> MeetingEmailPreference:
    preference, _ = MeetingEmailPreference.objects.update_or_create(
        person=person, defaults={"reminders": reminders, "agendas": agendas, "updated_at": timezone.now()}
    )
    return preference


def meeting_email_preference(person) -> MeetingEmailPreference:
    """The person's choice (unsaved defaults if they never chose)."""
    return MeetingEmailPreference.objects.filter(person=person).first() or MeetingEmailPreference(person=person)


def muted_for_reminders() -> QuerySet:
    """Ids of people who turned meeting reminders off (a subquery)."""
    return MeetingEmailPreference.objects.filter(reminders=False).values("person_id")


def muted_for_agendas() -> QuerySet:
    return MeetingEmailPreference.objects.filter(agendas=False).values("person_id")
