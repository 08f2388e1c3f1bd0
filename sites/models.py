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
    EXPERT_PAYMENT = "expert_payment", "Expert by experience payment"
    TRAVEL = "travel", "Travel expenses"
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
    # The meeting cycle: the series that created the meeting and the date it was planned for (kept when
    # the meeting is moved, so the series never creates that occurrence again).
    series = models.ForeignKey(
        "MeetingSeries", on_delete=models.SET_NULL, null=True, blank=True, related_name="meetings"
    )
    planned_on = models.DateField(null=True, blank=True)

    objects = MeetingQuerySet.as_manager()

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


# ---------------------------------------------------------------------------------------------------
# The meeting cycle: recurring series, agendas, the meeting record, actions, experts by experience.
# ---------------------------------------------------------------------------------------------------
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


class AgendaItemKind(models.TextChoices):
    CASE = "case", "Case to present"
    FOLLOW_UP = "follow_up", "Follow-up"
    EVIDENCE = "evidence", "Evidence found"
    QUESTION = "question", "Question waiting for a broker"
    STANDING = "standing", "Standing item"
    OTHER = "other", "Other item"


class AgendaItem(models.Model):
    """One line of a meeting's agenda: proposed from what is open at the site (source_key says from
    what), or added by the facilitator (no source_key). Removed items stay, so they are not proposed again."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=16, choices=AgendaItemKind.choices)
    title = models.CharField(max_length=200)
    case = models.ForeignKey("cases.Case", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    source_key = models.CharField(max_length=80, blank=True)
    removed = models.BooleanField(default=False)

    class Meta:
        ordering = ["meeting", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "source_key"], condition=~models.Q(source_key=""), name="agenda_item_once_per_source"
            )
        ]

    def __str__(self) -> str:
        return self.title


class AgendaPublication(models.Model):
    """The facilitator published the meeting's agenda to its members."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="agenda_publication")
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    published_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Agenda of {self.meeting_id} published"


class AgendaDelivery(models.Model):
    """One row per member and meeting whose agenda was emailed, so it goes exactly once."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_deliveries")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="agenda_delivery_once")]

    def __str__(self) -> str:
        return f"Agenda of {self.meeting_id} to {self.person_id}"


class RecordStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved"


class MeetingRecord(models.Model):
    """The record of a meeting. Approving it locks it and keeps a copy as a numbered version; changing it
    afterwards opens the next version as a draft."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="record")
    status = models.CharField(max_length=12, choices=RecordStatus.choices, default=RecordStatus.DRAFT)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Record of {self.meeting}, version {self.version}"

    @property
    def is_locked(self) -> bool:
        return self.status == RecordStatus.APPROVED


class RecordEntry(models.Model):
    """What was discussed under one agenda item, and the follow-ups reported."""

    record = models.ForeignKey(MeetingRecord, on_delete=models.CASCADE, related_name="entries")
    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    position = models.PositiveIntegerField()
    discussion = models.TextField(blank=True)
    follow_ups = models.TextField("Follow-ups reported", blank=True)

    class Meta:
        ordering = ["record", "position", "pk"]

    def __str__(self) -> str:
        return f"Entry {self.position} of {self.record}"


class RecordActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"


class RecordAction(models.Model):
    """An action agreed at the meeting: owned by a member of the site or by an agency, due by the next
    meeting or on a date."""

    entry = models.ForeignKey(RecordEntry, on_delete=models.CASCADE, related_name="actions")
    text = models.TextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="meeting_actions"
    )
    owner_agency = models.CharField(max_length=200, blank=True)
    due_on = models.DateField(null=True, blank=True, help_text="Empty: due by the next meeting.")
    status = models.CharField(max_length=8, choices=RecordActionStatus.choices, default=RecordActionStatus.OPEN)
    done_note = models.TextField(blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["owner", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(owner__isnull=False) | ~models.Q(owner_agency=""), name="record_action_has_owner"
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_open(self) -> bool:
        return self.status == RecordActionStatus.OPEN


class RecordComment(models.Model):
    """A correction suggested by a member who was present, on one entry of the draft record."""

    entry = models.ForeignKey(RecordEntry, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Comment on {self.entry}"


class RecordVersion(models.Model):
    """An approved version of a meeting record, kept as it was approved."""

    record = models.ForeignKey(MeetingRecord, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    content = models.JSONField()
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    approved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["record", "number"]
        constraints = [models.UniqueConstraint(fields=["record", "number"], name="record_version_unique_number")]

    def __str__(self) -> str:
        return f"{self.record.meeting}, version {self.number}"


class RecordDelivery(models.Model):
    """One row per approved version and member it was emailed to."""

    version = models.ForeignKey(RecordVersion, on_delete=models.CASCADE, related_name="deliveries")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["version", "person"], name="record_delivery_once")]

    def __str__(self) -> str:
        return f"Record version {self.version_id} to {self.person_id}"


class ActionReminder(models.Model):
    """One row per action whose owner was reminded before it is due."""

    action = models.OneToOneField(RecordAction, on_delete=models.CASCADE, related_name="reminder")
    sent_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Reminder for action {self.action_id}"


class ExpertConsent(models.Model):
    """What an expert by experience agreed to share and how they may be contacted."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="expert_consents")
    expert = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="expert_consents")
    agreed_to_share = models.TextField()
    contact_by = models.CharField(max_length=300)
    given_on = models.DateField()
    withdrawn_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["site", "-given_on", "pk"]

    def __str__(self) -> str:
        return f"Consent of {self.expert} at {self.site.code}"


class ExpertPayment(models.Model):
    """An involvement payment or travel expense for an expert by experience (the amount is the Expense)."""

    expert = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="expert_payments")
    expense = models.OneToOneField(Expense, on_delete=models.CASCADE, related_name="expert_payment")

    def __str__(self) -> str:
        return f"{self.expense} to {self.expert}"
