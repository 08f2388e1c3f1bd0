"""Member surveys: a survey opened to sites, its questions, and the responses with their answers (one response
per person, never shown with a name). Aggregates are withheld below MIN_RESPONSES."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.text_gate import TextGate

MIN_RESPONSES = 5
WITHHELD = f"Fewer than {MIN_RESPONSES} responses: withheld to protect confidentiality"


# Surveys
class SurveyStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class Agreement(models.IntegerChoices):
    STRONGLY_DISAGREE = 1, "Strongly disagree"
    DISAGREE = 2, "Disagree"
    NEITHER = 3, "Neither agree nor disagree"
    AGREE = 4, "Agree"
    STRONGLY_AGREE = 5, "Strongly agree"


class QuestionKind(models.TextChoices):
    STATEMENT = "statement", "Statement (five-point agreement scale)"
    FREE_TEXT = "free_text", "Free-text question"


class Survey(models.Model):
    title = models.CharField(max_length=200)
    introduction = models.TextField(blank=True, help_text="Shown to members above the questions.")
    status = models.CharField(max_length=8, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT)
    sites = models.ManyToManyField("sites.Site", through="SurveySite", related_name="surveys", blank=True)
    opens_on = models.DateField(null=True, blank=True)
    closes_on = models.DateField(null=True, blank=True)
    # Members the survey was opened to (current members of the chosen sites, facilitators excluded),
    # counted when it opened so the response rate does not drift as people join or leave.
    invited_count = models.PositiveIntegerField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    text_gate = TextGate(
        gated={},
        exempt={
            "title": "Written by programme admins to introduce a survey about the programme itself.",
            "introduction": "Written by programme admins to introduce a survey about the programme itself.",
        },
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens_on__isnull=True)
                | models.Q(closes_on__isnull=True)
                | models.Q(closes_on__gte=models.F("opens_on")),
                name="survey_closes_after_opening",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_draft(self) -> bool:
        return self.status == SurveyStatus.DRAFT

    def results_available(self, today=None) -> bool:
        """Results appear once no more answers can come: the survey is closed, or its last day has passed. While
        answers are coming in, watching the counts move would tell who answered what."""
        today = today or timezone.localdate()
        return self.status == SurveyStatus.CLOSED or (
            self.status == SurveyStatus.OPEN and self.closes_on is not None and self.closes_on < today
        )

    def accepts_answers(self, today=None) -> bool:
        """Open, and today inside the window (opens_on .. closes_on, both included)."""
        today = today or timezone.localdate()
        return (
            self.status == SurveyStatus.OPEN
            and self.opens_on is not None
            and self.closes_on is not None
            and self.opens_on <= today <= self.closes_on
        )


class SurveySite(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="survey_sites")
    site = models.ForeignKey("sites.Site", on_delete=models.CASCADE, related_name="+")
    invited_count = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["site__code"]
        constraints = [models.UniqueConstraint(fields=["survey", "site"], name="survey_site_once")]

    def __str__(self) -> str:
        return f"{self.survey} at {self.site}"


class Question(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=12, choices=QuestionKind.choices, default=QuestionKind.STATEMENT)
    text = models.TextField()

    text_gate = TextGate(gated={}, exempt={"text": "A survey statement or question written by programme admins."})

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def is_statement(self) -> bool:
        return self.kind == QuestionKind.STATEMENT


class Response(models.Model):
    """One member's answers to a survey. `respondent` is for the one-response rule and editing only."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    respondent = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    site = models.ForeignKey("sites.Site", on_delete=models.CASCADE, related_name="+")
    submitted_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "respondent"], name="survey_one_response_per_member")]

    def __str__(self) -> str:
        return f"Response {self.pk} to {self.survey_id}"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    agreement = models.PositiveSmallIntegerField(choices=Agreement.choices, null=True, blank=True)
    text = models.TextField(blank=True)

    text_gate = TextGate(gated={"text": "Answer"})

    class Meta:
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="answer_once_per_question")]

    def __str__(self) -> str:
        return f"Answer {self.pk}"
