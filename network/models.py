"""The facilitators' network: programme-level meetings ("The facilitators met quarterly with the programme team and an
advisory group", the programme report). Each meeting has an agenda (items the programme admins add and facilitators
propose), a register the programme admin takes, and a record (what was discussed and decided under each item, actions
with an owner and a due date) drafted and then approved, like a site's meeting. Who is invited: the facilitators of
every site still running, the programme admins, and the people a programme admin names (advisory group members)."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.text_gate import TextGate
from cycle.models import RecordStatus
from sites.models import AttendanceStatus


class NetworkMeetingKind(models.TextChoices):
    QUARTERLY = "quarterly", "Quarterly facilitators' meeting"
    ADVISORY = "advisory", "Advisory group meeting"


class NetworkMeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    CANCELLED = "cancelled", "Cancelled"


class NetworkMeetingQuerySet(models.QuerySet):
    def scheduled(self):
        return self.exclude(status=NetworkMeetingStatus.CANCELLED)

    def upcoming(self, now=None):
        return self.scheduled().filter(ends_at__gte=now or timezone.now()).order_by("starts_at")


class NetworkMeeting(models.Model):
    kind = models.CharField(max_length=16, choices=NetworkMeetingKind.choices, default=NetworkMeetingKind.QUARTERLY)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    venue = models.CharField(max_length=300, blank=True)
    video_link = models.URLField("Video link", max_length=500, blank=True)
    status = models.CharField(
        max_length=16, choices=NetworkMeetingStatus.choices, default=NetworkMeetingStatus.SCHEDULED
    )
    # Counts the changes, for the calendar entry's SEQUENCE: a calendar program updates a moved meeting in place.
    sequence = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = NetworkMeetingQuerySet.as_manager()

    text_gate = TextGate(
        gated={},
        exempt={
            "venue": "A meeting place (an office, a hall), shown to the invited facilitators so they can come.",
            "video_link": "A video-call address (Teams, Zoom), shown only to the people invited to the meeting.",
        },
    )

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="network_meeting_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {timezone.localtime(self.starts_at):%d/%m/%Y}"

    @property
    def is_cancelled(self) -> bool:
        return self.status == NetworkMeetingStatus.CANCELLED

    @property
    def local_date(self):
        return timezone.localtime(self.starts_at).date()


class NetworkInvitee(models.Model):
    """Someone named by a programme admin (an advisory group member with an account), invited to one meeting besides
    the facilitators and the programme team. They see that meeting, its agenda, register and record, nothing else."""

    meeting = models.ForeignKey(NetworkMeeting, on_delete=models.CASCADE, related_name="invitees")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_invitations")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["meeting", "added_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="network_invitee_once")]

    def __str__(self) -> str:
        return f"{self.person_id} invited to network meeting {self.meeting_id}"


class NetworkAgendaItem(models.Model):
    """One item of a network meeting's agenda, added by a programme admin or proposed by a facilitator. Removed
    items stay (the admin can put them back)."""

    meeting = models.ForeignKey(NetworkMeeting, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    removed = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    text_gate = TextGate(gated={"title": "Agenda item"})

    class Meta:
        ordering = ["meeting", "position", "pk"]

    def __str__(self) -> str:
        return self.title


class NetworkAttendance(models.Model):
    """One line of a network meeting's register."""

    meeting = models.ForeignKey(NetworkMeeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_attendances")
    status = models.CharField(max_length=16, choices=AttendanceStatus.choices)
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["meeting", "person__name"]
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="network_attendance_once")]

    def __str__(self) -> str:
        return f"{self.person_id} {self.status} at network meeting {self.meeting_id}"


class NetworkRecord(models.Model):
    """The record of a network meeting: a draft the programme admins write, then approved (and locked). Reopening an
    approved record makes it a draft again."""

    meeting = models.OneToOneField(NetworkMeeting, on_delete=models.CASCADE, related_name="record")
    status = models.CharField(max_length=12, choices=RecordStatus.choices, default=RecordStatus.DRAFT)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Record of {self.meeting}"

    @property
    def is_locked(self) -> bool:
        return self.status == RecordStatus.APPROVED


class NetworkRecordEntry(models.Model):
    """What was discussed and decided under one agenda item."""

    record = models.ForeignKey(NetworkRecord, on_delete=models.CASCADE, related_name="entries")
    agenda_item = models.ForeignKey(
        NetworkAgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    position = models.PositiveIntegerField()
    discussion = models.TextField(blank=True)
    decisions = models.TextField(blank=True)

    text_gate = TextGate(gated={"discussion": "Discussion", "decisions": "Decisions"})

    class Meta:
        ordering = ["record", "position", "pk"]

    def __str__(self) -> str:
        return f"Entry {self.position} of {self.record}"


class NetworkAction(models.Model):
    """An action agreed at a network meeting: owned by someone invited to it, due on a date."""

    entry = models.ForeignKey(NetworkRecordEntry, on_delete=models.CASCADE, related_name="actions")
    text = models.TextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="network_actions"
    )
    due_on = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)

    text_gate = TextGate(gated={"text": "Action"})

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]
