"""Meeting reminder emails: due reminders are claimed with one MeetingReminder row per meeting and
person (unique), and the email is queued only after that row is committed. A second run finds
nothing left to do; a missed run catches up at the next one."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from core.emails import send_email
from members.models import Membership
from sites.models import Meeting, MeetingReminder


def due_meetings(now) -> list[Meeting]:
    """Scheduled meetings not yet started whose site's reminder period has begun."""
    upcoming = Meeting.objects.scheduled().filter(starts_at__gt=now).select_related("site").order_by("starts_at")
    return [
        m for m in upcoming if not m.site.has_ended and m.starts_at <= now + timedelta(days=m.site.reminder_days_before)
    ]


def send_meeting_reminders(*, now=None) -> int:
    """Queue a reminder email to each current member and facilitator of the site for every due
    meeting, once. Returns how many reminders were queued."""
    from sites.tasks import send_meeting_reminder_email

    now = now or timezone.now()
    today = timezone.localdate(now)
    queued = 0
    for meeting in due_meetings(now):
        reminded = set(MeetingReminder.objects.filter(meeting=meeting).values_list("person_id", flat=True))
        people = (
            Membership.objects.current(today)
            .filter(site_id=meeting.site_id, person__is_active=True)
            .exclude(person_id__in=reminded)
            .values_list("person_id", flat=True)
            .distinct()
        )
        for person_id in people:
            try:
                with transaction.atomic():
                    reminder, created = MeetingReminder.objects.get_or_create(meeting=meeting, person_id=person_id)
                    if created:
                        transaction.on_commit(lambda pk=reminder.pk: send_meeting_reminder_email.delay(pk))
            except IntegrityError:  # another run claimed it at the same moment
                created = False
            queued += int(created)
    return queued


def email_meeting_reminder(*, reminder: MeetingReminder) -> None:
    meeting, person = reminder.meeting, reminder.person
    context = {
        "meeting": meeting,
        "person": person,
        "site": meeting.site,
        "starts_at": timezone.localtime(meeting.starts_at),
        "ends_at": timezone.localtime(meeting.ends_at),
        "url": settings.SITE_URL + reverse("sites:meeting", args=[meeting.pk]),
    }
    send_email("sites/emails/meeting_reminder", to=[person.email], context=context)
