"""Guest speakers at a meeting: neither brokers nor commissioners, with no account and no access to cases; the agenda
and the register name them."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from cycle.services.agenda import refresh_agenda
from members.models import User
from sites.models import GuestSpeaker, MembershipRole
from sites.services import guests
from sites.services.meetings import cancel_meeting
from tests.factories import MeetingFactory, MembershipFactory, at
from tests.html import parse, select, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(site):
    return MeetingFactory(site=site, starts_at=at(timezone.localdate()))


def add(client, meeting, **data):
    return client.post(reverse("sites:guest_speakers", args=[meeting.pk]), data)


def test_a_facilitator_adds_a_speaker_who_gets_no_account(client, facilitator, member, meeting):
    people = User.objects.count()
    client.force_login(facilitator)
    response = add(client, meeting, name="Sam Okafor", organisation="Shelter", topic="Housing First in practice")
    assert response.status_code == 302
    speaker = GuestSpeaker.objects.get()
    assert (speaker.name, speaker.organisation, speaker.topic, speaker.added_by) == (
        "Sam Okafor", "Shelter", "Housing First in practice", facilitator,
    )  # fmt: skip
    assert User.objects.count() == people  # no account, so no way in to cases
    client.force_login(member)
    page = parse(client.get(reverse("sites:meeting", args=[meeting.pk])).content)
    section = text(select(page, "section[aria-labelledby=speakers-heading]")[0])
    assert "Sam Okafor, Shelter: Housing First in practice" in section
    assert "Add or remove guest speakers" not in section  # members read, facilitators manage


def test_missing_details_are_named_and_what_was_typed_is_kept(client, facilitator, meeting):
    client.force_login(facilitator)
    response = add(client, meeting, name="", organisation="Shelter", topic="")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Give the speaker&#x27;s name." in body and "Say what the speaker will talk about." in body
    assert 'value="Shelter"' in body
    assert not GuestSpeaker.objects.exists()


def test_a_topic_that_could_identify_someone_is_refused_and_kept_in_the_form(client, facilitator, meeting):
    client.force_login(facilitator)
    topic = "Supporting Mr John Smith, NHS number 943 476 5919"
    response = add(client, meeting, name="Sam Okafor", organisation="", topic=topic)
    assert response.status_code == 200 and "could identify someone" in response.content.decode()
    assert topic in response.content.decode() and not GuestSpeaker.objects.exists()


def test_the_agenda_lists_each_speaker_in_place_of_the_empty_slot(facilitator, meeting):
    titles = lambda: list(meeting.agenda_items.filter(removed=False).values_list("title", flat=True))  # noqa: E731
    refresh_agenda(meeting=meeting)
    assert "Guest speaker slot" in titles()
    guests.add_guest_speaker(meeting=meeting, added_by=facilitator, name="Sam Okafor", organisation="Shelter",
                             topic="Housing First")  # fmt: skip
    guests.add_guest_speaker(meeting=meeting, added_by=facilitator, name="Ade Bello", organisation="",
                             topic="Dual diagnosis")  # fmt: skip
    refresh_agenda(meeting=meeting)
    assert "Guest speaker slot" not in titles()
    assert "Guest speaker: Sam Okafor (Shelter) on Housing First" in titles()
    assert "Guest speaker: Ade Bello on Dual diagnosis" in titles()


def test_the_register_marks_speakers_present_apart_from_members(client, facilitator, meeting):
    sam = guests.add_guest_speaker(meeting=meeting, added_by=facilitator, name="Sam Okafor", organisation="Shelter",
                                   topic="Housing First")  # fmt: skip
    ade = guests.add_guest_speaker(meeting=meeting, added_by=facilitator, name="Ade Bello", organisation="",
                                   topic="Dual diagnosis")  # fmt: skip
    client.force_login(facilitator)
    register = parse(client.get(reverse("sites:meeting_register", args=[meeting.pk])).content)
    labels = [text(label) for label in select(register, "section[aria-labelledby=register-speakers-heading] label")]
    assert labels == ["Sam Okafor, Shelter: Housing First", "Ade Bello: Dual diagnosis"]
    response = client.post(reverse("sites:guest_speakers_present", args=[meeting.pk]), {"present": [sam.pk, "x"]})
    assert response.status_code == 302
    sam.refresh_from_db()
    ade.refresh_from_db()
    assert (sam.attended, ade.attended) == (True, False)
    assert meeting.attendances.count() == 0  # speakers are not people on the members' register


def test_removing_a_speaker_and_nothing_changes_once_the_meeting_is_cancelled(client, facilitator, site):
    meeting = MeetingFactory(site=site, starts_at=at(timezone.localdate() + timedelta(days=7)))
    sam = guests.add_guest_speaker(meeting=meeting, added_by=facilitator, name="Sam Okafor", organisation="",
                                   topic="Housing First")  # fmt: skip
    client.force_login(facilitator)
    client.post(reverse("sites:guest_speaker_remove", args=[meeting.pk, sam.pk]))
    assert not GuestSpeaker.objects.exists()
    cancel_meeting(meeting=meeting, cancelled_by=facilitator, reason="Venue flooded")
    with pytest.raises(ValidationError, match="cancelled"):
        guests.add_guest_speaker(meeting=meeting, added_by=facilitator, name="Sam Okafor", organisation="",
                                 topic="Housing First")  # fmt: skip


def test_only_the_sites_facilitators_and_programme_admins_manage_speakers(
    client, meeting, member, facilitator, other_site, programme_admin, broker, commissioner
):
    other_facilitator = MembershipFactory(site=other_site, role=MembershipRole.FACILITATOR).person
    for person in (member, other_facilitator, broker, commissioner):
        with pytest.raises(PermissionDenied):
            guests.add_guest_speaker(meeting=meeting, added_by=person, name="Sam", organisation="", topic="Housing")
    guests.add_guest_speaker(meeting=meeting, added_by=programme_admin, name="Sam", organisation="", topic="Housing")
    url = reverse("sites:guest_speakers", args=[meeting.pk])
    for person, status in [(member, 403), (broker, 403), (other_facilitator, 404), (commissioner, 404)]:
        client.force_login(person)
        assert client.get(url).status_code == status, person
