"""A site's budget: the award, the expense lines against it, and warnings before it is overspent.
Money is Decimal throughout, never float."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum

from members.models import User
from sites.models import Expense, ExpenseCategory, Site

LOW_BALANCE_SHARE = Decimal("0.10")
PENNY = Decimal("0.01")


def format_pounds(amount: Decimal) -> str:
    """£1,234.50; negative amounts as -£12.00."""
    amount = Decimal(amount).quantize(PENNY, rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    return f"{sign}£{abs(amount):,.2f}"


def spent_on_site(site: Site) -> Decimal:
    return Expense.objects.filter(site=site).aggregate(total=Sum("amount"))["total"] or Decimal("0.00")


@dataclass
class BudgetSummary:
    award: Decimal
    spent: Decimal
    expenses: list[Expense]

    @property
    def remaining(self) -> Decimal:
        return self.award - self.spent

    @property
    def over_by(self) -> Decimal:
        return max(self.spent - self.award, Decimal("0.00"))

    @property
    def is_overspent(self) -> bool:
        return self.remaining < 0

    @property
    def is_low(self) -> bool:
        """Less than 10% of the award left (but not yet overspent)."""
        return not self.is_overspent and self.remaining < self.award * LOW_BALANCE_SHARE

    @property
    def award_display(self) -> str:
        return format_pounds(self.award)

    @property
    def spent_display(self) -> str:
        return format_pounds(self.spent)

    @property
    def remaining_display(self) -> str:
        return format_pounds(self.remaining)


def budget_summary(site: Site) -> BudgetSummary:
    expenses = list(Expense.objects.filter(site=site).select_related("recorded_by"))
    spent = sum((e.amount for e in expenses), Decimal("0.00"))
    return BudgetSummary(award=site.award, spent=spent, expenses=expenses)


class BudgetWouldBeExceeded(Exception):
    """The expense would take spending over the award; record it only when the user confirms."""

    def __init__(self, *, amount: Decimal, over_by: Decimal, award: Decimal):
        self.amount, self.over_by, self.award = amount, over_by, award
        super().__init__(
            f"This expense of {format_pounds(amount)} takes spending {format_pounds(over_by)} over the "
            f"{format_pounds(award)} award."
        )


@transaction.atomic
def add_expense(
    *,
    site: Site,
    recorded_by: User,
    category: str,
    spent_on: date,
    amount: Decimal,
    note: str = "",
    confirm_over_budget: bool = False,
) -> Expense:
    """Record an expense line. Refuses (BudgetWouldBeExceeded) one that takes spending over the award
    unless the user has confirmed it."""
    if not recorded_by.has_perm("sites.add_expense", site):
        raise PermissionDenied("Only this site's facilitators or a programme admin can record expenses.")
    if category not in ExpenseCategory.values:
        raise ValidationError({"category": "Choose a category from the list."})
    amount = Decimal(amount)
    if amount <= 0:
        raise ValidationError({"amount": "Enter an amount more than £0.00."})
    Site.objects.select_for_update().filter(pk=site.pk).first()  # one expense at a time per site
    new_total = spent_on_site(site) + amount
    if new_total > site.award and not confirm_over_budget:
        raise BudgetWouldBeExceeded(amount=amount, over_by=new_total - site.award, award=site.award)
    return Expense.objects.create(
        site=site, category=category, spent_on=spent_on, amount=amount, note=note.strip(), recorded_by=recorded_by
    )


@transaction.atomic
def change_award(*, site: Site, changed_by: User, award: Decimal) -> Site:
    if not changed_by.has_perm("sites.change_award", site):
        raise PermissionDenied("Only a programme admin can change a site's award.")
    if award < 0:
        raise ValidationError({"award": "The award cannot be less than £0.00."})
    site.award = Decimal(award).quantize(PENNY)
    site.save(update_fields=["award"])
    return site


@transaction.atomic
def remove_expense(*, expense: Expense, removed_by: User) -> None:
    """Take out an expense line entered by mistake."""
    if not removed_by.has_perm("sites.add_expense", expense.site):
        raise PermissionDenied("Only this site's facilitators or a programme admin can remove expenses.")
    expense.delete()
