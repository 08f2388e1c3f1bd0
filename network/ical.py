"""A network meeting as an iCalendar (.ics) file, in the same form as a site meeting's (sites/ical.py): one UID for
life and SEQUENCE counting its changes, so a calendar program moves or cancels the event instead of adding another."""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from network.models import NetworkMeeting
from sites.ical import PRODID


def network_meeting_ics(meeting: NetworkMeeting) -> bytes:
    """Only for people invited (the view checks): it carries the video link."""
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    page = settings.SITE_URL + reverse("network:meeting", args=[meeting.pk])
    event = Event()
    event.add("uid", f"network-meeting-{meeting.pk}@{host}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", timezone.localtime(meeting.starts_at))
    event.add("dtend", timezone.localtime(meeting.ends_at))
    event.add("summary", meeting.get_kind_display())
    if meeting.venue:
        event.add("location", meeting.venue)
    description = f"The agenda: {page}"
    if meeting.video_link:
        description = f"Join online: {meeting.video_link}\n{description}"
    event.add("description", description)
    event.add("url", page)
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    event.add("sequence", meeting.sequence)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
