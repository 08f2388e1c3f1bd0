"""The period of a development record (and its certificate), and a reflective note."""

from datetime import timedelta

from django import forms
from django.utils import timezone

from sites.forms.meetings import DATE_FORMATS, DATE_INPUT

DATE_ERRORS = {"invalid": "Enter a date: 03/12/2026."}


class PeriodForm(forms.Form):
    start = forms.DateField(label="From", widget=DATE_INPUT, input_formats=DATE_FORMATS, error_messages=DATE_ERRORS)
    end = forms.DateField(label="To", widget=DATE_INPUT, input_formats=DATE_FORMATS, error_messages=DATE_ERRORS)

    @staticmethod
    def default_period() -> dict:
        today = timezone.localdate()
        return {"start": today - timedelta(days=365), "end": today}

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("end", "The end of the period must be on or after its start.")
        return data


def meeting_label(meeting) -> str:
    return f"{meeting.site.code}, {timezone.localtime(meeting.starts_at):%-d %B %Y}"


class ReflectiveNoteForm(forms.Form):
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Give the note a title."},
        help_text="For example: what I took from the discussion of a weekend crisis.",
    )  # fmt: skip
    written_on = forms.DateField(
        label="Date", widget=DATE_INPUT, input_formats=DATE_FORMATS,
        error_messages={"required": "Give the date of the note.", **DATE_ERRORS},
    )  # fmt: skip
    meeting = forms.ModelChoiceField(
        label="The meeting it reflects on (optional)", queryset=None, required=False, empty_label="None",
        error_messages={"invalid_choice": "Choose one of the meetings you attended."},
    )  # fmt: skip
    text = forms.CharField(
        label="Your reflection", widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": "Write your reflection."},
        help_text="Only you can read it. What happened, what you learnt, what you will do differently. Keep the people "
        "you support anonymous here too.",
    )  # fmt: skip

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        self.fields["meeting"].label_from_instance = lambda m: (
            f"{m.site.code}, {timezone.localtime(m.starts_at):%-d %B %Y}"
        )
        self.fields["written_on"].initial = timezone.localdate()
