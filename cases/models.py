"""Case studies: the four-part template, its lifecycle from draft to learning object, follow-up, and the
findings of the anonymisation gate."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone


class Theme(models.Model):
    """A theme seen across cases (dual diagnosis, weekend crises...): a list the programme manages."""

    name = models.CharField(max_length=100, unique=True)

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
        from core.anonymisation import KIND_LABELS

        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def field_label(self) -> str:
        return field_label(self.field)

    @property
    def is_blocking(self) -> bool:
        return self.in_text and self.status in BLOCKING_FINDING_STATUSES


# ---------------------------------------------------------------------------------------------------------------
# Evidence: the knowledge brokers' library, evidence attached to cases, and questions for the broker.
# ---------------------------------------------------------------------------------------------------------------
class EvidenceKind(models.TextChoices):
    RESEARCH = "research", "Research"
    POLICY = "policy", "Policy"
    GUIDANCE = "guidance", "Guidance"
    LOCAL_DATA = "local_data", "Local data"
    PRACTICE = "practice", "Practice example"


def evidence_file_name(instance, filename: str) -> str:
    """A random name under evidence/: the original name is kept (sanitised) in `file_name`, never on disk."""
    import secrets

    return f"evidence/{secrets.token_hex(16)}"


class Evidence(models.Model):
    kind = models.CharField(max_length=16, choices=EvidenceKind.choices, default=EvidenceKind.RESEARCH)
    title = models.CharField(max_length=500)
    authors = models.CharField(max_length=1000, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    publisher = models.CharField("Journal or publisher", max_length=300, blank=True)
    doi = models.CharField("DOI", max_length=200, blank=True, help_text="Stored lower-case, without https://doi.org/.")
    url = models.URLField("Link", max_length=500, blank=True)
    abstract = models.TextField(blank=True)
    summary = models.TextField("What this means for practice", blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="evidence")
    file = models.FileField(upload_to=evidence_file_name, blank=True)
    file_name = models.CharField(max_length=200, blank=True, help_text="The original file name, sanitised.")
    file_type = models.CharField(max_length=100, blank=True, help_text="The content type found in the file.")
    file_size = models.PositiveIntegerField(null=True, blank=True)
    # Normalised title (lower-case letters and digits) for duplicate detection with the year.
    title_key = models.CharField(max_length=500, editable=False, db_index=True, default="")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["-added_at", "-pk"]
        verbose_name_plural = "evidence"
        constraints = [
            models.UniqueConstraint(fields=["doi"], condition=~models.Q(doi=""), name="evidence_unique_doi"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""


class EvidenceLink(models.Model):
    """Evidence attached to a case by a knowledge broker, with why it matters for this case."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="evidence_links")
    evidence = models.ForeignKey(Evidence, on_delete=models.CASCADE, related_name="links")
    note = models.TextField("Why it matters for this case", blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["added_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["case", "evidence"], name="evidence_once_per_case")]

    def __str__(self) -> str:
        return f"{self.evidence} on {self.case}"


class QuestionStatus(models.TextChoices):
    OPEN = "open", "Open"
    ANSWERED = "answered", "Answered"
    CLOSED = "closed", "Closed"


class Question(models.Model):
    """A question for the knowledge brokers about a case ("is there evidence on...?")."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="questions")
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    asked_at = models.DateTimeField(default=timezone.now)
    text = models.TextField("Your question")
    status = models.CharField(max_length=10, choices=QuestionStatus.choices, default=QuestionStatus.OPEN)
    reply = models.TextField(blank=True)
    evidence = models.ManyToManyField(Evidence, blank=True, related_name="questions")
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    notified_at = models.DateTimeField(null=True, blank=True, help_text="When the asker was last emailed an answer.")

    class Meta:
        ordering = ["asked_at", "pk"]
        indexes = [models.Index(fields=["status", "asked_at"])]

    def __str__(self) -> str:
        return self.text[:60]
