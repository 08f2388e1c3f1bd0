"""Case studies: the four-part template, themes, next steps, follow-up, and the case's history (transitions and
revisions) from draft to learning object."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone

from core.text_gate import TextGate


class Theme(models.Model):
    """A theme seen across cases (dual diagnosis, weekend crises...): a list the programme manages."""

    name = models.CharField(max_length=100, unique=True)

    text_gate = TextGate(gated={}, exempt={"name": "A programme-managed list of topics, kept by admins."})

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CaseKind(models.TextChoices):
    CHALLENGING = "challenging", "Challenging case"
    INNOVATIVE = "innovative", "Innovative practice: what worked well"


class CaseStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SHARED = "shared", "Shared with the site"
    DISCUSSED = "discussed", "Discussed at a meeting"
    FOLLOWED_UP = "followed_up", "Followed up"
    WRITTEN_UP = "written_up", "Written up as a learning object"
    PUBLISHED = "published", "Published to the repository"
    PUBLIC = "public", "Published openly"


LEARNING_OBJECT_STATUSES = (CaseStatus.PUBLISHED, CaseStatus.PUBLIC)


class Outcome(models.TextChoices):
    RECOVERY = "recovery", "Recovery: things changed for the better"
    MAINTENANCE = "maintenance", "Maintenance: stable, not worse"
    PREVENTION = "prevention", "Prevention: a crisis was avoided"
    NONE_YET = "none_yet", "No outcome yet"


class CaseQuerySet(models.QuerySet):
    def learning_objects(self):
        return self.filter(status__in=LEARNING_OBJECT_STATUSES)

    def public(self):
        return self.filter(status=CaseStatus.PUBLIC)


class Case(models.Model):
    site = models.ForeignKey("sites.Site", on_delete=models.PROTECT, related_name="cases")
    presenters = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="presented_cases")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=CaseKind.choices, default=CaseKind.CHALLENGING)
    themes = models.ManyToManyField(Theme, blank=True, related_name="cases")
    # The four parts of the template (next steps are ActionItem rows).
    presentation = models.TextField("Presentation of the case")
    learning = models.TextField("Learning for improved practice", blank=True)
    commissioner_issues = models.TextField("Issues for commissioners", blank=True)
    # The facilitator's write-up as a learning object.
    summary = models.TextField("Write-up summary", blank=True)
    status = models.CharField(max_length=16, choices=CaseStatus.choices, default=CaseStatus.DRAFT)
    meeting = models.ForeignKey(
        "sites.Meeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="discussed_cases",
        help_text="The meeting where the case was discussed.",
    )
    outcome = models.CharField(max_length=16, choices=Outcome.choices, default=Outcome.NONE_YET)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)
    # Weighted search document (PostgreSQL only; kept up to date by the services).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = CaseQuerySet.as_manager()

    text_gate = TextGate(
        gated={
            "title": "Title",
            "presentation": "Presentation of the case",
            "learning": "Learning for improved practice",
            "commissioner_issues": "Issues for commissioners",
            "summary": "Write-up summary",
        }
    )

    class Meta:
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["site", "status"]), models.Index(fields=["status", "published_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_draft(self) -> bool:
        return self.status == CaseStatus.DRAFT

    @property
    def is_learning_object(self) -> bool:
        return self.status in LEARNING_OBJECT_STATUSES


class ActionStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    TRIED_HELPFUL = "tried_helpful", "Tried and helpful"
    TRIED_NOT_HELPFUL = "tried_not_helpful", "Tried and not helpful"
    NOT_TRIED = "not_tried", "Not tried"


class ActionItem(models.Model):
    """A next step: a suggestion for practical action from the discussion."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="actions")
    text = models.TextField("Next step")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="case_actions"
    )
    owner_agency = models.CharField("Agency responsible", max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=ActionStatus.choices, default=ActionStatus.PROPOSED)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    # The first is the step itself: its findings are kept as "action:<pk>", the others as "action:<pk>:<field>".
    text_gate = TextGate(
        gated={"text": "Next step", "owner_agency": "Next step (agency responsible)", "note": "Next step (note)"}
    )

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class FollowUp(models.Model):
    """Feedback on a case at a later meeting: what happened, which actions helped, the outcome."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="follow_ups")
    meeting = models.ForeignKey("sites.Meeting", on_delete=models.PROTECT, related_name="case_follow_ups")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    what_happened = models.TextField("What happened")
    helpful_actions = models.ManyToManyField(ActionItem, blank=True, related_name="helped_in")
    outcome = models.CharField(max_length=16, choices=Outcome.choices, default=Outcome.NONE_YET)

    text_gate = TextGate(gated={"what_happened": "Follow-up"})

    class Meta:
        ordering = ["recorded_at", "pk"]

    def __str__(self) -> str:
        return f"Follow-up of {self.case} at {self.meeting}"


class CaseTransition(models.Model):
    """Every move of a case through its lifecycle, with who made it and when."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=16, choices=CaseStatus.choices)
    to_status = models.CharField(max_length=16, choices=CaseStatus.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.case}: {self.from_status} -> {self.to_status}"


class CaseRevision(models.Model):
    """A snapshot of the case's text after each edit, for the site's facilitators."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="revisions")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    snapshot = models.JSONField()

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.case} at {self.at:%d/%m/%Y %H:%M}"
