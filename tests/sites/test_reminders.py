from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from cycle.models import AgendaItem
from cycle.services.agenda import publish_agenda
from sites.models import MeetingReminder, MeetingStatus, MembershipRole, SiteStatus
from sites.periodic import send_meeting_reminders
from tests.factories import MeetingFactory, MembershipFactory


@pytest.fixture
def run_reminders(django_capture_on_commit_callbacks):
    """Run the periodic task as beat would, letting the emails queued on commit go out."""

    def run() -> int:
        with django_capture_on_commit_callbacks(execute=True):
            return send_meeting_reminders.delay().get()

    return run


def due_meeting(site, **kwargs):
    return MeetingFactory(site=site, starts_at=timezone.now() + timedelta(days=2), **kwargs)


@pytest.mark.django_db
def test_due_meeting_sends_one_email_per_member_and_facilitator(run_reminders, site, facilitator, member):
    meeting = due_meeting(site, venue="Hove Library")
    assert run_reminders() == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([facilitator.email, member.email])
    message = mail.outbox[0]
    start = timezone.localtime(meeting.starts_at)
    assert message.subject == f"Reminder: CP1 community of practice meeting on {start:%A} {start.day} {start:%B}"
    assert f"{start.day} {start:%B %Y}, {start:%H:%M}" in message.body
    assert "Hove Library" in message.body
    assert f"/sites/meetings/{meeting.pk}/" in message.body
    html = message.alternatives[0].content
    assert f"/sites/meetings/{meeting.pk}/" in html


@pytest.mark.django_db
def test_second_run_sends_nothing_new(run_reminders, site, facilitator, member):
    due_meeting(site)
    run_reminders()
    mail.outbox.clear()
    assert run_reminders() == 0
    assert mail.outbox == []
    assert MeetingReminder.objects.count() == 2


@pytest.mark.django_db
def test_cancelled_meeting_sends_nothing(run_reminders, site, member):
    due_meeting(site, status=MeetingStatus.CANCELLED)
    assert run_reminders() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_member_who_left_gets_nothing(run_reminders, site, member):
    leaver = MembershipFactory(site=site, left=timezone.localdate() - timedelta(days=3)).person
    due_meeting(site)
    run_reminders()
    assert [m.to[0] for m in mail.outbox] == [member.email]
    assert leaver.email not in {m.to[0] for m in mail.outbox}


@pytest.mark.django_db
def test_meeting_further_away_waits_until_due(run_reminders, site, member):
    meeting = MeetingFactory(site=site, starts_at=timezone.now() + timedelta(days=10))
    assert site.reminder_days_before == 3
    assert run_reminders() == 0
    # A week later the meeting is 3 days away: now it is due.
    meeting.starts_at = timezone.now() + timedelta(days=3) - timedelta(minutes=5)
    meeting.ends_at = meeting.starts_at + timedelta(hours=2)
    meeting.save()
    assert run_reminders() == 1
    assert [m.to[0] for m in mail.outbox] == [member.email]


@pytest.mark.django_db
def test_started_meetings_and_ended_sites_get_no_reminder(run_reminders, site, other_site, member, outsider):
    MeetingFactory(site=site, starts_at=timezone.now() - timedelta(minutes=10))
    other_site.status = SiteStatus.CLOSED
    other_site.save()
    due_meeting(other_site)
    assert run_reminders() == 0


@pytest.mark.django_db
def test_reminder_days_setting_is_respected(run_reminders, site, member):
    site.reminder_days_before = 7
    site.save()
    MeetingFactory(site=site, starts_at=timezone.now() + timedelta(days=6))
    assert run_reminders() == 1


@pytest.mark.django_db
def test_missed_runs_catch_up_while_the_meeting_is_still_ahead(run_reminders, site, member):
    # Due since two days ago (3-day reminder, meeting tomorrow): still sent, not skipped.
    MeetingFactory(site=site, starts_at=timezone.now() + timedelta(days=1))
    MembershipFactory(site=site, role=MembershipRole.FACILITATOR)
    assert run_reminders() == 2


@pytest.mark.django_db
def test_email_for_a_meeting_cancelled_after_queueing_is_not_sent(site, member):
    from sites.tasks import send_meeting_reminder_email

    meeting = due_meeting(site)
    reminder = MeetingReminder.objects.create(meeting=meeting, person=member)
    meeting.status = MeetingStatus.CANCELLED
    meeting.save()
    send_meeting_reminder_email.delay(reminder.pk)
    send_meeting_reminder_email.delay(reminder.pk + 1000)  # gone: returns quietly
    assert mail.outbox == []


def test_beat_runs_the_reminders_every_hour():
    entry = settings.CELERY_BEAT_SCHEDULE["send-meeting-reminders"]
    assert entry["task"] == "sites.periodic.send_meeting_reminders"
    assert entry["schedule"].minute == {0}


@pytest.mark.django_db
def test_reminder_carries_the_meetings_one_agenda_once_published(run_reminders, site, facilitator, member):
    meeting = due_meeting(site)
    AgendaItem.objects.create(meeting=meeting, position=1, kind="other", title="Housing team update")
    run_reminders()
    assert mail.outbox and all("Housing team update" not in m.body for m in mail.outbox)  # not published yet

    mail.outbox.clear()
    MeetingReminder.objects.all().delete()
    publish_agenda(meeting=meeting, published_by=facilitator)
    run_reminders()
    message = mail.outbox[0]
    assert "Agenda:\n1. Housing team update" in message.body
    assert "<li>Housing team update</li>" in message.alternatives[0].content
