"""The facilitators' network in the demo: last quarter's meeting, held, with its register and an approved record, and
next quarter's, with an agenda a facilitator has added to. Safe to rerun."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from members.models import User
from network import services
from network.models import NetworkMeeting
from network.selectors import invited_people
from sites.models import AttendanceStatus


def _at(day, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def create_demo_network() -> None:
    admin = User.objects.filter(email="admin@example.org").first()
    facilitator = User.objects.filter(email="facilitator@example.org").first()
    if admin is None or facilitator is None or NetworkMeeting.objects.exists():
        return
    today = timezone.localdate()
    held_on = today - timedelta(days=45)
    held = NetworkMeeting.objects.create(
        kind="quarterly", starts_at=_at(held_on, 10), ends_at=_at(held_on, 13), created_by=admin,
        venue="Programme office, 2 Park Square, Leeds",
    )  # fmt: skip
    for title in ("Recruitment across the sites", "The two-day training: what to keep"):
        services.propose_agenda_item(meeting=held, proposed_by=admin, title=title)
    invited = list(invited_people(held))
    marks = {person.pk: AttendanceStatus.PRESENT for person in invited}
    away = [person for person in invited if person not in (admin, facilitator)][-1:]
    marks.update({person.pk: AttendanceStatus.APOLOGIES for person in away})
    services.take_register(meeting=held, taken_by=admin, statuses=marks)
    record = services.open_record(meeting=held, opened_by=admin)
    first, second = record.entries.order_by("position")
    services.record_discussion(
        entry=first, written_by=admin,
        discussion="Three sites are still looking for a probation officer; two have no one from primary care.",
        decisions="Each facilitator asks their senior sponsor for one named contact in probation.",
    )  # fmt: skip
    services.add_action(
        entry=first, added_by=admin, owner=facilitator, due_on=today + timedelta(days=14),
        text="Share the recruitment letter that worked at CP1 on the facilitators' board",
    )  # fmt: skip
    services.record_discussion(
        entry=second, written_by=admin,
        discussion="The group-work day was the most useful; facilitators asked for a refresher on difficult "
        "conversations.",
    )  # fmt: skip
    services.approve_record(record=record, approved_by=admin)

    next_on = today + timedelta(days=45)
    upcoming = services.schedule_network_meeting(
        scheduled_by=admin, kind="quarterly", starts_at=_at(next_on, 10), ends_at=_at(next_on, 13),
        venue="Programme office, 2 Park Square, Leeds", video_link="https://meet.example.org/facilitators-network",
    )  # fmt: skip
    services.propose_agenda_item(meeting=upcoming, proposed_by=admin, title="Actions from last quarter")
    services.propose_agenda_item(meeting=upcoming, proposed_by=facilitator, title="Supervision for new facilitators")
