"""Recurring meeting series: the occurrences a rule gives, and creating the meetings ahead.

Each meeting a series creates remembers its series and the date it was planned for (`planned_on`,
unique per series), so running the series again or extending its horizon never duplicates a meeting,
and a meeting that was moved or cancelled on its own is never recreated. Changing the series changes
only future meetings nobody changed on their own."""

import calendar
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from sites.models import (
    Meeting,
    MeetingChange,
    MeetingChangeKind,
    MeetingSeries,
    MeetingStatus,
    SeriesRule,
    Site,
)

UK = ZoneInfo("Europe/London")
HORIZON_MAX = 24


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def nth_weekday_of_month(year: int, month: int, weekday: int, nth: int) -> date:
    """nth = 1..4 for the first to fourth, -1 for the last such weekday of the month."""
    if nth == -1:
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def occurrences(series: MeetingSeries, *, start: date, end: date) -> list[date]:
    """The series' dates from `start` to `end` (both included), never before the series starts."""
    start = max(start, series.starts_on)
    days: list[date] = []
    if series.rule == SeriesRule.NTH_WEEKDAY:
        year, month = start.year, start.month
        while date(year, month, 1) <= end:
            day = nth_weekday_of_month(year, month, series.weekday, series.week_of_month)
            if start <= day <= end:
                days.append(day)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    else:
        first = series.starts_on + timedelta(days=(series.weekday - series.starts_on.weekday()) % 7)
        step = timedelta(weeks=series.interval_weeks)
        day = first
        while day <= end:
            if day >= start:
                days.append(day)
            day += step
    return days


def local_times(series: MeetingSeries, day: date) -> tuple[datetime, datetime]:
    return datetime.combine(day, series.start_time, tzinfo=UK), datetime.combine(day, series.end_time, tzinfo=UK)


def _check(*, start_time: time, end_time: time, horizon_months: int, interval_weeks: int, week_of_month: int) -> None:
    errors = {}
    if end_time <= start_time:
        errors["end_time"] = "The end time must be after the start time."
    if not 1 <= horizon_months <= HORIZON_MAX:
        errors["horizon_months"] = f"Plan between 1 and {HORIZON_MAX} months ahead."
    if not 1 <= interval_weeks <= 12:
        errors["interval_weeks"] = "Choose between 1 and 12 weeks."
    if week_of_month not in (1, 2, 3, 4, -1):
        errors["week_of_month"] = "Choose the first, second, third, fourth or last week."
    if errors:
        raise ValidationError(errors)


def _horizon_end(series: MeetingSeries, today: date) -> date:
    return add_months(max(today, series.starts_on), series.horizon_months)


def future_unmodified(series: MeetingSeries, now: datetime):
    """The series' meetings still to come that nobody moved, cancelled or edited on their own."""
    changed_alone = MeetingChange.objects.filter(meeting=OuterRef("pk"), via_series=False)
    return (
        Meeting.objects.filter(series=series, starts_at__gt=now, status=MeetingStatus.SCHEDULED)
        .annotate(changed_alone=Exists(changed_alone))
        .filter(changed_alone=False)
    )


@transaction.atomic
def plan_series_meetings(*, series: MeetingSeries, now: datetime | None = None) -> list[Meeting]:
    """Create the meetings of the series up to its horizon that do not exist yet. Returns the new ones."""
    now = now or timezone.now()
    if series.site.has_ended:
        return []
    taken = set(Meeting.objects.filter(series=series).values_list("planned_on", flat=True))
    created = []
    for day in occurrences(series, start=timezone.localdate(now), end=_horizon_end(series, timezone.localdate(now))):
        starts_at, ends_at = local_times(series, day)
        if day in taken or starts_at <= now:
            continue
        created.append(
            Meeting.objects.create(
                site=series.site,
                series=series,
                planned_on=day,
                starts_at=starts_at,
                ends_at=ends_at,
                venue=series.venue,
            )
        )
    return created


@transaction.atomic
def create_series(
    *,
    site: Site,
    created_by,
    rule: str,
    weekday: int,
    starts_on: date,
    start_time: time,
    end_time: time,
    venue: str = "",
    horizon_months: int = 6,
    week_of_month: int = 1,
    interval_weeks: int = 4,
    now: datetime | None = None,
) -> MeetingSeries:
    if site.has_ended:
        raise ValidationError("This site has ended, so no more meetings can be scheduled.")
    _check(
        start_time=start_time, end_time=end_time, horizon_months=horizon_months,
        interval_weeks=interval_weeks, week_of_month=week_of_month,
    )  # fmt: skip
    series = MeetingSeries.objects.create(
        site=site, created_by=created_by, rule=rule, weekday=weekday, starts_on=starts_on, start_time=start_time,
        end_time=end_time, venue=venue, horizon_months=horizon_months, week_of_month=week_of_month,
        interval_weeks=interval_weeks,
    )  # fmt: skip
    plan_series_meetings(series=series, now=now)
    return series


@transaction.atomic
def change_series(*, series: MeetingSeries, changed_by, now: datetime | None = None, **fields) -> MeetingSeries:
    """Change the rule, times, venue or horizon. Future meetings nobody changed on their own follow:
    those still on a date of the new rule take its times and venue, the others are cancelled (so
    calendars show them as cancelled); then the meetings up to the horizon are planned."""
    now = now or timezone.now()
    merged = {
        name: fields.get(name, getattr(series, name))
        for name in ("start_time", "end_time", "horizon_months", "interval_weeks", "week_of_month")
    }
    _check(**merged)
    for name, value in fields.items():
        setattr(series, name, value)
    series.save()
    today = timezone.localdate(now)
    wanted = set(occurrences(series, start=today, end=_horizon_end(series, today)))
    for meeting in future_unmodified(series, now):
        previous = {"previous_starts_at": meeting.starts_at, "previous_ends_at": meeting.ends_at}
        if meeting.planned_on not in wanted:
            MeetingChange.objects.create(
                meeting=meeting, kind=MeetingChangeKind.CANCELLED, changed_by=changed_by, via_series=True,
                previous_venue=meeting.venue, reason="The meeting series changed.", **previous,
            )  # fmt: skip
            meeting.status = MeetingStatus.CANCELLED
            meeting.save(update_fields=["status"])
            continue
        starts_at, ends_at = local_times(series, meeting.planned_on)
        if (starts_at, ends_at, series.venue) == (meeting.starts_at, meeting.ends_at, meeting.venue):
            continue
        kind = MeetingChangeKind.MOVED if starts_at != meeting.starts_at else MeetingChangeKind.EDITED
        MeetingChange.objects.create(
            meeting=meeting, kind=kind,
            changed_by=changed_by, via_series=True, previous_venue=meeting.venue,
            reason="The meeting series changed.", **previous,
        )  # fmt: skip
        meeting.starts_at, meeting.ends_at, meeting.venue = starts_at, ends_at, series.venue
        meeting.save(update_fields=["starts_at", "ends_at", "venue"])
        meeting.reminders.all().delete()
    plan_series_meetings(series=series, now=now)
    return series
