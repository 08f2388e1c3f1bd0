"""Meetings, their history and the attendance register; recurring series that plan them."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone

from core.text_gate import TextGate
from sites.models.sites import Site

EXPECTED_MEETINGS = 6


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
    # Retired: the free-text agenda typed when scheduling, before a meeting had one agenda (cycle's AgendaItem rows).
    # Migration cycle 0003 moved every text into agenda items and emptied it; nothing writes it any more. The column
    # stays until tests/test_migrations_keep_data.py, which loads today's demo into the old schema, is rebased.
    agenda = models.TextField(blank=True)
    is_taster = models.BooleanField("Taster session", default=False)
    status = models.CharField(max_length=16, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED)
    notes = models.TextField(blank=True, help_text="Notes of the meeting, in Markdown.")
    created_at = models.DateTimeField(default=timezone.now)
    # The meeting cycle: the series that created the meeting and the date it was planned for (kept when
    # the meeting is moved, so the series never creates that occurrence again).
    series = models.ForeignKey(
        "MeetingSeries", on_delete=models.SET_NULL, null=True, blank=True, related_name="meetings"
    )
    planned_on = models.DateField(null=True, blank=True)
    # The search document (venue and notes), kept up to date by PostgreSQL: core/search_index.py.
    search_vector = SearchVectorField(null=True, editable=False)
    # Hybrid and online meetings: the address to join by video, for people who may attend (sites.attend_meeting).
    video_link = models.URLField("Video link", max_length=500, blank=True)

    objects = MeetingQuerySet.as_manager()

    # The notes go to the site's members: gated. The agenda is typed as agenda items now (cycle's AgendaItem, gated).
    text_gate = TextGate(
        gated={"notes": "Notes"},
        exempt={
            "venue": "A meeting place (a hall, an office), shown to the site's members so they can come.",
            "video_link": "A video-call address (Teams, Zoom), shown only to people who may attend the meeting.",
            "agenda": "Retired: emptied by cycle migration 0003 and written by nothing; agendas are agenda items now.",
        },
    )

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["site", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_start"
            ),
            models.UniqueConstraint(
                fields=["series", "planned_on"],
                condition=models.Q(series__isnull=False),
                name="meeting_one_per_series_occurrence",
            ),
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
    # True when the change came from changing the meeting's series (the meeting still follows it).
    via_series = models.BooleanField(default=False)

    text_gate = TextGate(
        gated={},
        exempt={
            "previous_venue": "A meeting place, kept to tell members what changed.",
            "reason": "Why a meeting moved or was cancelled, told to members; about the meeting, not people.",
        },
    )

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


class SeriesRule(models.TextChoices):
    NTH_WEEKDAY = "nth_weekday", "A weekday in a given week of each month"
    EVERY_N_WEEKS = "every_n_weeks", "Every few weeks on a weekday"


class Weekday(models.IntegerChoices):
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


class WeekOfMonth(models.IntegerChoices):
    FIRST = 1, "First"
    SECOND = 2, "Second"
    THIRD = 3, "Third"
    FOURTH = 4, "Fourth"
    LAST = -1, "Last"


class MeetingSeries(models.Model):
    """A recurring schedule ("second Tuesday of each month, 14:00-16:00"); times are UK local times."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="meeting_series")
    rule = models.CharField(max_length=16, choices=SeriesRule.choices, default=SeriesRule.NTH_WEEKDAY)
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    week_of_month = models.SmallIntegerField(choices=WeekOfMonth.choices, default=WeekOfMonth.FIRST)
    interval_weeks = models.PositiveSmallIntegerField(default=4)
    starts_on = models.DateField(help_text="No meeting is planned before this date.")
    start_time = models.TimeField()
    end_time = models.TimeField()
    venue = models.CharField(max_length=300, blank=True)
    horizon_months = models.PositiveSmallIntegerField(default=6)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    text_gate = TextGate(gated={}, exempt={"venue": "A meeting place, shown to the site's members so they can come."})

    class Meta:
        ordering = ["site", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_time__gt=models.F("start_time")), name="series_ends_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(interval_weeks__gte=1, interval_weeks__lte=12), name="series_interval_range"
            ),
            models.CheckConstraint(
                condition=models.Q(horizon_months__gte=1, horizon_months__lte=24), name="series_horizon_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.site.code}: {self.describe()}"

    def describe(self) -> str:
        day = Weekday(self.weekday).label
        times = f"{self.start_time:%H:%M}-{self.end_time:%H:%M}"
        if self.rule == SeriesRule.NTH_WEEKDAY:
            week = WeekOfMonth(self.week_of_month).label.lower()
            return f"{week} {day} of each month, {times}"
        if self.interval_weeks == 1:
            return f"every {day}, {times}"
        return f"every {self.interval_weeks} weeks on {day}, {times}"
