"""A meeting's agenda: proposed items, the facilitator's changes, its publication and who was sent it."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone

from core.text_gate import TextGate
from sites.models import Meeting


class AgendaItemKind(models.TextChoices):
    CASE = "case", "Case to present"
    FOLLOW_UP = "follow_up", "Follow-up"
    EVIDENCE = "evidence", "Evidence found"
    QUESTION = "question", "Question waiting for a broker"
    ISSUE = "issue", "Commissioners' update on issues raised"
    STANDING = "standing", "Standing item"
    OTHER = "other", "Other item"


class AgendaItem(models.Model):
    """One line of a meeting's agenda: proposed from what is open at the site (source_key says from
    what), or added by the facilitator (no source_key). Removed items stay, so they are not proposed again."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=16, choices=AgendaItemKind.choices)
    title = models.CharField(max_length=200)
    case = models.ForeignKey("cases.Case", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    source_key = models.CharField(max_length=80, blank=True)
    removed = models.BooleanField(default=False)
    # The search document (the title), kept up to date by PostgreSQL: core/search_index.py.
    search_vector = SearchVectorField(null=True, editable=False)

    text_gate = TextGate(
        gated={"title": "Agenda item"},
        exempt={"source_key": "Which case or follow-up the item was made from, set by the code, never shown."},
    )

    class Meta:
        db_table = "sites_agendaitem"
        ordering = ["meeting", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "source_key"], condition=~models.Q(source_key=""), name="agenda_item_once_per_source"
            )
        ]

    def __str__(self) -> str:
        return self.title


class AgendaPublication(models.Model):
    """The facilitator published the meeting's agenda to its members."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="agenda_publication")
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    published_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "sites_agendapublication"

    def __str__(self) -> str:
        return f"Agenda of {self.meeting_id} published"


class AgendaDelivery(models.Model):
    """One row per member and meeting whose agenda was emailed, so it goes exactly once."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_deliveries")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "sites_agendadelivery"
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="agenda_delivery_once")]

    def __str__(self) -> str:
        return f"Agenda of {self.meeting_id} to {self.person_id}"
