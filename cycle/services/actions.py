"""Actions people own: actions agreed in meeting records and next steps of cases. Marking them done, and
reminding owners before the meeting where they are due (once each)."""

from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from cases.models import ActionStatus
from cases.services import gate, lifecycle
from core.outbox import claim_and_queue
from core.text_gate import refuse_personal_data_in
from cycle import tasks
from cycle.models import ActionReminder, RecordAction, RecordActionStatus
from cycle.selectors import due_of


@transaction.atomic
def complete_record_action(*, action: RecordAction, by, note: str = "") -> RecordAction:
    if not (action.owner_id == by.pk or by.has_perm("sites.manage_meetings", action.entry.record.meeting)):
        raise PermissionDenied("Only the action's owner or the site's facilitators can close it.")
    action.done_note = note.strip()
    try:
        refuse_personal_data_in(action, only={"done_note"})
    except ValidationError as error:
        raise ValidationError({"note": error.message_dict["done_note"]}) from None
    action.status, action.done_at = RecordActionStatus.DONE, timezone.now()
    action.save(update_fields=["status", "done_note", "done_at"])
    return action


@transaction.atomic
def complete_case_action(*, action, by, status: str, note: str = ""):
    """Record how a case's next step went, by its owner (or whoever may update the case's next steps)."""
    if status not in (ActionStatus.TRIED_HELPFUL, ActionStatus.TRIED_NOT_HELPFUL, ActionStatus.NOT_TRIED):
        raise ValidationError({"status": "Say whether it was tried and how it went."})
    case = action.case
    if by.has_perm("cases.change_case", case) or by.has_perm("cases.record_follow_up", case):
        return lifecycle.update_action_item(action=action, by=by, status=status, note=note)
    if action.owner_id != by.pk:
        raise PermissionDenied("Only the next step's owner can close it.")
    if not case.is_draft:
        lifecycle.refuse_personal_data(case, {f"action:{action.pk}:note": note})
    action.status, action.note = status, note
    action.save(update_fields=["status", "note"])
    gate.check_field(case=case, field=f"action:{action.pk}:note", text=note)
    return action


def due_action_reminders(now: datetime) -> list[RecordAction]:
    """Open meeting actions with an owner, not yet reminded, whose due moment is within the site's
    reminder period (and not past)."""
    candidates = (
        RecordAction.objects.filter(status=RecordActionStatus.OPEN, owner__isnull=False, owner__is_active=True)
        .filter(reminder__isnull=True, entry__record__status="approved")
        .select_related("entry__record__meeting__site")
    )
    today = timezone.localdate(now)
    due = []
    for action in candidates:
        when = due_of(action)
        days = action.entry.record.meeting.site.reminder_days_before
        if when.on is not None and today <= when.on <= today + timedelta(days=days):
            due.append(action)
    return due


def send_action_reminders(*, now: datetime | None = None) -> int:
    """Claim a reminder for each due action (one ActionReminder row each) and queue its email."""
    due = due_action_reminders(now or timezone.now())
    return claim_and_queue(
        ActionReminder, ({"action": action} for action in due), task=tasks.send_action_reminder_email
    )
