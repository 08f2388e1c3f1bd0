"""The facilitators' training records: who has done the two-day course and when each was last supervised."""

from django.db.models import Exists, Max, OuterRef, Q, QuerySet

from core.rules import is_programme_admin
from members.models import User
from sites.models import FacilitatorTraining, Membership, MembershipRole, TrainingKind


def facilitators_for_training(user) -> QuerySet[User]:
    """Everyone who has been a facilitator (programme admins see all of them; a facilitator, only themself), with
    `course_done` and `last_supervision`."""
    facilitators = Membership.objects.filter(role=MembershipRole.FACILITATOR).values("person_id")
    people = User.objects.filter(pk__in=facilitators)
    if not is_programme_admin(user):
        people = people.filter(pk=user.pk)
    course = FacilitatorTraining.objects.filter(person=OuterRef("pk"), kind=TrainingKind.COURSE)
    return people.annotate(
        course_done=Exists(course),
        last_supervision=Max("training_records__held_on", filter=Q(training_records__kind=TrainingKind.SUPERVISION)),
    ).order_by("name")


def training_of(person: User) -> list[FacilitatorTraining]:
    return list(FacilitatorTraining.objects.filter(person=person).select_related("recorded_by"))


def facilitator_sites(person: User) -> list[str]:
    codes = Membership.objects.filter(person=person, role=MembershipRole.FACILITATOR).values_list(
        "site__code", flat=True
    )
    return sorted(set(codes))
