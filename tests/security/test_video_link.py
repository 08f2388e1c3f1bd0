"""Hybrid and online meetings: the video link is shown only to people who may attend (the site's members and
facilitators, knowledge brokers), on the meeting page and in their calendar entries, never to others who can see the
meeting (programme admins) nor in the reply link's page; it is an https address."""

import pytest
from django.urls import reverse

from sites.services.calendar import issue_calendar_token
from sites.services.meetings import change_meeting_details
from tests.factories import MeetingFactory
from tests.security.matrix import ROLES

LINK = "https://teams.example.org/l/meetup-join/cp1-december"
MAY_ATTEND = {"member", "facilitator", "broker"}


@pytest.fixture
def hybrid_meeting(world):
    meeting = MeetingFactory(site=world.site)
    change_meeting_details(
        meeting=meeting, changed_by=world.people["facilitator"], venue="Hove Library", is_taster=False, video_link=LINK
    )
    return meeting


@pytest.mark.django_db
def test_only_people_who_may_attend_see_the_link_on_the_page_and_in_the_ics(client, world, hybrid_meeting):
    seen = {}
    for role in ROLES:
        client.logout()
        if role != "anonymous":
            client.force_login(world.people[role])
        page = client.get(reverse("sites:meeting", args=[hybrid_meeting.pk]))
        ics = client.get(reverse("sites:meeting_ics", args=[hybrid_meeting.pk]))
        seen[role] = (
            LINK in page.content.decode() if page.status_code == 200 else page.status_code,
            LINK in ics.content.decode().replace("\r\n ", "") if ics.status_code == 200 else ics.status_code,
        )
    expected = {role: (True, True) for role in MAY_ATTEND} | {"admin": (False, False)}
    for role in set(ROLES) - MAY_ATTEND - {"admin"}:  # cannot see the meeting at all
        assert seen[role][0] != True and seen[role][1] != True  # noqa: E712
    assert {role: seen[role] for role in expected} == expected


@pytest.mark.django_db
def test_the_calendar_feed_carries_the_link_for_people_who_may_attend(client, world, hybrid_meeting):
    for role, has_it in (("member", True), ("broker", True), ("admin", False), ("other_member", False)):
        feed = client.get(reverse("calendar_feed", args=[issue_calendar_token(user=world.people[role])]))
        assert feed.status_code == 200
        assert (LINK in feed.content.decode().replace("\r\n ", "")) is has_it, role


@pytest.mark.django_db
def test_the_reply_link_page_never_shows_the_video_link(client, world, hybrid_meeting):
    from sites.services.replies import reply_token

    url = reverse("sites:meeting_reply_link", args=[reply_token(meeting=hybrid_meeting, person=world.people["member"])])
    page = client.get(url)
    assert page.status_code == 200 and LINK not in page.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["javascript:alert(1)", "http://zoom.example/j/1", "not a link"])
def test_a_video_link_must_be_an_https_address(client, world, typed):
    meeting = MeetingFactory(site=world.site)
    client.force_login(world.people["facilitator"])
    page = client.post(reverse("sites:meeting_edit", args=[meeting.pk]), {"venue": "Hove", "video_link": typed})
    assert page.status_code == 200
    assert "Enter the meeting&#x27;s web address, starting https://" in page.content.decode()
    assert typed.replace("<", "&lt;") in page.content.decode() or typed in page.content.decode()  # kept as typed
    meeting.refresh_from_db()
    assert meeting.video_link == ""
