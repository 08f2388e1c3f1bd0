from django import forms

from sites.models import TrainingKind

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TrainingForm(forms.Form):
    kind = forms.ChoiceField(
        label="What was it", choices=TrainingKind.choices, error_messages={"required": "Choose what the training was."}
    )
    held_on = forms.DateField(
        label="Date", widget=DATE_WIDGET, error_messages={"required": "Give the date it was held."}
    )
    notes = forms.CharField(
        label="Notes (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
        help_text="What was covered, what to follow up. Never name or describe someone a case is about.",
    )
