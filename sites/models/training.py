"""A facilitator's training: the two-day course in advanced group work and the supervision sessions the programme
team gives (report: facilitators were trained, supervised and met quarterly as a network)."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.text_gate import TextGate


class TrainingKind(models.TextChoices):
    COURSE = "course", "Two-day course in advanced group work"
    SUPERVISION = "supervision", "Supervision session"
    OTHER = "other", "Other training"


class FacilitatorTraining(models.Model):
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_records")
    kind = models.CharField(max_length=16, choices=TrainingKind.choices)
    held_on = models.DateField()
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    text_gate = TextGate(gated={"notes": "Notes"})

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.held_on:%d/%m/%Y}"
