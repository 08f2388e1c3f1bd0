"""Reads for the meeting pages, the meetings panel of the site page and the calendar feeds."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from members.models import User
from sites.models import (
    EXPECTED_MEETINGS,
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingReply,
    MeetingSeries,
    Membership,
    Site,
)
from sites.rules import calendar_meetings_q


def meetings_panel(site: Site, *, now=None) -> dict:
    """The site page's meetings panel: upcoming, past (cancelled ones marked) and progress."""
    now = now or timezone.now()
    meetings = list(
        Meeting.objects.filter(site=site).annotate(register_lines=Count("attendances")).order_by("starts_at")
    )
    upcoming = [m for m in meetings if m.ends_at >= now]
    past = [m for m in meetings if m.ends_at < now][::-1]
    held = sum(1 for m in past if not m.is_cancelled)
    next_meeting = next((m for m in upcoming if not m.is_cancelled), None)
    return {
        "next_meeting": next_meeting,
        "next_meeting_register_open": next_meeting is not None and register_is_open(next_meeting),
        "registers_to_take": [m for m in past if not m.is_cancelled and not m.register_lines],
        "upcoming_meetings": upcoming,
        "past_meetings": past,
        "meetings_held": held,
        "meetings_expected": EXPECTED_MEETINGS,
    }


def register_is_open(meeting: Meeting) -> bool:
    """The register can be taken from the day of the meeting, unless it was cancelled."""
    return not meeting.is_cancelled and meeting.local_date <= timezone.localdate()


def meeting_page(meeting: Meeting) -> dict:
    changes = meeting.changes.select_related("changed_by").order_by("-changed_at", "-pk")
    counts = dict(
        Attendance.objects.filter(meeting=meeting)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return {
        "changes": changes,
        "register_counts": {status.label: counts.get(status.value, 0) for status in AttendanceStatus},
        "register_taken": bool(counts),
        "register_open": register_is_open(meeting),
    }


@dataclass
class RegisterLine:
    person: User
    status: str
    is_guest: bool = False
    is_facilitator: bool = False
    ground_rules_agreed_on: object = None
    reply: MeetingReply | None = None

    @property
    def field_name(self) -> str:
        return f"status_{self.person.pk}"

    @property
    def initial_status(self) -> str:
        """What the register opens with: what was saved, else apologies for someone who replied they cannot come.
        "Coming" is shown beside the name but not ticked: who came is marked on the day."""
        if self.status:
            return self.status
        return AttendanceStatus.APOLOGIES if self.reply is not None and self.reply.is_apology else ""


def register_lines(meeting: Meeting) -> list[RegisterLine]:
    """Every member current on the meeting date, then the guests, each with what was saved (or "") and their
    reply to the meeting, if any."""
    saved = {a.person_id: a for a in Attendance.objects.filter(meeting=meeting).select_related("person")}
    replies = {r.person_id: r for r in MeetingReply.objects.filter(meeting=meeting)}
    memberships = (
        Membership.objects.current(meeting.local_date)
        .filter(site_id=meeting.site_id)
        .select_related("person")
        .order_by("person__name", "pk")
    )
    lines, seen = [], set()
    for membership in memberships:
        if membership.person_id in seen:
            continue
        seen.add(membership.person_id)
        attendance = saved.get(membership.person_id)
        lines.append(
            RegisterLine(
                person=membership.person,
                status=attendance.status if attendance else "",
                is_facilitator=membership.is_facilitator,
                ground_rules_agreed_on=membership.ground_rules_agreed_on,
                reply=replies.get(membership.person_id),
            )
        )
    guests = sorted((a for a in saved.values() if a.person_id not in seen), key=lambda a: a.person.name)
    lines += [RegisterLine(person=a.person, status=a.status, is_guest=True) for a in guests]
    return lines


def guest_candidates(meeting: Meeting, *, exclude_ids) -> QuerySet[User]:
    """People who may be added to a register as guests: knowledge brokers and commissioners."""
    return (
        User.objects.filter(is_active=True)
        .filter(Q(is_knowledge_broker=True) | Q(is_commissioner=True))
        .exclude(pk__in=list(exclude_ids))
        .order_by("name")
    )


CALENDAR_FEED_PAST_DAYS = 365


def calendar_meetings(user, *, now=None) -> QuerySet[Meeting]:
    """Meetings for a person's calendar feed: from a year ago onwards, cancelled ones included
    (so calendars show them as cancelled)."""
    since = (now or timezone.now()) - timedelta(days=CALENDAR_FEED_PAST_DAYS)
    return (
        Meeting.objects.filter(calendar_meetings_q(user), starts_at__gte=since)
        .select_related("site")
        .annotate(change_count=Count("changes"))
        .order_by("starts_at")
    )


def series_of_site(site: Site) -> QuerySet[MeetingSeries]:
    return MeetingSeries.objects.filter(site=site).order_by("pk")


@dataclass(frozen=True)
class UsualMeeting:
    """What a new meeting of the site most likely looks like, and where that guess comes from."""

    initial: dict
    source: str


def usual_meeting(site: Site) -> UsualMeeting | None:
    """The venue and times of the site's regular meetings (its newest series), else of its last meeting that was
    not cancelled; a site with no meeting yet is proposed a taster session."""
    series = MeetingSeries.objects.filter(site=site).order_by("-pk").first()
    if series is not None:
        initial = {"start_time": series.start_time, "end_time": series.end_time, "venue": series.venue}
        return UsualMeeting(
            initial={k: v for k, v in initial.items() if v}, source=f"your regular meetings ({series.describe()})"
        )
    last = Meeting.objects.scheduled().filter(site=site).order_by("-starts_at").first()
    if last is not None:
        starts, ends = timezone.localtime(last.starts_at), timezone.localtime(last.ends_at)
        initial = {"start_time": starts.time(), "end_time": ends.time(), "venue": last.venue}
        return UsualMeeting(
            initial={k: v for k, v in initial.items() if v}, source=f"the meeting on {starts:%-d %B %Y}"
        )
    if not Meeting.objects.filter(site=site).exists():
        return UsualMeeting(initial={"is_taster": True}, source="")
    return None
