"""A person's own reflective notes for their continuing professional development. Private to their author: no one
else reads them, not a facilitator, not a programme admin (the Django admin does not list them either)."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.text_gate import TextGate


class ReflectiveNote(models.Model):
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflective_notes")
    written_on = models.DateField(default=timezone.localdate)
    title = models.CharField(max_length=200)
    text = models.TextField()
    meeting = models.ForeignKey(
        "sites.Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        help_text="The meeting the note reflects on, if any.",
    )  # fmt: skip
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    text_gate = TextGate(
        gated={},
        exempt={
            "title": "A private reflective note's title: read by its author only, never shared or published.",
            "text": "A private reflective note: read by its author only (not facilitators, not admins), never shared, "
            "published or put in a certificate.",
        },
    )

    class Meta:
        ordering = ["-written_on", "-pk"]
        indexes = [models.Index(fields=["person", "written_on"])]

    def __str__(self) -> str:
        return f"Reflective note {self.pk} of {self.person_id}"
