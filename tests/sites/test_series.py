from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from sites.ical import build_calendar
from sites.models import Meeting, MeetingSeries, MeetingStatus, SeriesRule, Weekday
from sites.services import meetings, series

UK = ZoneInfo("Europe/London")
NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UK)  # a Monday


def second_tuesdays(site, facilitator, **extra):
    fields = dict(
        site=site, created_by=facilitator, rule=SeriesRule.NTH_WEEKDAY, weekday=Weekday.TUESDAY, week_of_month=2,
        starts_on=date(2026, 1, 1), start_time=time(14), end_time=time(16), venue="Jubilee Library",
        horizon_months=4, now=NOW,
    )  # fmt: skip
    return series.create_series(**{**fields, **extra})


def planned(s) -> list[date]:
    return sorted(Meeting.objects.filter(series=s).values_list("planned_on", flat=True))


def test_nth_and_last_weekday_of_month():
    assert series.nth_weekday_of_month(2026, 3, Weekday.TUESDAY, 2) == date(2026, 3, 10)
    assert series.nth_weekday_of_month(2026, 3, Weekday.TUESDAY, -1) == date(2026, 3, 31)
    assert series.nth_weekday_of_month(2026, 2, Weekday.FRIDAY, -1) == date(2026, 2, 27)


@pytest.mark.django_db
def test_series_creates_the_meetings_ahead_in_uk_time(site, facilitator):
    s = second_tuesdays(site, facilitator)
    assert planned(s) == [date(2026, 1, 13), date(2026, 2, 10), date(2026, 3, 10), date(2026, 4, 14)]
    april = Meeting.objects.get(series=s, planned_on=date(2026, 4, 14))
    # British Summer Time in April: 14:00 in London is 13:00 UTC.
    assert april.starts_at.astimezone(ZoneInfo("UTC")).hour == 13
    assert april.venue == "Jubilee Library" and april.site == site


@pytest.mark.django_db
def test_every_n_weeks(site, facilitator):
    s = series.create_series(
        site=site, created_by=facilitator, rule=SeriesRule.EVERY_N_WEEKS, weekday=Weekday.WEDNESDAY,
        interval_weeks=3, starts_on=date(2026, 1, 1), start_time=time(10), end_time=time(12), horizon_months=2,
        now=NOW,
    )  # fmt: skip
    assert planned(s) == [date(2026, 1, 7), date(2026, 1, 28), date(2026, 2, 18)]


@pytest.mark.django_db
def test_running_again_never_duplicates(site, facilitator):
    s = second_tuesdays(site, facilitator)
    assert series.plan_series_meetings(series=s, now=NOW) == []
    assert Meeting.objects.filter(series=s).count() == 4


@pytest.mark.django_db
def test_moved_and_cancelled_meetings_are_not_recreated_when_the_horizon_grows(site, facilitator):
    s = second_tuesdays(site, facilitator)
    feb = Meeting.objects.get(series=s, planned_on=date(2026, 2, 10))
    mar = Meeting.objects.get(series=s, planned_on=date(2026, 3, 10))
    meetings.move_meeting(
        meeting=feb, moved_by=facilitator, starts_at=datetime(2026, 2, 12, 14, tzinfo=UK),
        ends_at=datetime(2026, 2, 12, 16, tzinfo=UK), reason="Room booked",
    )  # fmt: skip
    meetings.cancel_meeting(meeting=mar, cancelled_by=facilitator, reason="Strike")
    series.change_series(series=s, changed_by=facilitator, horizon_months=6, now=NOW)
    assert planned(s) == [date(2026, x, d) for x, d in [(1, 13), (2, 10), (3, 10), (4, 14), (5, 12), (6, 9)]]
    feb.refresh_from_db()
    mar.refresh_from_db()
    assert feb.starts_at == datetime(2026, 2, 12, 14, tzinfo=UK)
    assert mar.status == MeetingStatus.CANCELLED
    assert Meeting.objects.filter(site=site).count() == 6


