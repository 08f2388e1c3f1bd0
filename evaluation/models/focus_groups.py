"""Focus groups: what a site's focus group said, recorded by its facilitator."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.text_gate import TextGate


class FocusGroup(models.Model):
    site = models.ForeignKey("sites.Site", on_delete=models.CASCADE, related_name="focus_groups")
    held_on = models.DateField()
    attendees_count = models.PositiveSmallIntegerField()
    themes = models.TextField(help_text="Themes raised, one a line.")
    quotes = models.TextField(blank=True, help_text="Notable quotes, one a line, without names.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    text_gate = TextGate(gated={"themes": "Themes", "quotes": "Quotes"})

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
