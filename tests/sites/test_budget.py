from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from sites.models import Expense, ExpenseCategory
from sites.services.budget import BudgetWouldBeExceeded, add_expense, budget_summary, change_award, format_pounds


def spend(site, user, amount, **kwargs):
    return add_expense(
        site=site,
        recorded_by=user,
        category=ExpenseCategory.ROOM_HIRE,
        spent_on=date(2026, 2, 1),
        amount=Decimal(amount),
        **kwargs,
    )


def test_format_pounds():
    assert format_pounds(Decimal("1234.5")) == "£1,234.50"
    assert format_pounds(Decimal("6950")) == "£6,950.00"
    assert format_pounds(Decimal("-12")) == "-£12.00"


def test_summary_adds_up_in_decimal(site, facilitator):
    spend(site, facilitator, "0.10")
    spend(site, facilitator, "0.20")
    summary = budget_summary(site)
    assert summary.spent == Decimal("0.30") and isinstance(summary.spent, Decimal)
    assert summary.remaining == Decimal("6949.70")
    assert summary.remaining_display == "£6,949.70"
    assert not summary.is_low


def test_an_expense_over_the_award_needs_confirmation(site, facilitator):
    spend(site, facilitator, "6900.00")
    with pytest.raises(BudgetWouldBeExceeded) as refused:
        spend(site, facilitator, "100.00")
    assert str(refused.value) == "This expense of £100.00 takes spending £50.00 over the £6,950.00 award."
    assert Expense.objects.count() == 1
    spend(site, facilitator, "100.00", confirm_over_budget=True)
    summary = budget_summary(site)
    assert summary.is_overspent and summary.over_by == Decimal("50.00")


def test_spending_exactly_the_award_is_not_over(site, facilitator):
    spend(site, facilitator, "6950.00")
    assert budget_summary(site).remaining == Decimal("0.00")


def test_low_balance_warning_below_ten_percent(site, facilitator):
    spend(site, facilitator, "6255.00")  # 695.00 left: exactly 10%
    assert not budget_summary(site).is_low
    spend(site, facilitator, "0.01")
    assert budget_summary(site).is_low


def test_members_cannot_record_expenses_and_only_admins_change_the_award(site, facilitator, member, programme_admin):
    with pytest.raises(PermissionDenied):
        spend(site, member, "10.00")
    with pytest.raises(PermissionDenied):
        change_award(site=site, changed_by=facilitator, award=Decimal("8000"))
    change_award(site=site, changed_by=programme_admin, award=Decimal("8000"))
    site.refresh_from_db()
    assert site.award == Decimal("8000.00")


# Views
@pytest.mark.django_db
def test_budget_panel_shows_to_facilitators_and_admins_only(client, site, facilitator, member, programme_admin, broker):
    spend(site, facilitator, "1234.50")
    url = reverse("sites:detail", args=[site.pk])
    for user in (facilitator, programme_admin):
        client.force_login(user)
        page = client.get(url).content.decode()
        assert "Budget" in page and "£1,234.50" in page and "£5,715.50" in page and "£6,950.00" in page
    for user in (member, broker):
        client.force_login(user)
        page = client.get(url).content.decode()
        assert "budget-heading" not in page and "£1,234.50" not in page
        assert client.get(reverse("sites:expense_add", args=[site.pk])).status_code == 404


@pytest.mark.django_db
def test_expense_form_warns_before_exceeding_then_records_when_ticked(client, site, facilitator):
    spend(site, facilitator, "6900.00")
    client.force_login(facilitator)
    url = reverse("sites:expense_add", args=[site.pk])
    form = {"category": "refreshments", "spent_on": "2026-03-01", "amount": "75.00", "note": "Tea and biscuits"}
    response = client.post(url, form)
    assert response.status_code == 200
    assert "This expense of £75.00 takes spending £25.00 over the £6,950.00 award." in response.content.decode()
    assert 'type="checkbox" name="confirm_over_budget"' in response.content.decode()
    assert Expense.objects.count() == 1
    assert 'name="warned_amount" value="75.00"' in response.content.decode()
    # Ticking the box confirms the amount warned about, not a different one.
    response = client.post(url, form | {"amount": "90.00", "confirm_over_budget": "on", "warned_amount": "75.00"})
    assert "This expense of £90.00 takes spending £40.00 over" in response.content.decode()
    assert Expense.objects.count() == 1
    response = client.post(url, form | {"confirm_over_budget": "on", "warned_amount": "75.00"})
    assert response.status_code == 302
    assert Expense.objects.count() == 2
    page = client.get(reverse("sites:detail", args=[site.pk])).content.decode()
    assert "Spending is £25.00 over the award" in page


@pytest.mark.django_db
def test_low_balance_warning_shows_on_the_site_page(client, site, facilitator):
    spend(site, facilitator, "6300.00")
    client.force_login(facilitator)
    page = client.get(reverse("sites:detail", args=[site.pk])).content.decode()
    assert "Less than 10% of the award is left (£650.00)" in page


@pytest.mark.django_db
def test_another_sites_facilitator_gets_404(client, site, outsider, other_site):
    from sites.models import MembershipRole
    from tests.factories import MembershipFactory

    other_facilitator = MembershipFactory(site=other_site, role=MembershipRole.FACILITATOR).person
    client.force_login(other_facilitator)
    assert client.get(reverse("sites:expense_add", args=[site.pk])).status_code == 404


@pytest.mark.django_db
def test_admin_changes_the_award(client, site, facilitator, programme_admin):
    url = reverse("sites:award_change", args=[site.pk])
    client.force_login(facilitator)
    assert client.get(url).status_code == 403
    client.force_login(programme_admin)
    assert client.post(url, {"award": "7200.00"}).status_code == 302
    site.refresh_from_db()
    assert site.award == Decimal("7200.00")


@pytest.mark.django_db
def test_facilitator_removes_an_expense_entered_by_mistake(client, site, facilitator, member):
    expense = spend(site, facilitator, "45.00")
    url = reverse("sites:expense_remove", args=[site.pk, expense.pk])
    client.force_login(member)
    assert client.post(url).status_code == 404
    client.force_login(facilitator)
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    assert not Expense.objects.exists()
