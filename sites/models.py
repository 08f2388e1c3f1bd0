from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone

DEFAULT_AWARD = Decimal("6950.00")
EXPECTED_MEETINGS = 6


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


class ExpenseCategory(models.TextChoices):
    ROOM_HIRE = "room_hire", "Room hire"
    REFRESHMENTS = "refreshments", "Refreshments"
    FACILITATOR_PAYMENT = "facilitator_payment", "Facilitator payment"
    OTHER = "other", "Other"


class Expense(models.Model):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="expenses")
    category = models.CharField(max_length=32, choices=ExpenseCategory.choices)
    spent_on = models.DateField()
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    note = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-spent_on", "-pk"]
        constraints = [models.CheckConstraint(condition=models.Q(amount__gt=0), name="expense_amount_positive")]

    def __str__(self) -> str:
        return f"{self.get_category_display()} £{self.amount} on {self.spent_on:%d/%m/%Y}"


class MeetingQuerySet(models.QuerySet):
    def scheduled(self):
        return self.exclude(status=MeetingStatus.CANCELLED)

    def upcoming(self, now=None):
        return self.scheduled().filter(ends_at__gte=now or timezone.now()).order_by("starts_at")

    def past(self, now=None):
        return self.scheduled().filter(ends_at__lt=now or timezone.now()).order_by("-starts_at")


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    CANCELLED = "cancelled", "Cancelled"


class Meeting(models.Model):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    venue = models.CharField(max_length=300, blank=True)
    agenda = models.TextField(blank=True)
    is_taster = models.BooleanField("Taster session", default=False)
    status = models.CharField(max_length=16, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED)
    notes = models.TextField(blank=True, help_text="Notes of the meeting, in Markdown.")
    created_at = models.DateTimeField(default=timezone.now)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["site", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        when = timezone.localtime(self.starts_at).strftime("%d/%m/%Y")
        return f"{self.site.code} meeting, {when}"

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED

    @property
    def local_date(self):
        return timezone.localtime(self.starts_at).date()


class MeetingChangeKind(models.TextChoices):
    MOVED = "moved", "Moved"
    CANCELLED = "cancelled", "Cancelled"
    EDITED = "edited", "Details changed"


class MeetingChange(models.Model):
    """History of a meeting: what it was before each move, cancellation or edit."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(max_length=16, choices=MeetingChangeKind.choices)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    changed_at = models.DateTimeField(default=timezone.now)
    previous_starts_at = models.DateTimeField()
    previous_ends_at = models.DateTimeField()
    previous_venue = models.CharField(max_length=300, blank=True)
    reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-changed_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.meeting}"


class MeetingReminder(models.Model):
    """One row per reminder sent, so the periodic job never sends the same reminder twice."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="reminders")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="meeting_reminder_once")]

    def __str__(self) -> str:
        return f"Reminder to {self.person_id} for meeting {self.meeting_id}"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Apologies"
    ABSENT = "absent", "Absent"


class Attendance(models.Model):
    """One line of a meeting's register. Guests (brokers, a visiting commissioner) are marked as such."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attendances")
    status = models.CharField(max_length=12, choices=AttendanceStatus.choices)
    is_guest = models.BooleanField(default=False)
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="attendance_one_per_person")]
        indexes = [models.Index(fields=["person", "status"])]

    def __str__(self) -> str:
        return f"{self.person} {self.status} at {self.meeting}"
