"""The findings of the anonymisation gate: possible personal data in a case's texts, until fixed or dismissed."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from cases.models.cases import Case
from core.anonymisation import KIND_LABELS


class FindingStatus(models.TextChoices):
    OPEN = "open", "Open"
    DISMISSED = "dismissed", "Not personal data"
    REOPENED = "reopened", "Reopened by a facilitator"


CASE_TEXT_FIELDS = {
    "title": "Title",
    "presentation": "Presentation of the case",
    "learning": "Learning for improved practice",
    "commissioner_issues": "Issues for commissioners",
    "summary": "Write-up summary",
}


def field_label(field: str) -> str:
    """The label people know for a gate field name ("presentation", "action:12", "followup:3:note")."""
    if field in CASE_TEXT_FIELDS:
        return CASE_TEXT_FIELDS[field]
    kind, _, rest = field.partition(":")
    if kind == "action":
        return "Next step (note)" if rest.endswith(":note") else "Next step"
    if kind == "followup":
        return "Follow-up"
    return field


BLOCKING_FINDING_STATUSES = (FindingStatus.OPEN, FindingStatus.REOPENED)


class FindingQuerySet(models.QuerySet):
    def blocking(self):
        return self.filter(status__in=BLOCKING_FINDING_STATUSES, in_text=True)


class Finding(models.Model):
    """Possible personal data the gate found in one field of a case.

    Never stores the text found: only its kind, offsets, a short masked excerpt for people to recognise it
    ("07•••••123") and a keyed digest, so a finding dismissed once stays dismissed when the text is saved again.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="findings")
    field = models.CharField(max_length=40)  # "presentation", "action:12", "followup:3"...
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    kind = models.CharField(max_length=20)
    excerpt = models.CharField(max_length=40)
    digest = models.CharField(max_length=64)
    in_text = models.BooleanField(default=True, help_text="Still found in the field's current text.")
    status = models.CharField(max_length=12, choices=FindingStatus.choices, default=FindingStatus.OPEN)
    reason = models.TextField(blank=True, help_text="Why this is not personal data.")
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dismissed_at = models.DateTimeField(null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reopened_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = FindingQuerySet.as_manager()

    class Meta:
        ordering = ["field", "start"]
        constraints = [
            models.UniqueConstraint(fields=["case", "field", "kind", "digest"], name="one_finding_per_field_text"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} in {self.field}: {self.excerpt}"

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def field_label(self) -> str:
        return field_label(self.field)

    @property
    def is_blocking(self) -> bool:
        return self.in_text and self.status in BLOCKING_FINDING_STATUSES


# ---------------------------------------------------------------------------------------------------------------
