"""The sites app's emails sent by background jobs: the meeting reminder (its row claims it; the task calls this)."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from core.emails import send_email
from sites.models import MeetingReminder, ReplyAnswer
from sites.services.replies import reply_token


def reply_urls(*, meeting, person) -> dict[str, str]:
    """The reminder's three reply links (coming, cant_come, maybe), signed for this person and meeting only."""
    base = settings.SITE_URL + reverse("sites:meeting_reply_link", args=[reply_token(meeting=meeting, person=person)])
    return {answer: f"{base}?answer={answer}" for answer in ReplyAnswer.values}


def email_meeting_reminder(*, reminder: MeetingReminder) -> None:
    meeting, person = reminder.meeting, reminder.person
    context = {
        "meeting": meeting,
        "person": person,
        "site": meeting.site,
        "starts_at": timezone.localtime(meeting.starts_at),
        "ends_at": timezone.localtime(meeting.ends_at),
        "url": settings.SITE_URL + reverse("sites:meeting", args=[meeting.pk]),
        "reply_urls": reply_urls(meeting=meeting, person=person),
    }
    send_email("sites/emails/meeting_reminder", to=[person.email], context=context)
