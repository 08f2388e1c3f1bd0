"""Evidence: the knowledge brokers' library, evidence attached to cases, and questions for the broker."""

import secrets

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone

from cases.models.cases import Case, Theme
from core.text_gate import TextGate

PUBLISHED_WORK = "Bibliographic details of published work: authors are cited by name, as published."


class EvidenceKind(models.TextChoices):
    RESEARCH = "research", "Research"
    POLICY = "policy", "Policy"
    GUIDANCE = "guidance", "Guidance"
    LOCAL_DATA = "local_data", "Local data"
    PRACTICE = "practice", "Practice example"


def evidence_file_name(instance, filename: str) -> str:
    """A random name under evidence/: the original name is kept (sanitised) in `file_name`, never on disk."""
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

    # The summary is the broker's own words for practice (shown on cases, in the API and newsletters): gated.
    text_gate = TextGate(
        gated={"summary": "What this means for practice"},
        exempt={
            "title": PUBLISHED_WORK,
            "authors": PUBLISHED_WORK,
            "publisher": PUBLISHED_WORK,
            "doi": PUBLISHED_WORK,
            "url": PUBLISHED_WORK,
            "abstract": PUBLISHED_WORK,
            "file_name": "The uploaded file's name, sanitised; shown only to signed-in people in the library.",
            "file_type": "A content type the upload check found, not typed by anyone.",
            "title_key": "Derived from the title for duplicate detection, never shown.",
        },
    )

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

    text_gate = TextGate(gated={"note": "Why it matters for this case"})

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

    text_gate = TextGate(gated={"text": "Question", "reply": "Reply"})

    class Meta:
        ordering = ["asked_at", "pk"]
        indexes = [models.Index(fields=["status", "asked_at"])]

    def __str__(self) -> str:
        return self.text[:60]
