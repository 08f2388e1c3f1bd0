"""iCalendar (.ics) for meetings: one meeting to download, or a person's feed of many.

Each meeting keeps one UID for life; SEQUENCE counts its changes, so calendar programs update a
moved meeting in place and mark a cancelled one as cancelled instead of adding a second event."""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from sites.models import Meeting

PRODID = "-//Communities of practice//Meetings//EN"


def meeting_uid(meeting: Meeting) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"meeting-{meeting.pk}@{host}"


def meeting_event(meeting: Meeting, *, sequence: int, with_video: bool = False) -> Event:
    """One meeting as an event; with_video adds the video link (only for people who may attend it)."""
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", timezone.localtime(meeting.starts_at))
    event.add("dtend", timezone.localtime(meeting.ends_at))
    summary = f"{meeting.site.code} community of practice meeting"
    event.add("summary", f"{summary} (taster session)" if meeting.is_taster else summary)
    if meeting.venue:
        event.add("location", meeting.venue)
    agenda = settings.SITE_URL + reverse("cycle:agenda", args=[meeting.pk])
    description = f"The agenda: {agenda}"
    if with_video and meeting.video_link:
        description = f"Join online: {meeting.video_link}\n{description}"
    event.add("description", description)
    event.add("url", settings.SITE_URL + reverse("sites:meeting", args=[meeting.pk]))
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    event.add("sequence", sequence)
    return event


def build_calendar(meetings, *, name: str = "", for_user=None) -> bytes:
    """meetings need `change_count` annotated (see meeting_selectors.calendar_meetings) or are counted here. With
    for_user, each meeting they may attend carries its video link."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if name:
        cal.add("x-wr-calname", name)
    for meeting in meetings:
        sequence = getattr(meeting, "change_count", None)
        if sequence is None:
            sequence = meeting.changes.count()
        with_video = for_user is not None and for_user.has_perm("sites.attend_meeting", meeting)
        cal.add_component(meeting_event(meeting, sequence=sequence, with_video=with_video))
    cal.add_missing_timezones()
    return cal.to_ical()
