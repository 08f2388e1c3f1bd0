import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from members.models import User
from network.models import NetworkAttendance, NetworkMeeting
from tests.html import parse, select, text


@pytest.mark.django_db
def test_the_demo_has_a_held_network_meeting_with_its_record_and_the_next_one_on_the_facilitators_home_page(client):
    call_command("load_demo_data")
    held, upcoming = NetworkMeeting.objects.order_by("starts_at")
    assert held.ends_at < timezone.now() < upcoming.starts_at
    assert held.record.is_locked and held.record.entries.filter(actions__isnull=False).exists()
    assert set(NetworkAttendance.objects.filter(meeting=held).values_list("status", flat=True)) == {
        "present", "apologies"
    }  # fmt: skip
    assert upcoming.agenda_items.filter(proposed_by__email="facilitator@example.org").exists()
    client.force_login(User.objects.get(email="facilitator@example.org"))
    panel = select(parse(client.get(reverse("home")).content), "section[aria-labelledby=network-heading]")
    assert f"{timezone.localtime(upcoming.starts_at):%-d %B %Y}" in text(panel[0])
    call_command("load_demo_data")
    assert NetworkMeeting.objects.count() == 2
