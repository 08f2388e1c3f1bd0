"""The meeting record: an entry per agenda item, the actions agreed, members' corrections, the approved versions
and who was sent them; and the reminder of each action."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone

from core.text_gate import TextGate
from cycle.models.agendas import AgendaItem
from sites.models import Meeting


class RecordStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved"


class MeetingRecord(models.Model):
    """The record of a meeting. Approving it locks it and keeps a copy as a numbered version; changing it
    afterwards opens the next version as a draft."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="record")
    status = models.CharField(max_length=12, choices=RecordStatus.choices, default=RecordStatus.DRAFT)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "sites_meetingrecord"

    def __str__(self) -> str:
        return f"Record of {self.meeting}, version {self.version}"

    @property
    def is_locked(self) -> bool:
        return self.status == RecordStatus.APPROVED


class RecordEntry(models.Model):
    """What was discussed under one agenda item, and the follow-ups reported."""

    record = models.ForeignKey(MeetingRecord, on_delete=models.CASCADE, related_name="entries")
    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    position = models.PositiveIntegerField()
    discussion = models.TextField(blank=True)
    follow_ups = models.TextField("Follow-ups reported", blank=True)
    # The search document (discussion and follow-ups), kept up to date by PostgreSQL: core/search_index.py.
    search_vector = SearchVectorField(null=True, editable=False)

    text_gate = TextGate(gated={"discussion": "Discussion", "follow_ups": "Follow-ups reported"})

    class Meta:
        db_table = "sites_recordentry"
        ordering = ["record", "position", "pk"]

    def __str__(self) -> str:
        return f"Entry {self.position} of {self.record}"


class RecordActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"


class RecordAction(models.Model):
    """An action agreed at the meeting: owned by a member of the site or by an agency, due by the next
    meeting or on a date."""

    entry = models.ForeignKey(RecordEntry, on_delete=models.CASCADE, related_name="actions")
    text = models.TextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="meeting_actions"
    )
    owner_agency = models.CharField(max_length=200, blank=True)
    due_on = models.DateField(null=True, blank=True, help_text="Empty: due by the next meeting.")
    status = models.CharField(max_length=8, choices=RecordActionStatus.choices, default=RecordActionStatus.OPEN)
    done_note = models.TextField(blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    text_gate = TextGate(gated={"text": "Action", "owner_agency": "Agency responsible", "done_note": "Note"})

    class Meta:
        db_table = "sites_recordaction"
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["owner", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(owner__isnull=False) | ~models.Q(owner_agency=""), name="record_action_has_owner"
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_open(self) -> bool:
        return self.status == RecordActionStatus.OPEN


class RecordComment(models.Model):
    """A correction suggested by a member who was present, on one entry of the draft record."""

    entry = models.ForeignKey(RecordEntry, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    text_gate = TextGate(gated={"text": "Suggested correction"})

    class Meta:
        db_table = "sites_recordcomment"
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Comment on {self.entry}"


class RecordVersion(models.Model):
    """An approved version of a meeting record, kept as it was approved."""

    record = models.ForeignKey(MeetingRecord, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    content = models.JSONField()
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    approved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "sites_recordversion"
        ordering = ["record", "number"]
        constraints = [models.UniqueConstraint(fields=["record", "number"], name="record_version_unique_number")]

    def __str__(self) -> str:
        return f"{self.record.meeting}, version {self.number}"


class RecordDelivery(models.Model):
    """One row per approved version and member it was emailed to."""

    version = models.ForeignKey(RecordVersion, on_delete=models.CASCADE, related_name="deliveries")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "sites_recorddelivery"
        constraints = [models.UniqueConstraint(fields=["version", "person"], name="record_delivery_once")]

    def __str__(self) -> str:
        return f"Record version {self.version_id} to {self.person_id}"


class ActionReminder(models.Model):
    """One row per action whose owner was reminded before it is due."""

    action = models.OneToOneField(RecordAction, on_delete=models.CASCADE, related_name="reminder")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "sites_actionreminder"

    def __str__(self) -> str:
        return f"Reminder for action {self.action_id}"
