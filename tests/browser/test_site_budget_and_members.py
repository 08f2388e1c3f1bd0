"""A facilitator records an expense that takes the site over its award, then ends a membership."""

from decimal import Decimal

import pytest

from sites.models import Expense, Membership, MembershipRole
from tests.factories import PASSWORD, MembershipFactory, SiteFactory


@pytest.fixture
def people(transactional_db):
    site = SiteFactory(code="CP1", town="Brighton", award=Decimal("500.00"))
    fran = MembershipFactory(site=site, role=MembershipRole.FACILITATOR, person__email="fran@example.org").person
    morgan = MembershipFactory(site=site, person__name="Morgan Member").person
    return site, fran, morgan


def test_facilitator_confirms_an_over_budget_expense_and_ends_a_membership(page, live_server, people):
    site, fran, morgan = people
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(fran.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/sites/{site.pk}/")
    page.get_by_role("link", name="Add an expense").click()
    page.get_by_label("Category").select_option("room_hire")
    page.get_by_label("Amount (£)").fill("520")
    page.get_by_role("button", name="Save expense").click()
    assert "This expense of £520.00 takes spending £20.00 over the £500.00 award." in page.inner_text("#over-budget")
    assert Expense.objects.count() == 0
    page.get_by_label("Record it anyway, over the award").check()
    page.get_by_role("button", name="Save expense").click()
    page.wait_for_url(f"{live_server.url}/sites/{site.pk}/#budget-heading")
    assert "Spending is £20.00 over the award" in page.inner_text("main")

    page.get_by_role("button", name=f"Change {morgan.name}").click()
    page.get_by_role("link", name="End membership").click()
    page.get_by_label("Why they left").fill("moved job")
    page.get_by_role("button", name="End membership").click()
    assert "membership of CP1 ended" in page.inner_text(".messages")
    assert Membership.objects.get(person=morgan).left_reason == "moved job"
