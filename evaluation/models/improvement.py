"""From self-assessment to action: after a round, the facilitator's improvement plan against the weakest
questions, which the next round's results compare against."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.text_gate import TextGate


class ImprovementPlan(models.Model):
    """The plan written after one (closed) self-assessment round; the next round of the site is compared with it."""

    round = models.OneToOneField("evaluation.AssessmentRound", on_delete=models.CASCADE, related_name="plan")
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    written_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Improvement plan after {self.round}"


class ImprovementAction(models.Model):
    """One action against one question: what will be done, who does it and when the group looks at it again."""

    plan = models.ForeignKey(ImprovementPlan, on_delete=models.CASCADE, related_name="actions")
    question = models.ForeignKey("evaluation.AssessmentQuestion", on_delete=models.PROTECT, related_name="+")
    action = models.TextField()
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    review_on = models.DateField()

    text_gate = TextGate(gated={"action": "Action"})

    class Meta:
        ordering = ["question__position"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "question"], name="improvement_action_once_per_question"),
        ]

    def __str__(self) -> str:
        return f"Action {self.pk}"
