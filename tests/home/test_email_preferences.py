"""Email preferences in one place: meeting reminders, agendas, forum and newsletter on one page, each saved where
its feature reads it (no second copy of a setting), and obeyed by the jobs that send them."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cycle.services import agenda
from forum.models import EmailChoice, ForumPreference
from members.models import MeetingEmailPreference
from newsletters.models import NewsletterPreference
from sites.services.reminders import send_meeting_reminders
from tests.factories import MeetingFactory
from tests.html_forms import checked_radios

URL = "email_preferences"
ALL_OFF = {"reminders": "off", "agendas": "off", "forum": EmailChoice.DAILY, "newsletter": "off"}


@pytest.mark.django_db
def test_one_page_saves_every_choice_where_its_feature_reads_it(client, member):
    client.force_login(member)
    page = client.get(reverse(URL)).content.decode()
    for label in ("Meeting reminders", "Meeting agendas", "Forum replies and mentions", "The monthly newsletter"):
        assert label in page
    assert client.post(reverse(URL), ALL_OFF).status_code == 302
    meeting = MeetingEmailPreference.objects.get(person=member)
    assert (meeting.reminders, meeting.agendas) == (False, False)
    assert ForumPreference.objects.get(person=member).email == EmailChoice.DAILY
    assert NewsletterPreference.objects.get(person=member).opted_out is True
    assert checked_radios(client.get(reverse(URL)).content.decode()) == ALL_OFF
    # Back on: the same rows change, no second copy.
    client.post(reverse(URL), {"reminders": "on", "agendas": "on", "forum": "immediate", "newsletter": "on"})
    assert MeetingEmailPreference.objects.count() == ForumPreference.objects.count() == 1
    assert NewsletterPreference.objects.get(person=member).opted_out is False


@pytest.mark.django_db
def test_a_missing_choice_is_named_and_the_others_are_kept(client, member):
    client.force_login(member)
    page = client.post(reverse(URL), {"reminders": "off", "forum": "daily", "newsletter": "off"}).content.decode()
    assert "Choose one." in page
    assert not MeetingEmailPreference.objects.exists()
    assert checked_radios(page) == {"reminders": "off", "forum": "daily", "newsletter": "off"}


@pytest.mark.django_db
def test_people_without_the_forum_are_not_asked_about_it(client, commissioner):
    client.force_login(commissioner)
    page = client.get(reverse(URL)).content.decode()
    assert "Forum replies and mentions" not in page
    assert client.post(reverse(URL), {"reminders": "on", "agendas": "on", "newsletter": "off"}).status_code == 302
    assert not ForumPreference.objects.exists()


@pytest.mark.django_db
def test_the_features_own_pages_lead_to_the_one_page(client, member):
    client.force_login(member)
    for name in ("forum:preferences", "newsletters:preferences"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and response["Location"].startswith(reverse(URL))


@pytest.mark.django_db
def test_reminders_and_agendas_respect_the_choice(site, member, facilitator, django_capture_on_commit_callbacks):
    MeetingEmailPreference.objects.create(person=member, reminders=False, agendas=False)
    meeting = MeetingFactory(site=site, starts_at=timezone.now() + timedelta(days=2))
    agenda.add_agenda_item(meeting=meeting, added_by=facilitator, title="Weekend crises")
    agenda.publish_agenda(meeting=meeting, published_by=facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        send_meeting_reminders()
        agenda.send_due_agendas()
    assert {m.to[0] for m in mail.outbox} == {facilitator.email}
    assert len(mail.outbox) == 2  # the facilitator's reminder and agenda; nothing to the member
