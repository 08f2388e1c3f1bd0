"""Members' replies to a meeting: coming, can't come (apologies, with an optional note) or maybe. One reply per
person and meeting, changed as often as they like until the meeting starts; the register opens with them."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.text_gate import TextGate
from sites.models.meetings import Meeting


class ReplyAnswer(models.TextChoices):
    COMING = "coming", "Coming"
    CANT_COME = "cant_come", "Can't come"
    MAYBE = "maybe", "Maybe"


class MeetingReply(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="replies")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_replies")
    answer = models.CharField(max_length=12, choices=ReplyAnswer.choices)
    note = models.CharField(max_length=300, blank=True)
    replied_at = models.DateTimeField(default=timezone.now)

    text_gate = TextGate(
        gated={},
        exempt={
            "note": "A member's own note to the site's facilitators with their apologies (about themselves, not a "
            "case); only the facilitators and programme admins read it, on the register.",
        },
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="meeting_reply_one_per_person"),
            models.CheckConstraint(
                condition=models.Q(answer__in=["coming", "cant_come", "maybe"]), name="meeting_reply_answer_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} {self.answer} for meeting {self.meeting_id}"

    @property
    def is_apology(self) -> bool:
        return self.answer == ReplyAnswer.CANT_COME
