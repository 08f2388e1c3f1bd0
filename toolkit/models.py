from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from core.text_gate import TextGate


class DefaultChecklistItemQuerySet(models.QuerySet):
    def in_use(self):
        return self.filter(retired_at__isnull=True).order_by("position", "pk")


class RecordsAnswer(models.TextChoices):
    """Steps the site's own records answer: they are ticked from the data, with the date, never by hand."""

    MEMBERS_RECRUITED = "members_recruited", "Six or more members have joined"
    EXPERTS_INVOLVED = "experts_involved", "Two or more experts by experience have joined"
    TASTER_HELD = "taster_held", "A taster session has been held"
    GROUND_RULES_AGREED = "ground_rules_agreed", "Members have agreed the ground rules at the register"
    SIX_MEETINGS_SCHEDULED = "six_meetings_scheduled", "Six or more meetings are scheduled"


class DefaultChecklistItem(models.Model):
    """One step of the set-up checklist that new sites start with. Retiring an item keeps it out of
    future sites' checklists; sites that already have it keep their own copy. A step with `answered_by_records`
    is ticked from the site's records (toolkit/checklist_answers.py); the others are ticked by hand."""

    title = models.CharField("Step", max_length=200)
    guidance = models.TextField("Guidance", blank=True, help_text="Why this step matters, in a sentence or two.")
    link = models.CharField(
        max_length=200, blank=True, help_text="Optional: an anchor on the site page, for example #gaps-heading."
    )
    position = models.PositiveSmallIntegerField(default=0)
    retired_at = models.DateTimeField(null=True, blank=True)
    answered_by_records = models.CharField(
        "Ticked from the records when", max_length=32, choices=RecordsAnswer.choices, blank=True
    )

    objects = DefaultChecklistItemQuerySet.as_manager()

    text_gate = TextGate(
        gated={},
        exempt={
            "title": "The programme's set-up guidance, written by programme admins.",
            "guidance": "The programme's set-up guidance, written by programme admins.",
            "link": "A link to guidance, written by programme admins.",
        },
    )

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class SiteChecklist(models.Model):
    """Marks that a site's checklist was copied from the defaults, so copying happens once."""

    site = models.OneToOneField("sites.Site", on_delete=models.CASCADE, related_name="checklist")
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Set-up checklist of {self.site_id}"


class SiteChecklistItem(models.Model):
    """A site's own copy of a checklist step, ticked (done_on set) or not."""

    site = models.ForeignKey("sites.Site", on_delete=models.CASCADE, related_name="checklist_items")
    source = models.ForeignKey(DefaultChecklistItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    title = models.CharField(max_length=200)
    guidance = models.TextField(blank=True)
    link = models.CharField(max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    done_on = models.DateField(null=True, blank=True)
    note = models.CharField(max_length=500, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(null=True, blank=True)

    text_gate = TextGate(
        gated={},
        exempt={
            "title": "Copied from the programme's set-up guidance.",
            "guidance": "Copied from the programme's set-up guidance.",
            "link": "Copied from the programme's set-up guidance.",
            "note": "The facilitator's working note on setting up their site, seen only by them and programme admins.",
        },
    )

    class Meta:
        ordering = ["site", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "source"], condition=models.Q(source__isnull=False), name="checklist_item_once_per_site"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_on is not None


class WarningThresholds(models.Model):
    """The limits the early-warning rules use. One row (pk 1), edited by programme admins."""

    min_confirmed_members = models.PositiveSmallIntegerField(
        "Fewest confirmed members", default=6, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    confirmed_after_meetings = models.PositiveSmallIntegerField(
        "Check confirmed members after this many meetings",
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
    )
    confirmed_min_attended = models.PositiveSmallIntegerField(
        "Meetings attended to count as confirmed", default=2, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    falling_attendance_meetings = models.PositiveSmallIntegerField(
        "Meetings in a row with falling attendance", default=3, validators=[MinValueValidator(2), MaxValueValidator(12)]
    )
    sector_gap_days = models.PositiveSmallIntegerField(
        "Days without a member from a sector", default=90, validators=[MinValueValidator(7), MaxValueValidator(730)]
    )
    no_case_meetings = models.PositiveSmallIntegerField(
        "Meetings in a row without a case presented",
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    no_meeting_days = models.PositiveSmallIntegerField(
        "Days without a meeting", default=42, validators=[MinValueValidator(7), MaxValueValidator(365)]
    )
    budget_margin_points = models.PositiveSmallIntegerField(
        "Budget spent ahead of meetings held, in percentage points",
        default=25,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "warning thresholds"
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="warning_thresholds_single_row")]

    def __str__(self) -> str:
        return "Warning thresholds"

    @classmethod
    def current(cls) -> "WarningThresholds":
        return cls.objects.get_or_create(pk=1)[0]


class HealthStatus(models.TextChoices):
    HEALTHY = "healthy", "Healthy"
    WATCH = "watch", "Watch"
    AT_RISK = "at_risk", "At risk"


class SiteHealth(models.Model):
    """The latest health check of a site, with the reasons in plain words."""

    site = models.OneToOneField("sites.Site", on_delete=models.CASCADE, related_name="health")
    status = models.CharField(max_length=16, choices=HealthStatus.choices)
    reasons = models.JSONField(default=list, blank=True)  # [{"rule": ..., "level": ..., "text": ...}]
    computed_at = models.DateTimeField(default=timezone.now)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "site health"

    def __str__(self) -> str:
        return f"{self.site_id}: {self.get_status_display()}"


class SiteHealthChange(models.Model):
    """History: one row each time a site's status changes. An alert goes out once per change to at risk."""

    site = models.ForeignKey("sites.Site", on_delete=models.CASCADE, related_name="health_changes")
    previous_status = models.CharField(max_length=16, choices=HealthStatus.choices, blank=True)
    status = models.CharField(max_length=16, choices=HealthStatus.choices)
    reasons = models.JSONField(default=list, blank=True)
    changed_at = models.DateTimeField(default=timezone.now)
    alert_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        indexes = [models.Index(fields=["status", "alert_sent_at"])]

    def __str__(self) -> str:
        return f"{self.site_id}: {self.previous_status or 'new'} to {self.status}"


class ClosingNoticeKind(models.TextChoices):
    THANKS = "thanks", "Thank-you to a member"
    DRAFT = "draft", "A presenter told what happens to their draft"


class ClosingNotice(models.Model):
    """One email sent while a site closes: the thank-you to each member, or the note to a presenter about their
    drafts. One row per site, person and kind claims the email, so it is sent once (core/outbox.py)."""

    site = models.ForeignKey("sites.Site", on_delete=models.CASCADE, related_name="closing_notices")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=ClosingNoticeKind.choices)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["site", "kind", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["site", "person", "kind"], name="closing_notice_once_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.site_id}, {self.person_id})"
