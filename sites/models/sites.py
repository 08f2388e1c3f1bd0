"""Host sites and the disciplines each wants among its members."""

from decimal import Decimal

from django.db import models
from django.utils import timezone

DEFAULT_AWARD = Decimal("6950.00")


class SiteStatus(models.TextChoices):
    SETTING_UP = "setting_up", "Setting up"
    ACTIVE = "active", "Active"
    CLOSED = "closed", "Closed"
    FAILED = "failed", "Failed"


ENDED_STATUSES = {SiteStatus.CLOSED, SiteStatus.FAILED}


class Site(models.Model):
    """A host site: one community of practice (the report's CP1..CP6)."""

    code = models.CharField(max_length=12, unique=True, help_text="Short code, for example CP1.")
    name = models.CharField(max_length=200)
    town = models.CharField(max_length=100)
    host_organisation = models.CharField(max_length=200)
    start_date = models.DateField(default=timezone.localdate)
    status = models.CharField(max_length=16, choices=SiteStatus.choices, default=SiteStatus.SETTING_UP)
    ended_on = models.DateField(null=True, blank=True)
    ended_reason = models.TextField(blank=True, help_text="Why the site closed or failed.")
    award = models.DecimalField(max_digits=10, decimal_places=2, default=DEFAULT_AWARD)
    target_size_min = models.PositiveSmallIntegerField(default=6)
    target_size_max = models.PositiveSmallIntegerField(default=10)
    reminder_days_before = models.PositiveSmallIntegerField(
        default=3, help_text="How many days before each meeting members get a reminder email."
    )

    class Meta:
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(target_size_min__lte=models.F("target_size_max")),
                name="site_target_size_range",
            ),
            models.CheckConstraint(condition=models.Q(award__gte=0), name="site_award_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def community_name(self) -> str:
        """'Brighton community of practice', whether or not the site's name already says 'Community of Practice'."""
        if "community of practice" in self.name.lower():
            return self.name
        return f"{self.name} community of practice"

    @property
    def has_ended(self) -> bool:
        return self.status in ENDED_STATUSES


class TargetDiscipline(models.Model):
    """A discipline the site wants among its members (the report's hardest to recruit are the defaults).
    A current member fills it when their sector matches (if set) and their job title contains a keyword."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="target_disciplines")
    name = models.CharField(max_length=200)
    sector = models.CharField(max_length=32, blank=True)
    keywords = models.CharField(max_length=300, help_text="Comma-separated words matched in job titles.")

    class Meta:
        ordering = ["site", "name"]
        constraints = [models.UniqueConstraint(fields=["site", "name"], name="target_discipline_unique_name")]

    def __str__(self) -> str:
        return self.name
