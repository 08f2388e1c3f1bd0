"""The attendance register: one save for the whole meeting, correctable afterwards."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone

from members.models import User
from sites.models import Attendance, AttendanceStatus, Meeting, Membership


class RegisterChanged(ValidationError):
    """Someone else saved the register after this person opened it: saving would silently undo their marks."""


def register_stamp(meeting: Meeting) -> str:
    """What the register looked like when it was opened: any save since changes it (each save stamps its rows)."""
    saved = Attendance.objects.filter(meeting=meeting).aggregate(rows=Count("pk"), last=Max("recorded_at"))
    last = saved["last"]
    return f"{saved['rows']}-{int(last.timestamp() * 1_000_000) if last else 0}"


@transaction.atomic
def record_attendance(
    *,
    meeting: Meeting,
    recorded_by,
    statuses: dict[int, str],
    guests: Iterable[int] = (),
    based_on: str | None = None,
) -> list[Attendance]:
    """Save the register of a meeting in one go.

    statuses maps person id to present/apologies/absent for the site's members on the meeting date
    (and for guests already on the register); people left out are not changed. guests are ids of
    knowledge brokers or commissioners to add as present guests. A member's first attendance records
    the date they agreed the ground rules on confidentiality and information sharing.

    based_on is the register_stamp the form was opened with: if someone saved the register since, nothing is
    saved and RegisterChanged is raised (two facilitators marking the same register at once)."""
    if meeting.is_cancelled:
        raise ValidationError("This meeting was cancelled, so it has no register.")
    meeting_date = meeting.local_date
    if meeting_date > timezone.localdate():
        raise ValidationError("The register opens on the day of the meeting.")
    valid_statuses = set(AttendanceStatus.values)
    if bad := {s for s in statuses.values() if s not in valid_statuses}:
        raise ValidationError(f"Unknown attendance status: {', '.join(sorted(bad))}.")

    # One save at a time per meeting: the second waits here, then sees the first one's rows.
    list(Meeting.objects.select_for_update().filter(pk=meeting.pk).values_list("pk", flat=True))
    if based_on and based_on != register_stamp(meeting):
        raise RegisterChanged(
            "Someone else saved this register while you had it open, so yours was not saved. Your marks are "
            "still below, with what they saved shown under each person: check them and save again."
        )

    memberships = {m.person_id: m for m in Membership.objects.current(meeting_date).filter(site_id=meeting.site_id)}
    existing_guests = set(Attendance.objects.filter(meeting=meeting, is_guest=True).values_list("person_id", flat=True))
    unknown = set(statuses) - set(memberships) - existing_guests
    if unknown:
        raise ValidationError("Only the site's members on the meeting date and its guests can be on the register.")

    guest_ids = set(guests) - set(memberships) - existing_guests
    if guest_ids:
        allowed = set(
            User.objects.filter(pk__in=guest_ids, is_active=True)
            .filter(Q(is_knowledge_broker=True) | Q(is_commissioner=True))
            .values_list("pk", flat=True)
        )
        if allowed != guest_ids:
            raise ValidationError("Guests must be knowledge brokers or commissioners.")

    now = timezone.now()
    rows = [
        Attendance(meeting=meeting, person_id=pid, status=status, is_guest=pid not in memberships, recorded_at=now)
        for pid, status in statuses.items()
    ]
    rows += [
        Attendance(meeting=meeting, person_id=pid, status=AttendanceStatus.PRESENT, is_guest=True, recorded_at=now)
        for pid in sorted(guest_ids)
    ]
    if rows:
        Attendance.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["meeting", "person"],
            update_fields=["status", "is_guest", "recorded_at"],
        )

    present_memberships = [
        memberships[pid].pk
        for pid, status in statuses.items()
        if status == AttendanceStatus.PRESENT and pid in memberships
    ]
    if present_memberships:
        # First attendance = the earliest meeting they were present at: set it, or move it earlier.
        Membership.objects.filter(pk__in=present_memberships).filter(
            Q(ground_rules_agreed_on__isnull=True) | Q(ground_rules_agreed_on__gt=meeting_date)
        ).update(ground_rules_agreed_on=meeting_date)
    return rows
