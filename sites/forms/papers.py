"""A paper for a meeting: written here (through the gate) or a file (checked by its content)."""

from django import forms

from core.form_fields import CheckedFileField
from sites.services.papers import ACCEPTED, PAPER_MAX_BYTES

ACCEPT = ".pdf,.doc,.docx,.xls,.xlsx,.csv,.ods,.odt"


class MeetingPaperForm(forms.Form):
    title = forms.CharField(label="Title", max_length=200, error_messages={"required": "Give the paper a title."})
    text = forms.CharField(
        label="Write the paper here", required=False, widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Markdown. It is checked for anything that could identify someone before it is saved.",
    )  # fmt: skip
    file = CheckedFileField(
        max_bytes=PAPER_MAX_BYTES, accepted=ACCEPTED, required=False, label="Or attach a file",
        help_text="A PDF, Word document or spreadsheet, at most 10 MB. Only the people who may attend can open it.",
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )  # fmt: skip

    def clean(self):
        data = super().clean()
        if not self.errors and bool((data.get("text") or "").strip()) == bool(data.get("file")):
            raise forms.ValidationError("Either write the paper or attach a file, one of the two.")
        return data
