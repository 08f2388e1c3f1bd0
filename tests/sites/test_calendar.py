from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from sites.ical import meeting_uid
from sites.services.meetings import cancel_meeting, move_meeting
from tests.factories import MeetingFactory, MembershipFactory, SiteFactory, at

UK = ZoneInfo("Europe/London")


def events(body: bytes) -> list:
    return Calendar.from_ical(body).walk("VEVENT")


def feed_url(client, user) -> str:
    client.force_login(user)
    client.get(reverse("calendar"))
    user.refresh_from_db()
    client.logout()
    return reverse("calendar_feed", args=[user.calendar_token])


@pytest.mark.django_db
def test_meeting_ics_has_uk_times_summary_and_location(client, site, member):
    meeting = MeetingFactory(site=site, venue="Hove Library", starts_at=datetime(2031, 7, 15, 14, 0, tzinfo=UK))
    client.force_login(member)
    response = client.get(reverse("sites:meeting_ics", args=[meeting.pk]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    (event,) = events(response.content)
    assert event["SUMMARY"] == "CP1 community of practice meeting"
    assert event["LOCATION"] == "Hove Library"
    assert event.decoded("DTSTART") == datetime(2031, 7, 15, 14, 0, tzinfo=UK)
    assert event.decoded("DTSTART").utcoffset() == timedelta(hours=1)
    assert event.decoded("DTEND") == datetime(2031, 7, 15, 16, 0, tzinfo=UK)
    assert str(event["STATUS"]) == "CONFIRMED"
    assert int(event["SEQUENCE"]) == 0
    assert b"TZID=Europe/London" in response.content


@pytest.mark.django_db
def test_uid_stays_the_same_and_sequence_rises_when_the_meeting_changes(client, site, facilitator):
    meeting = MeetingFactory(site=site)
    client.force_login(facilitator)
    url = reverse("sites:meeting_ics", args=[meeting.pk])
    (before,) = events(client.get(url).content)
    day = meeting.local_date + timedelta(days=1)
    move_meeting(
        meeting=meeting,
        moved_by=facilitator,
        starts_at=datetime.combine(day, datetime.min.time().replace(hour=10), tzinfo=UK),
        ends_at=datetime.combine(day, datetime.min.time().replace(hour=12), tzinfo=UK),
        reason="Room",
    )
    (moved,) = events(client.get(url).content)
    cancel_meeting(meeting=meeting, cancelled_by=facilitator, reason="Snow")
    (cancelled,) = events(client.get(url).content)
    assert str(before["UID"]) == str(moved["UID"]) == str(cancelled["UID"])
    assert [int(e["SEQUENCE"]) for e in (before, moved, cancelled)] == [0, 1, 2]
    assert str(cancelled["STATUS"]) == "CANCELLED"


@pytest.mark.django_db
def test_meeting_ics_is_for_people_who_may_see_the_meeting(client, site, outsider, commissioner):
    meeting = MeetingFactory(site=site)
    url = reverse("sites:meeting_ics", args=[meeting.pk])
    for user in (outsider, commissioner):
        client.force_login(user)
        assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_personal_feed_has_the_meetings_of_current_sites_only(client, site, other_site, member):
    mine = MeetingFactory(site=site)
    MeetingFactory(site=other_site)
    old_site = SiteFactory(code="CP2")
    MembershipFactory(site=old_site, person=member, left=timezone.localdate() - timedelta(days=1))
    MeetingFactory(site=old_site)
    url = feed_url(client, member)
    response = client.get(url)  # no sign-in needed
    assert response.status_code == 200
    assert [str(e["UID"]) for e in events(response.content)] == [meeting_uid(mine)]


@pytest.mark.django_db
def test_broker_feed_has_every_sites_meetings(client, site, other_site, broker):
    MeetingFactory(site=site)
    MeetingFactory(site=other_site)
    assert len(events(client.get(feed_url(client, broker)).content)) == 2


@pytest.mark.django_db
def test_feed_shows_cancelled_meetings_as_cancelled(client, site, facilitator):
    meeting = MeetingFactory(site=site)
    cancel_meeting(meeting=meeting, cancelled_by=facilitator, reason="Snow")
    (event,) = events(client.get(feed_url(client, facilitator)).content)
    assert str(event["STATUS"]) == "CANCELLED" and int(event["SEQUENCE"]) == 1


@pytest.mark.django_db
def test_calendar_page_shows_the_link_and_keeps_the_token(client, member):
    client.force_login(member)
    page = client.get(reverse("calendar")).content.decode()
    member.refresh_from_db()
    token = member.calendar_token
    assert token and f"/calendar/{token}.ics" in page
    client.get(reverse("calendar"))
    member.refresh_from_db()
    assert member.calendar_token == token


@pytest.mark.django_db
def test_resetting_the_link_makes_the_old_url_404(client, site, member):
    MeetingFactory(site=site)
    old_url = feed_url(client, member)
    assert client.get(old_url).status_code == 200
    client.force_login(member)
    response = client.post(reverse("calendar"), follow=True)
    assert "The old link no longer works" in response.content.decode()
    client.logout()
    member.refresh_from_db()
    assert client.get(old_url).status_code == 404
    assert client.get(reverse("calendar_feed", args=[member.calendar_token])).status_code == 200


@pytest.mark.django_db
def test_unknown_token_and_inactive_people_get_404(client, member):
    assert client.get(reverse("calendar_feed", args=["not-a-token"])).status_code == 404
    url = feed_url(client, member)
    member.is_active = False
    member.save()
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_calendar_page_needs_sign_in(client):
    response = client.get(reverse("calendar"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


@pytest.mark.django_db
def test_feed_uses_a_fixed_number_of_queries(client, site, member, django_assert_max_num_queries):
    url = feed_url(client, member)
    for n in range(20):
        MeetingFactory(site=site, starts_at=at(timezone.localdate() + timedelta(days=n * 7)))
    with django_assert_max_num_queries(4):
        response = client.get(url)
    assert len(events(response.content)) == 20


@pytest.mark.django_db
def test_feed_leaves_out_meetings_more_than_a_year_old(client, site, member):
    MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=400)))
    recent = MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=300)))
    assert [str(e["UID"]) for e in events(client.get(feed_url(client, member)).content)] == [meeting_uid(recent)]
