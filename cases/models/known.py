"""The programme's list of known organisations and public numbers: the gate never raises a finding on them."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class KnownTermKind(models.TextChoices):
    ORGANISATION = "organisation", "Organisation or service"
    NUMBER = "number", "Public phone number"


class KnownTermQuerySet(models.QuerySet):
    def listed(self):
        return self.filter(listed=True)


class KnownTerm(models.Model):
    """An organisation ("St Mungo's") or a published number ("Samaritans 116 123") that is never personal data.

    Seeded from `core/anonymisation/known_services.py`; programme admins add, change and remove entries. A removed
    entry is kept, unlisted, as the record of the decision (and so the list never falls back to the seed list)."""

    kind = models.CharField(max_length=20, choices=KnownTermKind.choices, default=KnownTermKind.ORGANISATION)
    text = models.CharField(
        max_length=200, help_text="The organisation's name as people write it, or the number (spaces do not matter)."
    )
    label = models.CharField(max_length=200, blank=True, help_text="For a number: whose number it is.")
    listed = models.BooleanField(default=True, help_text="Untick to remove it from the list: the gate raises it again.")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    objects = KnownTermQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "text"]
        verbose_name = "known organisation or public number"
        constraints = [models.UniqueConstraint(fields=["kind", "text"], name="one_known_term_per_kind_and_text")]

    def __str__(self) -> str:
        return f"{self.text} ({self.label})" if self.label else self.text
