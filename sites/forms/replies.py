"""The reply to a meeting: coming, can't come (with an optional note to the facilitators) or maybe."""

from django import forms

from sites.models import ReplyAnswer
from sites.services.replies import NOTE_MAX_LENGTH

CHOOSE = "Choose coming, can't come or maybe."


class ReplyForm(forms.Form):
    answer = forms.ChoiceField(
        label="Are you coming?",
        choices=ReplyAnswer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE, "invalid_choice": CHOOSE},
    )
    note = forms.CharField(
        label="A note for your facilitator (optional, with apologies)",
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Only your site's facilitators read it. Say nothing about the people you work with.",
        error_messages={"max_length": f"Keep the note to {NOTE_MAX_LENGTH} characters."},
    )
