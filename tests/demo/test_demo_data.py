import pytest
from django.core.management import call_command

from members.models import User
from sites.models import Attendance, Meeting, Membership, Site


@pytest.mark.django_db
def test_demo_data_has_every_role_and_is_idempotent(capsys):
    call_command("load_demo_data")
    counts = (Site.objects.count(), User.objects.count(), Meeting.objects.count(), Attendance.objects.count())
    assert counts[0] == 6
    assert list(Site.objects.values_list("code", flat=True)) == ["CP1", "CP2", "CP3", "CP4", "CP5", "CP6"]
    assert User.objects.filter(is_programme_admin=True).exists()
    assert User.objects.filter(is_knowledge_broker=True).exists()
    assert User.objects.filter(is_commissioner=True).exists()
    assert Membership.objects.filter(person__email="facilitator@example.org", role="facilitator").exists()
    assert Membership.objects.filter(person__email="member@example.org", role="member").exists()
    assert set(User.objects.exclude(sector="").values_list("sector", flat=True)) == {
        "voluntary",
        "local_authority",
        "nhs",
        "criminal_justice",
        "experts_by_experience",
    }
    assert Site.objects.get(code="CP2").status == "failed" and Site.objects.get(code="CP2").ended_reason
    output = capsys.readouterr().out
    assert "admin@example.org" in output and "communities-demo" in output

    call_command("load_demo_data")
    assert (Site.objects.count(), User.objects.count(), Meeting.objects.count(), Attendance.objects.count()) == counts
