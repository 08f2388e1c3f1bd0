"""Actions people own: actions agreed in meeting records and next steps of cases. Marking them done,
reminding owners before the meeting where they are due (once each), and experts by experience."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from core.emails import send_email
from sites.models import (
    ActionReminder,
    Expense,
    ExpenseCategory,
    ExpertConsent,
    ExpertPayment,
    Meeting,
    RecordAction,
    RecordActionStatus,
    Site,
)
from sites.services.record import refuse_personal_data

EXPERT_CATEGORIES = (ExpenseCategory.EXPERT_PAYMENT, ExpenseCategory.TRAVEL)


def next_meeting_after(meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.scheduled()
        .filter(site_id=meeting.site_id, starts_at__gt=meeting.starts_at)
        .order_by("starts_at")
        .first()
    )


@dataclass
class Due:
    on: date | None
    meeting: Meeting | None


def due_of(action: RecordAction) -> Due:
    """When a meeting action is due: its date, or the next meeting of the site after the one it came from."""
    if action.due_on:
        return Due(action.due_on, None)
    following = next_meeting_after(action.entry.record.meeting)
    return Due(following.local_date if following else None, following)


@transaction.atomic
def complete_record_action(*, action: RecordAction, by, note: str = "") -> RecordAction:
    if not (action.owner_id == by.pk or by.has_perm("sites.manage_meetings", action.entry.record.meeting)):
        raise PermissionDenied("Only the action's owner or the site's facilitators can close it.")
    refuse_personal_data({"note": note})
    action.status, action.done_note, action.done_at = RecordActionStatus.DONE, note.strip(), timezone.now()
    action.save(update_fields=["status", "done_note", "done_at"])
    return action


@transaction.atomic
def complete_case_action(*, action, by, status: str, note: str = ""):
    """Record how a case's next step went, by its owner (or whoever may update the case's next steps)."""
    from cases.models import ActionStatus
    from cases.services import gate, lifecycle

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
    from sites.tasks import send_action_reminder_email

    now = now or timezone.now()
    queued = 0
    for action in due_action_reminders(now):
        try:
            with transaction.atomic():
                reminder, created = ActionReminder.objects.get_or_create(action=action)
                if created:
                    transaction.on_commit(lambda pk=reminder.pk: send_action_reminder_email.delay(pk))
        except IntegrityError:
            created = False
        queued += int(created)
    return queued


def email_action_reminder(*, reminder: ActionReminder) -> None:
    action = reminder.action
    context = {
        "action": action,
        "person": action.owner,
        "meeting": action.entry.record.meeting,
        "due": due_of(action),
        "url": settings.SITE_URL + reverse("my_actions"),
    }
    send_email("sites/cycle/emails/action_reminder", to=[action.owner.email], context=context)


# Experts by experience
@transaction.atomic
def record_expert_consent(
    *, site: Site, recorded_by, expert, agreed_to_share: str, contact_by: str, given_on: date
) -> ExpertConsent:
    if not expert.expert_by_experience:
        raise ValidationError({"expert": "This person is not recorded as an expert by experience."})
    if not agreed_to_share.strip() or not contact_by.strip():
        raise ValidationError("Say what they agreed to share and how they may be contacted.")
    return ExpertConsent.objects.create(
        site=site, expert=expert, agreed_to_share=agreed_to_share.strip(), contact_by=contact_by.strip(),
        given_on=given_on, recorded_by=recorded_by,
    )  # fmt: skip


@transaction.atomic
def withdraw_expert_consent(*, consent: ExpertConsent, withdrawn_by, withdrawn_on: date | None = None) -> ExpertConsent:
    if consent.withdrawn_on is None:
        consent.withdrawn_on = withdrawn_on or timezone.localdate()
        consent.save(update_fields=["withdrawn_on"])
    return consent


@transaction.atomic
def record_expert_payment(
    *, site: Site, recorded_by, expert, category: str, amount: Decimal, paid_on: date, note: str = ""
) -> ExpertPayment:
    """An involvement payment or travel expense: it is an Expense of the site's budget."""
    if category not in EXPERT_CATEGORIES:
        raise ValidationError({"category": "Choose an involvement payment or travel expenses."})
    if amount is None or amount <= 0:
        raise ValidationError({"amount": "Enter an amount above £0."})
    if not expert.expert_by_experience:
        raise ValidationError({"expert": "This person is not recorded as an expert by experience."})
    expense = Expense.objects.create(
        site=site, category=category, spent_on=paid_on, amount=amount, note=note.strip()[:300], recorded_by=recorded_by
    )
    return ExpertPayment.objects.create(expert=expert, expense=expense)
