"""The meeting cycle's emails, one function each: the agenda, the approved record and an action's reminder. Each
sends one email for a row that already claimed it (see the services); the tasks call them."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from core.emails import send_email
from cycle.models import ActionReminder, AgendaDelivery, GuestNotice, GuestNoticeKind, RecordDelivery
from cycle.selectors import due_of, visible_agenda


def email_agenda(*, delivery: AgendaDelivery) -> None:
    meeting, person = delivery.meeting, delivery.person
    context = {
        "meeting": meeting,
        "person": person,
        "site": meeting.site,
        "items": visible_agenda(meeting),
        "starts_at": timezone.localtime(meeting.starts_at),
        "ends_at": timezone.localtime(meeting.ends_at),
        "url": settings.SITE_URL + reverse("cycle:agenda", args=[meeting.pk]),
    }
    send_email("cycle/emails/agenda", to=[person.email], context=context)


def email_record(*, delivery: RecordDelivery) -> None:
    version, person = delivery.version, delivery.person
    meeting = version.record.meeting
    context = {
        "meeting": meeting,
        "site": meeting.site,
        "person": person,
        "version": version,
        "content": version.content,
        "url": settings.SITE_URL + reverse("cycle:record", args=[meeting.pk]),
        "pdf_url": settings.SITE_URL + reverse("cycle:record_pdf", args=[meeting.pk]),
    }
    send_email("cycle/emails/record", to=[person.email], context=context)


def email_action_reminder(*, reminder: ActionReminder) -> None:
    action = reminder.action
    context = {
        "action": action,
        "person": action.owner,
        "meeting": action.entry.record.meeting,
        "due": due_of(action),
        "url": settings.SITE_URL + reverse("my_actions"),
    }
    send_email("cycle/emails/action_reminder", to=[action.owner.email], context=context)


def email_guest_notice(*, notice: GuestNotice) -> None:
    """To a commissioner: invited to one meeting (with the link to what they may read), or the invitation withdrawn."""
    guest = notice.guest
    meeting = guest.meeting
    invited = notice.kind == GuestNoticeKind.INVITED
    context = {
        "meeting": meeting,
        "site": meeting.site,
        "person": guest.person,
        "invited_by": guest.invited_by,
        "starts_at": timezone.localtime(meeting.starts_at),
        "ends_at": timezone.localtime(meeting.ends_at),
        "url": settings.SITE_URL + reverse("cycle:as_guest", args=[meeting.pk]),
    }
    template = "cycle/emails/guest_invited" if invited else "cycle/emails/guest_withdrawn"
    send_email(template, to=[guest.person.email], context=context)
