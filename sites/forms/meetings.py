"""Forms of the meeting pages: scheduling, moving, cancelling, notes, the register, reminders and series."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone

from core.form_fields import SafeModelMultipleChoiceField
from sites.models import AttendanceStatus, Meeting, SeriesRule, Weekday, WeekOfMonth
from sites.services.meetings import REMINDER_DAYS_MAX

UK = ZoneInfo("Europe/London")
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class MeetingTimesMixin(forms.Form):
    """Date, start and end time as typed (UK local time), cleaned into aware starts_at / ends_at."""

    date = forms.DateField(label="Date", widget=DATE_INPUT, input_formats=["%Y-%m-%d", "%d/%m/%Y"])
    start_time = forms.TimeField(label="Start time", widget=TIME_INPUT, input_formats=["%H:%M"])
    end_time = forms.TimeField(label="End time", widget=TIME_INPUT, input_formats=["%H:%M"])

    def clean(self):
        cleaned = super().clean()
        day, start, end = cleaned.get("date"), cleaned.get("start_time"), cleaned.get("end_time")
        if day and start and end:
            if end <= start:
                self.add_error("end_time", "The end time must be after the start time.")
            else:
                cleaned["starts_at"] = datetime.combine(day, start, tzinfo=UK)
                cleaned["ends_at"] = datetime.combine(day, end, tzinfo=UK)
        return cleaned

    @staticmethod
    def initial_for(meeting: Meeting) -> dict:
        from django.utils import timezone

        starts, ends = timezone.localtime(meeting.starts_at, UK), timezone.localtime(meeting.ends_at, UK)
        return {"date": starts.date(), "start_time": starts.time(), "end_time": ends.time()}


class MeetingForm(MeetingTimesMixin):
    venue = forms.CharField(label="Venue", max_length=300, required=False, help_text="Address and room.")
    is_taster = forms.BooleanField(
        label="This is a taster session", required=False, help_text="The first meeting of a new site usually is."
    )


class MeetingDetailsForm(forms.Form):
    venue = forms.CharField(label="Venue", max_length=300, required=False)
    video_link = forms.URLField(
        label="Video link for joining online (optional)", max_length=500, required=False, assume_scheme="https",
        help_text="A Teams, Zoom or other meeting address. Only the site's members, facilitators and knowledge "
        "brokers see it, on the meeting page and in their calendars.",
        error_messages={"invalid": "Enter the meeting's web address, starting https://"},
    )  # fmt: skip
    is_taster = forms.BooleanField(label="This is a taster session", required=False)
    reason = forms.CharField(
        label="Reason for the change (optional)",
        max_length=300,
        required=False,
        help_text="Shown in the meeting's history.",
    )


class MeetingMoveForm(MeetingTimesMixin):
    reason = forms.CharField(
        label="Why is the meeting moving?", max_length=300, help_text="Members see this in the meeting's history."
    )


class MeetingCancelForm(forms.Form):
    reason = forms.CharField(
        label="Why is the meeting cancelled?", max_length=300, help_text="Members see this in the meeting's history."
    )


class MeetingNotesForm(forms.Form):
    notes = forms.CharField(
        label="Notes of the meeting",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="You can use Markdown: **bold**, *italic*, lists starting with - and ### headings. "
        "Never write a name or other detail that could identify someone a case is about.",
    )


class ReminderDaysForm(forms.Form):
    reminder_days_before = forms.IntegerField(
        label="Send reminder emails this many days before each meeting",
        min_value=1,
        max_value=REMINDER_DAYS_MAX,
    )


class MeetingRegisterForm(forms.Form):
    """One radio group per person on the register (field status_<person id>) and guests to add."""

    def __init__(self, *args, lines, guest_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = lines
        for line in lines:
            self.fields[line.field_name] = forms.ChoiceField(
                label=line.person.name,
                choices=AttendanceStatus.choices,
                required=False,
                widget=forms.RadioSelect,
                initial=line.initial_status or None,
            )
        self.fields["guests"] = SafeModelMultipleChoiceField(
            label="Add guests (knowledge brokers or a visiting commissioner)",
            queryset=guest_choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text="Guests are recorded as present.",
        )
        # The register as it was when the form was opened: saving over someone else's newer save is refused.
        self.fields["register_stamp"] = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def statuses(self) -> dict[int, str]:
        chosen = {}
        for line in self.lines:
            value = self.cleaned_data.get(line.field_name)
            if value:
                chosen[line.person.pk] = value
        return chosen

    def line_fields(self):
        """(line, bound field) pairs for the template."""
        return [(line, self[line.field_name]) for line in self.lines]


class SeriesForm(forms.Form):
    rule = forms.ChoiceField(
        label="How often", choices=SeriesRule.choices, widget=forms.RadioSelect, initial=SeriesRule.NTH_WEEKDAY
    )
    week_of_month = forms.TypedChoiceField(
        label="Which week of the month", choices=WeekOfMonth.choices, coerce=int, initial=WeekOfMonth.SECOND,
        help_text="Used when meetings are on a weekday in a given week of each month.",
    )  # fmt: skip
    interval_weeks = forms.IntegerField(
        label="Every how many weeks", min_value=1, max_value=12, initial=4,
        help_text="Used when meetings are every few weeks.",
    )  # fmt: skip
    weekday = forms.TypedChoiceField(label="Weekday", choices=Weekday.choices, coerce=int, initial=Weekday.TUESDAY)
    starts_on = forms.DateField(label="First possible date", widget=DATE_INPUT, input_formats=DATE_FORMATS)
    start_time = forms.TimeField(label="Start time (UK time)", widget=TIME_INPUT, input_formats=["%H:%M"])
    end_time = forms.TimeField(label="End time (UK time)", widget=TIME_INPUT, input_formats=["%H:%M"])
    venue = forms.CharField(label="Venue", max_length=300, required=False, help_text="Address and room.")
    horizon_months = forms.IntegerField(
        label="Plan how many months ahead", min_value=1, max_value=24, initial=6,
        help_text="Meetings are created up to this far ahead. You can extend it later.",
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["starts_on"].initial = timezone.localdate()

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", "The end time must be after the start time.")
        return cleaned