@pytest.mark.django_db
def test_changing_the_series_changes_only_future_unmodified_meetings(site, facilitator):
    s = second_tuesdays(site, facilitator)
    jan, feb, mar, apr = Meeting.objects.filter(series=s).order_by("planned_on")
    meetings.move_meeting(
        meeting=feb, moved_by=facilitator, starts_at=datetime(2026, 2, 10, 10, tzinfo=UK),
        ends_at=datetime(2026, 2, 10, 12, tzinfo=UK), reason="Morning this time",
    )  # fmt: skip
    later = datetime(2026, 1, 20, 9, tzinfo=UK)  # January's meeting is past
    series.change_series(
        series=s, changed_by=facilitator, start_time=time(15), end_time=time(17), venue="Hove", now=later
    )
    for m in (jan, feb, mar, apr):
        m.refresh_from_db()
    assert jan.starts_at == datetime(2026, 1, 13, 14, tzinfo=UK) and jan.venue == "Jubilee Library"
    assert feb.starts_at == datetime(2026, 2, 10, 10, tzinfo=UK)  # moved on its own: left alone
    assert mar.starts_at == datetime(2026, 3, 10, 15, tzinfo=UK) and mar.venue == "Hove"
    assert apr.ends_at == datetime(2026, 4, 14, 17, tzinfo=UK)


@pytest.mark.django_db
def test_changing_the_rule_cancels_dates_no_longer_in_it_and_plans_the_new_ones(site, facilitator):
    s = second_tuesdays(site, facilitator)
    mar = Meeting.objects.get(series=s, planned_on=date(2026, 3, 10))
    series.change_series(series=s, changed_by=facilitator, week_of_month=-1, now=NOW)
    mar.refresh_from_db()
    assert mar.status == MeetingStatus.CANCELLED
    scheduled = Meeting.objects.filter(series=s, status=MeetingStatus.SCHEDULED).values_list("planned_on", flat=True)
    assert sorted(scheduled) == [date(2026, 1, 27), date(2026, 2, 24), date(2026, 3, 31), date(2026, 4, 28)]


@pytest.mark.django_db
def test_calendar_follows_moves_cancellations_and_series_changes(site, facilitator):
    s = second_tuesdays(site, facilitator)
    jan, feb, mar, _ = Meeting.objects.filter(series=s).order_by("planned_on")
    meetings.cancel_meeting(meeting=feb, cancelled_by=facilitator, reason="Strike")
    series.change_series(series=s, changed_by=facilitator, start_time=time(13), now=NOW)
    ics = build_calendar(Meeting.objects.filter(series=s).order_by("planned_on")).decode()
    events = ics.split("BEGIN:VEVENT")[1:]
    assert "STATUS:CANCELLED" in events[1] and "SEQUENCE:1" in events[1]
    assert "STATUS:CONFIRMED" in events[2] and "SEQUENCE:1" in events[2] and "T130000" in events[2]


@pytest.mark.django_db
def test_series_refuses_end_before_start(site, facilitator):
    with pytest.raises(ValidationError):
        second_tuesdays(site, facilitator, start_time=time(16), end_time=time(14))
    assert not MeetingSeries.objects.exists()


@pytest.mark.django_db
def test_series_page_plans_meetings(client, site, facilitator, member):
    client.force_login(facilitator)
    data = {
        "rule": "nth_weekday", "week_of_month": "2", "interval_weeks": "4", "weekday": "1",
        "starts_on": timezone.localdate().isoformat(), "start_time": "14:00", "end_time": "16:00",
        "venue": "Jubilee Library", "horizon_months": "3",
    }  # fmt: skip
    response = client.post(reverse("sites:series_list", args=[site.pk]), data)
    assert response.status_code == 302
    assert site.meetings.filter(series__isnull=False).count() in (2, 3, 4)
    client.force_login(member)
    assert client.get(reverse("sites:series_list", args=[site.pk])).status_code == 403
