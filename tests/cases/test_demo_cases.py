import pytest
from django.core.management import call_command

from cases.models import Case, CaseStatus, CaseTransition

pytestmark = pytest.mark.django_db


def test_demo_cases_are_anonymised_in_three_states_and_idempotent():
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    cases = {case.status: case for case in Case.objects.filter(site__code="CP1")}
    assert set(cases) == {CaseStatus.PUBLISHED, CaseStatus.SHARED, CaseStatus.DRAFT}
    assert "weekend" in cases[CaseStatus.PUBLISHED].title.lower()
    assert cases[CaseStatus.DRAFT].presenters.filter(email="member@example.org").exists()
    assert not any(case.findings.exists() for case in cases.values())
    transitions = CaseTransition.objects.count()

    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Case.objects.filter(site__code="CP1").count() == 3 and CaseTransition.objects.count() == transitions
