"""Confirming the ground rules (a tick, in the member's own session) and writing a new version (facilitators)."""

from django import forms
from django.utils import timezone

from sites.forms.meetings import DATE_FORMATS, DATE_INPUT
from sites.services.ground_rules import TEXT_MAX_LENGTH


class ConfirmGroundRulesForm(forms.Form):
    agree = forms.BooleanField(
        label="I have read these ground rules and I agree to keep them.",
        error_messages={"required": "Tick the box to say you have read the ground rules and agree to keep them."},
    )


class GroundRulesForm(forms.Form):
    text = forms.CharField(
        label="The ground rules, as the group agreed them",
        widget=forms.Textarea(attrs={"rows": 18}),
        max_length=TEXT_MAX_LENGTH,
        help_text="Markdown: a line starting with ## is a heading, with - a bullet point. Every member is asked to "
        "read and confirm the new version before they read the site's cases again.",
        error_messages={"required": "Write the ground rules the group agreed."},
    )
    agreed_on = forms.DateField(
        label="Date the group agreed them",
        widget=DATE_INPUT,
        input_formats=DATE_FORMATS,
        error_messages={"required": "Give the date the group agreed them.", "invalid": "Enter a date: 03/12/2026."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreed_on"].initial = timezone.localdate()
