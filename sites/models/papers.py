"""Papers attached to a meeting: a text (through the anonymisation gate, like the notes) or a file (checked by its
content on upload, stored under a random name, served only to people who may read the meeting's papers)."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.text_gate import TextGate
from sites.models.meetings import Meeting


def paper_file_name(instance, filename: str) -> str:
    """A random name under meeting-papers/: the original name is kept (sanitised) in `file_name`, never on disk."""
    return f"meeting-papers/{secrets.token_hex(16)}"


class MeetingPaper(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=200)
    text = models.TextField(blank=True, help_text="In Markdown.")
    file = models.FileField(upload_to=paper_file_name, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    file_type = models.CharField(max_length=100, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    text_gate = TextGate(
        gated={"title": "Title", "text": "Paper"},
        exempt={
            "file_name": "The uploaded file's name, sanitised; shown only to people who may read the meeting's papers.",
            "file_type": "The content type found in the file by the upload check, not typed by anyone.",
        },
    )

    class Meta:
        ordering = ["meeting", "added_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(text="", file=""), name="meeting_paper_has_text_or_file"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.meeting})"
