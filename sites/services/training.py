"""Recording a facilitator's training: the programme team's task, audited."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from core.text_gate import refuse_personal_data_in
from members.models import User
from sites.models import FacilitatorTraining, Membership, MembershipRole


@transaction.atomic
def record_training(
    *, person: User, recorded_by: User, kind: str, held_on: date, notes: str = ""
) -> FacilitatorTraining:
    if not recorded_by.has_perm("sites.record_training", person):
        raise PermissionDenied("Only the programme team records facilitators' training.")
    if not Membership.objects.filter(person=person, role=MembershipRole.FACILITATOR).exists():
        raise ValidationError("Training is recorded for facilitators only.")
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": "Record training once it has happened: the date cannot be in the future."})
    training = FacilitatorTraining(
        person=person, kind=kind, held_on=held_on, notes=notes.strip(), recorded_by=recorded_by
    )
    refuse_personal_data_in(training)
    training.save()
    record_event(actor=recorded_by, action=AuditAction.CREATED, target=training, detail=f"Training of {person.name}")
    return training
