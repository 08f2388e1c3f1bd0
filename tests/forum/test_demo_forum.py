import pytest
from django.core.management import call_command

from forum.demo import STOKE_TITLE
from forum.models import Post, Thread


@pytest.mark.django_db
def test_the_demo_forum_passes_the_gate_and_is_made_once():
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    question = Thread.objects.get(title=STOKE_TITLE)
    assert question.started_by.memberships.exclude(site__code="CP1").exists()
    assert Post.objects.count() == 4
    assert not Post.objects.filter(status="held").exists()
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Post.objects.count() == 4
