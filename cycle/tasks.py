"""The meeting cycle's background jobs, queued by its services once the row that claims the email is committed:
thin, they take the row's id, re-fetch it, return quietly if it no longer applies, and send."""

from celery import shared_task

from cycle import emails
from cycle.models import ActionReminder, AgendaDelivery, GuestNotice, GuestNoticeKind, RecordDelivery


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def send_agenda_email(delivery_id: int) -> None:
    delivery = AgendaDelivery.objects.select_related("meeting__site", "person").filter(pk=delivery_id).first()
    if delivery is None or delivery.meeting.is_cancelled or not delivery.person.is_active:
        return
    emails.email_agenda(delivery=delivery)


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def send_record_email(delivery_id: int) -> None:
    delivery = RecordDelivery.objects.select_related("version__record__meeting__site", "person").filter(pk=delivery_id)
    delivery = delivery.first()
    if delivery is None or not delivery.person.is_active:
        return
    emails.email_record(delivery=delivery)


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def send_action_reminder_email(reminder_id: int) -> None:
    reminder = ActionReminder.objects.select_related("action__owner").filter(pk=reminder_id).first()
    if reminder is None or not reminder.action.is_open or reminder.action.owner is None:
        return
    emails.email_action_reminder(reminder=reminder)


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def send_guest_notice_email(notice_id: int) -> None:
    """The invitation's email goes only while it still stands (not withdrawn since, the meeting not cancelled)."""
    notice = GuestNotice.objects.select_related("guest__meeting__site", "guest__person", "guest__invited_by")
    notice = notice.filter(pk=notice_id).first()
    if notice is None or not notice.guest.person.is_active:
        return
    guest = notice.guest
    if notice.kind == GuestNoticeKind.INVITED and (guest.withdrawn_at or guest.meeting.is_cancelled):
        return
    emails.email_guest_notice(notice=notice)
