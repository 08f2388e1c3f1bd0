from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from sites.models import MeetingChange, MeetingChangeKind, MeetingReminder, MeetingStatus, SiteStatus
from sites.services.meetings import cancel_meeting, change_meeting_details, move_meeting, schedule_meeting
from tests.factories import MeetingFactory, MembershipFactory, at

UK = ZoneInfo("Europe/London")


def uk(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=UK)


# Services


@pytest.mark.django_db
def test_schedule_meeting_stores_aware_times(site, facilitator):
    day = timezone.localdate() + timedelta(days=10)
    meeting = schedule_meeting(
        site=site, scheduled_by=facilitator, starts_at=uk(day, 14), ends_at=uk(day, 16), venue="Hall", is_taster=True
    )
    meeting.refresh_from_db()
    assert timezone.is_aware(meeting.starts_at)
    assert timezone.localtime(meeting.starts_at).time() == time(14, 0)
    assert meeting.is_taster and meeting.status == MeetingStatus.SCHEDULED


@pytest.mark.django_db
def test_schedule_meeting_refuses_end_before_start_and_ended_sites(site, facilitator):
    day = timezone.localdate() + timedelta(days=3)
    with pytest.raises(ValidationError):
        schedule_meeting(site=site, scheduled_by=facilitator, starts_at=uk(day, 16), ends_at=uk(day, 14))
    site.status = SiteStatus.CLOSED
    site.save()
    with pytest.raises(ValidationError):
        schedule_meeting(site=site, scheduled_by=facilitator, starts_at=uk(day, 14), ends_at=uk(day, 16))


@pytest.mark.django_db
def test_move_meeting_keeps_history_and_forgets_sent_reminders(site, facilitator, member):
    meeting = MeetingFactory(site=site, venue="Old hall")
    old_start, old_end = meeting.starts_at, meeting.ends_at
    MeetingReminder.objects.create(meeting=meeting, person=member)
    new_day = meeting.local_date + timedelta(days=7)
    move_meeting(
        meeting=meeting, moved_by=facilitator, starts_at=uk(new_day, 10), ends_at=uk(new_day, 12), reason="Room"
    )
    change = MeetingChange.objects.get(meeting=meeting)
    assert change.kind == MeetingChangeKind.MOVED
    assert (change.previous_starts_at, change.previous_ends_at, change.previous_venue) == (
        old_start,
        old_end,
        "Old hall",
    )
    assert change.changed_by == facilitator and change.reason == "Room"
    assert meeting.local_date == new_day
    assert not MeetingReminder.objects.filter(meeting=meeting).exists()


@pytest.mark.django_db
def test_move_meeting_needs_a_reason(site, facilitator):
    meeting = MeetingFactory(site=site)
    day = meeting.local_date + timedelta(days=1)
    with pytest.raises(ValidationError):
        move_meeting(meeting=meeting, moved_by=facilitator, starts_at=uk(day, 10), ends_at=uk(day, 12), reason=" ")
    assert not MeetingChange.objects.exists()


@pytest.mark.django_db
def test_cancelled_meeting_keeps_history_and_cannot_be_changed_again(site, facilitator):
    meeting = MeetingFactory(site=site)
    cancel_meeting(meeting=meeting, cancelled_by=facilitator, reason="Facilitator ill")
    meeting.refresh_from_db()
    assert meeting.is_cancelled
    assert meeting.changes.get().reason == "Facilitator ill"
    with pytest.raises(ValidationError):
        cancel_meeting(meeting=meeting, cancelled_by=facilitator, reason="again")
    with pytest.raises(ValidationError):
        change_meeting_details(meeting=meeting, changed_by=facilitator, venue="x", is_taster=False)


@pytest.mark.django_db
def test_editing_details_records_a_change_only_when_something_differs(site, facilitator):
    meeting = MeetingFactory(site=site, venue="Hall")
    change_meeting_details(meeting=meeting, changed_by=facilitator, venue="Hall", is_taster=False)
    assert meeting.changes.count() == 0
    change_meeting_details(meeting=meeting, changed_by=facilitator, venue="Library", is_taster=False)
    assert meeting.changes.get().previous_venue == "Hall"
    meeting.refresh_from_db()
    assert meeting.venue == "Library"


# Views


@pytest.mark.django_db
def test_facilitator_schedules_a_meeting_in_uk_time(client, site, facilitator):
    client.force_login(facilitator)
    day = date(timezone.localdate().year + 1, 7, 15)  # British Summer Time
    response = client.post(
        reverse("sites:meeting_create", args=[site.pk]),
        {"date": day.isoformat(), "start_time": "14:00", "end_time": "16:00", "venue": "Hove Library"},
    )
    meeting = site.meetings.get()
    assert response.status_code == 302 and response["Location"] == reverse("sites:meeting", args=[meeting.pk])
    assert meeting.starts_at == datetime(day.year, 7, 15, 13, 0, tzinfo=ZoneInfo("UTC"))
    assert meeting.venue == "Hove Library"


@pytest.mark.django_db
def test_schedule_form_explains_an_end_before_the_start(client, site, facilitator):
    client.force_login(facilitator)
    response = client.post(
        reverse("sites:meeting_create", args=[site.pk]),
        {"date": "2030-03-05", "start_time": "16:00", "end_time": "14:00", "venue": "Kept venue"},
    )
    assert response.status_code == 200
    assert "The end time must be after the start time." in response.content.decode()
    assert "Kept venue" in response.content.decode()
    assert not site.meetings.exists()


