from celery import shared_task

from sites.models import MeetingReminder
from sites.services import reminders


@shared_task
def send_meeting_reminders() -> int:
    """Periodic (celery beat): queue the reminders that are due and not yet sent."""
    return reminders.send_meeting_reminders()


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def send_meeting_reminder_email(reminder_id: int) -> None:
    reminder = MeetingReminder.objects.select_related("meeting__site", "person").filter(pk=reminder_id).first()
    if reminder is None or reminder.meeting.is_cancelled or not reminder.person.is_active:
        return
    reminders.email_meeting_reminder(reminder=reminder)


# The meeting cycle: agendas, approved records and action reminders (each row claims one email).
@shared_task
def send_meeting_cycle_emails() -> int:
    """Periodic (celery beat): queue the agendas and action reminders that are due and not yet sent."""
    from sites.services import actions, agenda

    return agenda.send_due_agendas() + actions.send_action_reminders()


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def send_agenda_email(delivery_id: int) -> None:
    from sites.models import AgendaDelivery
    from sites.services import agenda

    delivery = AgendaDelivery.objects.select_related("meeting__site", "person").filter(pk=delivery_id).first()
    if delivery is None or delivery.meeting.is_cancelled or not delivery.person.is_active:
        return
    agenda.email_agenda(delivery=delivery)


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def send_record_email(delivery_id: int) -> None:
    from sites.models import RecordDelivery
    from sites.services import record

    delivery = RecordDelivery.objects.select_related("version__record__meeting__site", "person").filter(pk=delivery_id)
    delivery = delivery.first()
    if delivery is None or not delivery.person.is_active:
        return
    record.email_record(delivery=delivery)


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def send_action_reminder_email(reminder_id: int) -> None:
    from sites.models import ActionReminder
    from sites.services import actions

    reminder = ActionReminder.objects.select_related("action__owner").filter(pk=reminder_id).first()
    if reminder is None or not reminder.action.is_open or reminder.action.owner is None:
        return
    actions.email_action_reminder(reminder=reminder)
