"""The findings of the anonymisation gate: possible personal data in a case's texts, until fixed or dismissed."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from cases.models.cases import ActionItem, Case, FollowUp
from core.anonymisation import KIND_LABELS
from core.text_gate import TextGate


class FindingStatus(models.TextChoices):
    OPEN = "open", "Open"
    DISMISSED = "dismissed", "Not personal data"
    REOPENED = "reopened", "Reopened by a facilitator"
    AWAITING = "awaiting", "Not personal data, waiting for a facilitator to confirm"


CASE_TEXT_FIELDS = dict(Case.text_gate.gated)
# The case's children whose text the gate checks: the gate field name's prefix, the related name and the model.
# A child's first gated field is kept as "<prefix>:<pk>", the others as "<prefix>:<pk>:<field>".
GATED_CHILDREN = (("action", "actions", ActionItem), ("followup", "follow_ups", FollowUp))


def child_field(prefix: str, pk, model, name: str) -> str:
    """The gate field name of one gated field of a case's child ("action:12", "action:12:owner_agency")."""
    first = next(iter(model.text_gate.gated))
    return f"{prefix}:{pk}" if name == first else f"{prefix}:{pk}:{name}"


def field_label(field: str) -> str:
    """The label people know for a gate field name ("presentation", "action:12", "action:12:note")."""
    if field in CASE_TEXT_FIELDS:
        return CASE_TEXT_FIELDS[field]
    prefix, _, rest = field.partition(":")
    for known, _, model in GATED_CHILDREN:
        if prefix == known:
            _, _, name = rest.partition(":")
            labels = model.text_gate.gated
            return labels.get(name) or next(iter(labels.values()))
    return field


# A structured identifier marked "not personal data" waits for a facilitator's confirmation and blocks until then.
BLOCKING_FINDING_STATUSES = (FindingStatus.OPEN, FindingStatus.REOPENED, FindingStatus.AWAITING)


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
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = FindingQuerySet.as_manager()

    text_gate = TextGate(
        gated={},
        exempt={
            "field": "The name of the field the finding is in, set by the gate.",
            "kind": "The kind of finding, set by the gate.",
            "excerpt": 'A masked excerpt made by the gate ("07•••••123"), never the text itself.',
            "digest": "A keyed digest made by the gate, never shown.",
            "reason": "Seen only by the case's presenters and the site's facilitators who review the dismissal; "
            "never shared, published or served by the API.",
        },
    )

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
    def is_awaiting_confirmation(self) -> bool:
        return self.status == FindingStatus.AWAITING

    @property
    def is_blocking(self) -> bool:
        return self.in_text and self.status in BLOCKING_FINDING_STATUSES


# ---------------------------------------------------------------------------------------------------------------
