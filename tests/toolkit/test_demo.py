import pytest
from django.core.management import call_command

from toolkit.models import SiteChecklistItem, SiteHealth

pytestmark = pytest.mark.django_db


def test_demo_data_fills_checklists_and_a_first_health_check_once():
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    done = SiteChecklistItem.objects.filter(site__code="CP1", done_on__isnull=False).count()
    health = dict(SiteHealth.objects.values_list("site__code", "status"))
    assert done == 5
    assert set(health) == {"CP1", "CP3", "CP4", "CP5"}  # active sites only

    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert SiteChecklistItem.objects.filter(site__code="CP1", done_on__isnull=False).count() == done
    assert SiteChecklistItem.objects.filter(site__code="CP1").count() == 9
