from django import forms

from cases.models import Evidence, EvidenceKind, QuestionStatus, Theme
from cases.services.citations import normalise_doi
from cases.uploads import ACCEPTED as ACCEPTED_FILES
from cases.uploads import max_upload_bytes
from core.form_fields import CheckedFileField, SafeModelChoiceField, SafeModelMultipleChoiceField
from core.forms import CrispyFieldsForm

ACCEPT = ".pdf,.doc,.docx,.xls,.xlsx,.csv,.ods,.odt"


class EvidenceForm(CrispyFieldsForm):
    kind = forms.ChoiceField(choices=EvidenceKind.choices, label="Kind of evidence")
    title = forms.CharField(max_length=500)
    authors = forms.CharField(
        max_length=1000, required=False, help_text="Separate people with semicolons: Smith, Jane; Khan, Amir."
    )
    year = forms.IntegerField(min_value=1500, max_value=2200, required=False)
    publisher = forms.CharField(max_length=300, required=False, label="Journal or publisher")
    doi = forms.CharField(max_length=200, required=False, label="DOI", help_text="For example 10.1136/bmj.m1.")
    url = forms.URLField(max_length=500, required=False, label="Link", assume_scheme="https")
    abstract = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False)
    summary = forms.CharField(
        label="What this means for practice",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="A few plain sentences for practitioners: what the evidence says and what to do with it.",
    )
    themes = SafeModelMultipleChoiceField(
        queryset=Theme.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    file = CheckedFileField(
        max_bytes=max_upload_bytes,
        accepted=ACCEPTED_FILES,
        required=False,
        label="File (optional)",
        help_text="A PDF, Word document or spreadsheet, at most 20 MB. Only people who may see it can download it.",
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
    remove_file = forms.BooleanField(required=False, label="Remove the current file")
    question = forms.IntegerField(required=False, widget=forms.HiddenInput, max_value=2**31)

    def __init__(self, *args, has_file: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not has_file:
            del self.fields["remove_file"]

    def clean_doi(self):
        return normalise_doi(self.cleaned_data["doi"])


class ImportForm(CrispyFieldsForm):
    citation = forms.CharField(
        label="DOI, BibTeX or RIS",
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
        max_length=200_000,
        help_text="Paste a DOI (10.1136/bmj.m1), one or more BibTeX entries (@article{...}) or RIS records "
        "(TY  - JOUR ... ER  - ).",
    )
    question = forms.IntegerField(required=False, widget=forms.HiddenInput, max_value=2**31)


class AttachForm(CrispyFieldsForm):
    evidence = SafeModelChoiceField(queryset=Evidence.objects.order_by("title"), label="Evidence")
    note = forms.CharField(
        label="Why it matters for this case",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Do not name or identify anyone.",
    )


class QuestionForm(CrispyFieldsForm):
    text = forms.CharField(
        label="Your question for the knowledge brokers",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text="For example: is there evidence on supporting someone with a personality disorder diagnosis into "
        "housing? Do not name or identify anyone.",
    )


class AnswerForm(CrispyFieldsForm):
    evidence = SafeModelMultipleChoiceField(
        queryset=Evidence.objects.order_by("title"),
        required=False,
        label="Evidence to attach to the case",
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(
        label="Why the evidence matters for this case",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    reply = forms.CharField(
        label="Your reply", widget=forms.Textarea(attrs={"rows": 5}), required=False, max_length=10000
    )

    def clean(self):
        data = super().clean()
        if not data.get("reply", "").strip() and not data.get("evidence"):
            raise forms.ValidationError("Write a reply or choose evidence to attach, or both.")
        if data.get("note", "").strip() and not data.get("evidence"):
            self.add_error(
                "note",
                "This note says why evidence matters, but no evidence is ticked: tick the evidence it is about, "
                "or move the text into your reply.",
            )
        return data


class QuestionStatusForm(forms.Form):
    status = forms.ChoiceField(choices=QuestionStatus.choices)
