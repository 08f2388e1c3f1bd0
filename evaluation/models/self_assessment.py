"""The team self-assessment: Adair's three domains, Tuckman's stages and the four learning cultures; rounds at a
site, each member's assessment and its ratings."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from core.text_gate import TextGate


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

    text_gate = TextGate(gated={}, exempt={"text": "The paper's self-assessment questions, kept by programme admins."})

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

    text_gate = TextGate(gated={"comment": "Comment"})

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "question"], name="assessment_rating_once_per_question"),
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="assessment_rating_one_to_five"
            ),
        ]

    def __str__(self) -> str:
        return f"Rating {self.pk}"
