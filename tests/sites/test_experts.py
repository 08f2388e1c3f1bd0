from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from sites.models import ExpenseCategory
from sites.services import experts
from sites.services.budget import budget_summary
from tests.factories import MembershipFactory, UserFactory


@pytest.mark.django_db
def test_expert_payments_come_out_of_the_site_budget(site, facilitator):
    expert = MembershipFactory(site=site, person__expert_by_experience=True).person
    experts.record_expert_consent(
        site=site, recorded_by=facilitator, expert=expert, agreed_to_share="My story of homelessness",
        contact_by="Email via the facilitator", given_on=timezone.localdate(),
    )  # fmt: skip
    for category in (ExpenseCategory.EXPERT_PAYMENT, ExpenseCategory.TRAVEL):
        experts.record_expert_payment(
            site=site, recorded_by=facilitator, expert=expert, category=category, amount=Decimal("25.00"),
            paid_on=timezone.localdate(),
        )  # fmt: skip
    summary = budget_summary(site)
    assert summary.spent == Decimal("50.00")
    assert {e.get_category_display() for e in summary.expenses} == {"Expert by experience payment", "Travel expenses"}
    with pytest.raises(ValidationError):
        experts.record_expert_payment(
            site=site, recorded_by=facilitator, expert=UserFactory(), category=ExpenseCategory.TRAVEL,
            amount=Decimal("5"), paid_on=timezone.localdate(),
        )  # fmt: skip


@pytest.mark.django_db
def test_only_facilitators_and_admins_see_consents_and_payments(client, site, facilitator, member, broker, outsider,
                                                               programme_admin):  # fmt: skip
    url = reverse("sites:experts", args=[site.pk])
    for person, status in [(facilitator, 200), (programme_admin, 200), (member, 404), (broker, 404), (outsider, 404)]:
        client.force_login(person)
        assert client.get(url).status_code == status, person
