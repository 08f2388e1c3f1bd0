"""Experts by experience: their consents (what they agreed to share, how to contact them) and their involvement
payments and travel expenses, each an Expense of the site's budget."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from sites.models import Expense, ExpenseCategory, ExpertConsent, ExpertPayment, Site

EXPERT_CATEGORIES = (ExpenseCategory.EXPERT_PAYMENT, ExpenseCategory.TRAVEL)


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
