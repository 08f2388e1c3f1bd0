"""Forms of the commissioners' area: asking for a digest, the quarterly subscription, responding to issues."""

from datetime import date

from django import forms
from django.utils import timezone

from core.form_fields import SafeModelMultipleChoiceField
from digests.services.requests import previous_quarter
from sites.models import Site

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class DigestRequestForm(forms.Form):
    period_start = forms.DateField(
        label="From",
        widget=DATE_WIDGET,
        input_formats=DATE_FORMATS,
        error_messages={
            "required": "Enter the first day of the period.",
            "invalid": "Enter a real date, such as 01/07/2026.",
        },
    )
    period_end = forms.DateField(
        label="To",
        widget=DATE_WIDGET,
        input_formats=DATE_FORMATS,
        error_messages={
            "required": "Enter the last day of the period.",
            "invalid": "Enter a real date, such as 30/09/2026.",
        },
    )
    sites = SafeModelMultipleChoiceField(
        label="Sites",
        queryset=Site.objects.order_by("code"),
        required=False,
        help_text="Tick the sites the digest covers, or leave them all unticked for a digest of every site.",
        widget=forms.CheckboxSelectMultiple(attrs={"data-picker": "Find a site"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            start, end = previous_quarter(timezone.localdate())
            self.initial.setdefault("period_start", start)
            self.initial.setdefault("period_end", end)
        self.fields["sites"].label_from_instance = lambda s: f"{s.code} {s.town}"

    def clean(self):
        cleaned = super().clean()
        start: date | None = cleaned.get("period_start")
        end: date | None = cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "The end of the period must be on or after its start.")
        if start and start > timezone.localdate():
            self.add_error("period_start", "The period has not started yet: choose a start date today or earlier.")
        if start and end and (end - start).days > 3 * 366:
            self.add_error("period_end", "Choose a period of three years or less.")
        return cleaned


class SubscriptionForm(forms.Form):
    subscribed = forms.BooleanField(label="Send me the digest every quarter", required=False)


class ResponseForm(forms.Form):
    text = forms.CharField(
        label="Your response",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What commissioners are doing or will do about these issues. Never include a name or other "
        "personal details.",
        error_messages={"required": "Write your response before sending it."},
    )
