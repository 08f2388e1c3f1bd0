import pytest
from django.core.management import call_command

from cases.models import Case, IssueUpdate
from core.anonymisation import find_personal_data
from digests.demo import DEMO_CASES
from digests.models import DigestSubscription

pytestmark = pytest.mark.django_db


def test_demo_digest_data_raises_recurring_issues_and_is_idempotent():
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    demo = Case.objects.filter(title__in=[title for _, title, *_ in DEMO_CASES])
    assert demo.count() == 3 and all(case.status == "followed_up" for case in demo)
    assert all(not find_personal_data(case.commissioner_issues) for case in demo)
    assert IssueUpdate.objects.filter(issue__case__in=demo, text__gt="").count() == 1
    assert DigestSubscription.objects.filter(person__email="commissioner@example.org", is_active=True).exists()
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert demo.count() == 3 and IssueUpdate.objects.filter(issue__case__in=demo, text__gt="").count() == 1
