"""Evaluation and development: member surveys, focus groups and the team self-assessment.

Confidentiality: a survey response or a self-assessment keeps its respondent only so that each person
answers once and can change their answers. No page, export or admin list shows who answered what;
pages show aggregates, withheld below `MIN_RESPONSES`.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

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

    class Meta:
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="answer_once_per_question")]

    def __str__(self) -> str:
        return f"Answer {self.pk}"


# Focus groups
class FocusGroup(models.Model):
    site = models.ForeignKey("sites.Site", on_delete=models.CASCADE, related_name="focus_groups")
    held_on = models.DateField()
    attendees_count = models.PositiveSmallIntegerField()
    themes = models.TextField(help_text="Themes raised, one a line.")
    quotes = models.TextField(blank=True, help_text="Notable quotes, one a line, without names.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"Focus group at {self.site} on {self.held_on:%d/%m/%Y}"

    @property
    def theme_lines(self) -> list[str]:
        return [line.strip() for line in self.themes.splitlines() if line.strip()]

    @property
    def quote_lines(self) -> list[str]:
        return [line.strip() for line in self.quotes.splitlines() if line.strip()]


# Team self-assessment: Adair's three domains, Tuckman's stages, the four learning cultures
class Domain(models.TextChoices):
    TASK = "task", "Achieving the task"
    TEAM = "team", "Building and maintaining the team"
    INDIVIDUAL = "individual", "Developing the individual"


class Stage(models.TextChoices):
    FORMING = "forming", "Forming"
    STORMING = "storming", "Storming"
    NORMING = "norming", "Norming"
    PERFORMING = "performing", "Performing"


LEARNING_CULTURES = [
    ("professional", "Professional learning culture"),
    ("managed", "Managed learning culture"),
    ("humanistic", "Humanistic learning culture"),
    ("democratic", "Democratic learning culture"),
]


class AssessmentQuestion(models.Model):
    domain = models.CharField(max_length=12, choices=Domain.choices)
    position = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=300)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["position"], name="assessment_question_position_unique")]

    def __str__(self) -> str:
        return self.text


class RoundStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class AssessmentRound(models.Model):
    site = models.ForeignKey("sites.Site", on_delete=models.CASCADE, related_name="assessment_rounds")
    status = models.CharField(max_length=8, choices=RoundStatus.choices, default=RoundStatus.OPEN)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    opened_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-opened_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["site"], condition=models.Q(status="open"), name="assessment_round_one_open_per_site"
            )
        ]

    def __str__(self) -> str:
        return f"Self-assessment at {self.site} opened {timezone.localdate(self.opened_at):%d/%m/%Y}"

    @property
    def is_open(self) -> bool:
        return self.status == RoundStatus.OPEN


def _one_to_five():
    return [MinValueValidator(1), MaxValueValidator(5)]


class Assessment(models.Model):
    """One person's self-assessment in a round. `respondent` is for the one-answer rule and editing only."""

    round = models.ForeignKey(AssessmentRound, on_delete=models.CASCADE, related_name="assessments")
    respondent = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    stage = models.CharField(max_length=12, choices=Stage.choices)
    professional = models.PositiveSmallIntegerField(validators=_one_to_five())
    managed = models.PositiveSmallIntegerField(validators=_one_to_five())
    humanistic = models.PositiveSmallIntegerField(validators=_one_to_five())
    democratic = models.PositiveSmallIntegerField(validators=_one_to_five())
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "respondent"], name="assessment_one_per_person_per_round"),
            *[
                models.CheckConstraint(
                    condition=models.Q(**{f"{culture}__gte": 1, f"{culture}__lte": 5}),
                    name=f"assessment_{culture}_one_to_five",
                )
                for culture, _ in LEARNING_CULTURES
            ],
        ]

    def __str__(self) -> str:
        return f"Assessment {self.pk}"


class AssessmentRating(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="ratings")
    question = models.ForeignKey(AssessmentQuestion, on_delete=models.PROTECT, related_name="+")
    rating = models.PositiveSmallIntegerField(validators=_one_to_five())
    comment = models.CharField(max_length=500, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "question"], name="assessment_rating_once_per_question"),
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="assessment_rating_one_to_five"
            ),
        ]

    def __str__(self) -> str:
        return f"Rating {self.pk}"