@pytest.mark.django_db
def test_who_may_schedule_meetings(client, site, member, outsider, broker, programme_admin):
    url = reverse("sites:meeting_create", args=[site.pk])
    client.force_login(member)
    assert client.get(url).status_code == 403
    client.force_login(broker)
    assert client.get(url).status_code == 403
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(programme_admin)
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_move_and_cancel_through_the_pages_show_history(client, site, facilitator):
    meeting = MeetingFactory(site=site, venue="Old hall")
    client.force_login(facilitator)
    day = meeting.local_date + timedelta(days=2)
    response = client.post(
        reverse("sites:meeting_move", args=[meeting.pk]),
        {"date": day.strftime("%d/%m/%Y"), "start_time": "10:00", "end_time": "12:00", "reason": "Room double-booked"},
    )
    assert response.status_code == 302
    response = client.post(reverse("sites:meeting_cancel", args=[meeting.pk]), {"reason": "Snow"})
    assert response.status_code == 302
    page = client.get(reverse("sites:meeting", args=[meeting.pk])).content.decode()
    assert "This meeting was cancelled." in page and "Snow" in page
    assert "Room double-booked" in page and "Old hall" in page


@pytest.mark.django_db
def test_cancel_without_reason_is_refused_with_a_message(client, site, facilitator):
    meeting = MeetingFactory(site=site)
    client.force_login(facilitator)
    response = client.post(reverse("sites:meeting_cancel", args=[meeting.pk]), {"reason": ""})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    meeting.refresh_from_db()
    assert not meeting.is_cancelled


@pytest.mark.django_db
def test_meeting_page_visibility(client, site, member, outsider, broker, commissioner, facilitator):
    meeting = MeetingFactory(site=site, starts_at=at(timezone.localdate()))
    url = reverse("sites:meeting", args=[meeting.pk])
    for user in (member, broker, facilitator):
        client.force_login(user)
        assert client.get(url).status_code == 200
    for user in (outsider, commissioner):
        client.force_login(user)
        assert client.get(url).status_code == 404
    client.force_login(member)
    assert reverse("sites:meeting_register", args=[meeting.pk]) not in client.get(url).content.decode()
    client.force_login(facilitator)
    assert reverse("sites:meeting_register", args=[meeting.pk]) in client.get(url).content.decode()


@pytest.mark.django_db
def test_only_facilitators_change_meetings(client, site, member, outsider):
    meeting = MeetingFactory(site=site)
    for name in ("meeting_edit", "meeting_move", "meeting_cancel", "meeting_notes"):
        url = reverse(f"sites:{name}", args=[meeting.pk])
        client.force_login(member)
        assert client.get(url).status_code == 403
        client.force_login(outsider)
        assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_notes_are_saved_and_rendered_safely(client, site, facilitator, member):
    meeting = MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=1)))
    client.force_login(facilitator)
    client.post(reverse("sites:meeting_notes", args=[meeting.pk]), {"notes": "**Agreed** <script>alert(1)</script>"})
    client.force_login(member)
    page = client.get(reverse("sites:meeting", args=[meeting.pk])).content.decode()
    assert "<strong>Agreed</strong>" in page
    assert "alert(1)" not in page


@pytest.mark.django_db
def test_site_page_panel_shows_progress_and_cancelled_meetings(client, site, member):
    today = timezone.localdate()
    for days_ago in (70, 40, 10):
        MeetingFactory(site=site, starts_at=at(today - timedelta(days=days_ago)))
    MeetingFactory(site=site, starts_at=at(today - timedelta(days=20)), status=MeetingStatus.CANCELLED)
    MeetingFactory(site=site, starts_at=at(today + timedelta(days=20)))
    client.force_login(member)
    response = client.get(reverse("sites:detail", args=[site.pk]))
    page = response.content.decode()
    assert "3 of 6 meetings held" in page
    assert "Cancelled" in page
    assert len(response.context["upcoming_meetings"]) == 1
    assert "Schedule a meeting" not in page


@pytest.mark.django_db
def test_site_page_meetings_panel_uses_a_fixed_number_of_queries(
    client, site, facilitator, django_assert_max_num_queries
):
    today = timezone.localdate()
    for n in range(15):
        MeetingFactory(site=site, starts_at=at(today + timedelta(days=n * 7 - 50)))
        MembershipFactory(site=site)
    client.force_login(facilitator)
    with django_assert_max_num_queries(36):  # the site page and menu: next meeting, tasks, health, recruitment panels
        response = client.get(reverse("sites:detail", args=[site.pk]))
    assert "Schedule a meeting" in response.content.decode()


@pytest.mark.django_db
def test_facilitator_changes_reminder_days(client, site, facilitator, member):
    url = reverse("sites:meeting_reminders", args=[site.pk])
    client.force_login(member)
    assert client.post(url, {"reminder_days_before": 5}).status_code == 403
    client.force_login(facilitator)
    client.post(url, {"reminder_days_before": 5})
    site.refresh_from_db()
    assert site.reminder_days_before == 5
    response = client.post(url, {"reminder_days_before": 0}, follow=True)
    assert "between 1 and 28" in response.content.decode()
    site.refresh_from_db()
    assert site.reminder_days_before == 5
