"""Guest speakers at a meeting: people from outside the programme who are neither knowledge brokers nor
commissioners. They have no account and see nothing in the product; the agenda and the register name them."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.text_gate import TextGate
from sites.models.meetings import Meeting


class GuestSpeaker(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="guest_speakers")
    name = models.CharField(max_length=200)
    organisation = models.CharField(max_length=200, blank=True)
    topic = models.CharField(max_length=200)
    attended = models.BooleanField(null=True, blank=True)  # None until the register says
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    text_gate = TextGate(
        gated={"topic": "Topic"},
        exempt={
            "name": "The speaker's own name, given by them to appear on the agenda: a visitor, not a person discussed.",
            "organisation": "The organisation the speaker comes from, named on the agenda as they asked.",
        },
    )

    class Meta:
        ordering = ["added_at", "pk"]

    def __str__(self) -> str:
        return f"{self.name}: {self.topic}"

    @property
    def agenda_title(self) -> str:
        who = f"{self.name} ({self.organisation})" if self.organisation else self.name
        return f"Guest speaker: {who} on {self.topic}"[:200]
