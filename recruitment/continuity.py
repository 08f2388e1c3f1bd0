"""Continuity by agency (CP3's lesson: agencies sent "someone", not the same worker each time).

For the last N meetings a site held, per agency (the agency on each member's profile): at how many meetings someone
from it was present, how many different people came, and whether anyone came back. Two queries for a site."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from sites.models import Attendance, AttendanceStatus, Meeting, Membership, MembershipRole, Site

RECENT_MEETINGS = 4  # the window the panel and the health rule look at
DIFFERENT_EACH_TIME_FROM = 3  # an agency present at this many meetings with nobody coming back is warned about
NO_AGENCY = "Agency not recorded"


@dataclass(frozen=True)
class AgencyContinuity:
    agency: str
    meetings_sent: int  # of the recent meetings, how many had someone from the agency present
    people: int  # how many different people from the agency came
    came_back: bool  # whether anyone from the agency was present at two or more of them

    @property
    def different_each_time(self) -> bool:
        return self.meetings_sent >= DIFFERENT_EACH_TIME_FROM and not self.came_back


def _key(agency: str) -> str:
    return " ".join(agency.split()).casefold()


def agency_continuity(
    site: Site, *, meetings: int = RECENT_MEETINGS, now: datetime | None = None
) -> tuple[int, list[AgencyContinuity]]:
    """(how many meetings were looked at, each agency's continuity over them), agencies by name. Facilitators and
    guests are left out: the question is whom the agencies send."""
    now = now or timezone.now()
    recent = list(
        Meeting.objects.scheduled()
        .filter(site=site, ends_at__lt=now)
        .order_by("-starts_at")
        .values_list("pk", flat=True)[:meetings]
    )
    facilitators = Membership.objects.filter(site=site, role=MembershipRole.FACILITATOR).values("person_id")
    present = (
        Attendance.objects.filter(meeting_id__in=recent, status=AttendanceStatus.PRESENT, is_guest=False)
        .exclude(person_id__in=facilitators)
        .values_list("meeting_id", "person_id", "person__agency")
    )
    names: dict[str, str] = {}
    meetings_of: dict[str, set[int]] = defaultdict(set)
    visits: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for meeting_id, person_id, agency in present:
        key = _key(agency) or NO_AGENCY.casefold()
        names.setdefault(key, " ".join(agency.split()) or NO_AGENCY)
        meetings_of[key].add(meeting_id)
        visits[key][person_id] += 1
    rows = [
        AgencyContinuity(
            agency=names[key],
            meetings_sent=len(meetings_of[key]),
            people=len(visits[key]),
            came_back=any(count >= 2 for count in visits[key].values()),
        )
        for key in names
    ]
    return len(recent), sorted(rows, key=lambda row: row.agency.casefold())
