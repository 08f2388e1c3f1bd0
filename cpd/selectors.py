"""A person's development record for a period: meetings attended (present, with hours), cases presented, follow-ups
reported, and their own reflective notes. The figures the page and the certificate show come from here."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from cases.models import Case, CaseStatus, FollowUp
from cpd.models import ReflectiveNote
from sites.models import Attendance, AttendanceStatus


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    return datetime.combine(start, time.min, tzinfo=tz), datetime.combine(end + timedelta(days=1), time.min, tzinfo=tz)


@dataclass
class DevelopmentRecord:
    start: date
    end: date
    meetings: list = field(default_factory=list)  # Attendance rows, present, with meeting and site
    cases: list = field(default_factory=list)  # Cases presented at a meeting in the period
    follow_ups: list = field(default_factory=list)

    @property
    def hours(self) -> float:
        total = sum(((a.meeting.ends_at - a.meeting.starts_at) for a in self.meetings), timedelta())
        return round(total.total_seconds() / 3600, 1)

    @property
    def sites(self) -> list[str]:
        return sorted({f"{a.meeting.site.code} {a.meeting.site.name}" for a in self.meetings})


def development_record(person, *, start: date, end: date) -> DevelopmentRecord:
    """Three queries whatever the numbers."""
    since, until = _bounds(start, end)
    meetings = list(
        Attendance.objects.filter(
            person=person, status=AttendanceStatus.PRESENT, meeting__starts_at__gte=since, meeting__starts_at__lt=until
        )
        .select_related("meeting__site")
        .order_by("meeting__starts_at")
    )
    cases = list(
        Case.objects.filter(presenters=person, meeting__starts_at__gte=since, meeting__starts_at__lt=until)
        .exclude(status=CaseStatus.DRAFT)
        .select_related("meeting__site")
        .order_by("meeting__starts_at", "pk")
    )
    follow_ups = list(
        FollowUp.objects.filter(recorded_by=person, meeting__starts_at__gte=since, meeting__starts_at__lt=until)
        .select_related("meeting__site", "case")
        .order_by("meeting__starts_at", "pk")
    )
    return DevelopmentRecord(start=start, end=end, meetings=meetings, cases=cases, follow_ups=follow_ups)


def notes_of(person, *, start: date | None = None, end: date | None = None) -> QuerySet[ReflectiveNote]:
    notes = ReflectiveNote.objects.filter(person=person).select_related("meeting__site")
    if start:
        notes = notes.filter(written_on__gte=start)
    if end:
        notes = notes.filter(written_on__lte=end)
    return notes
