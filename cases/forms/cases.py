from django import forms
from django.utils import timezone

from cases.models import ActionItem, ActionStatus, Case, CaseKind, Outcome, Theme
from core.form_fields import SafeModelChoiceField, SafeModelMultipleChoiceField, whole_number
from core.forms import CrispyFieldsForm
from members.models import User
from sites.models import Membership, Site


def _site_members(site: Site):
    ids = Membership.objects.current(timezone.localdate()).filter(site=site).values("person_id")
    return User.objects.filter(pk__in=ids).order_by("name")


class CaseForm(CrispyFieldsForm):
    site = SafeModelChoiceField(queryset=Site.objects.none(), label="Site", empty_label=None)
    title = forms.CharField(
        max_length=200,
        help_text="A short title that does not identify anyone, for example “Weekend crisis after discharge”.",
    )
    kind = forms.ChoiceField(choices=CaseKind.choices, label="Kind of case", widget=forms.RadioSelect)
    themes = SafeModelMultipleChoiceField(
        queryset=Theme.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    presenters = SafeModelMultipleChoiceField(
        queryset=User.objects.none(),
        label="Presenters",
        help_text="You, and anyone presenting it with you. Their names are seen only by the site.",
        widget=forms.CheckboxSelectMultiple,
    )
    presentation = forms.CharField(
        label="1. Presentation of the case",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=(
            "Describe the situation without names, dates of birth, NHS or NI numbers, addresses or phone numbers."
        ),
    )
    next_step = forms.CharField(
        label="Add a next step",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="A practical action, for example “Agree a weekend contact with the crisis team”. Often agreed at "
        "the meeting: you can add them later.",
    )
    next_step_owner = SafeModelChoiceField(
        queryset=User.objects.none(), required=False, label="Who will take it forward (a member)"
    )
    next_step_agency = forms.CharField(max_length=200, required=False, label="Or the agency responsible")
    learning = forms.CharField(
        label="3. Learning for improved practice", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    commissioner_issues = forms.CharField(
        label="4. Issues for commissioners", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, sites, case: Case | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites
        if case is not None:
            del self.fields["site"]
            site = case.site
            # The version the form was opened on: saving over someone else's newer save is refused.
            self.fields["edited_from"] = forms.CharField(widget=forms.HiddenInput, required=False, max_length=32)
        else:
            chosen = whole_number(self.data.get("site") or (self.initial.get("site") and self.initial["site"].pk))
            site = sites.filter(pk=chosen).first() if chosen else sites.first()
            if sites.count() == 1:
                self.fields["site"].widget = forms.HiddenInput()
        self.fields["presenters"].queryset = _site_members(site) if site else User.objects.none()
        self.fields["next_step_owner"].queryset = self.fields["presenters"].queryset

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("next_step", "").strip() and (
            cleaned.get("next_step_owner") or cleaned.get("next_step_agency", "").strip()
        ):
            self.add_error("next_step", "Write the next step, or leave who takes it forward empty.")
        return cleaned

    def case_fields(self) -> dict:
        """The case's own fields, for the services."""
        steps = ("next_step", "next_step_owner", "next_step_agency", "edited_from")
        return {name: value for name, value in self.cleaned_data.items() if name not in steps}

    def new_next_step(self) -> dict | None:
        text = self.cleaned_data.get("next_step", "")
        if not text.strip():
            return None
        return {
            "text": text,
            "owner": self.cleaned_data.get("next_step_owner"),
            "owner_agency": self.cleaned_data.get("next_step_agency", ""),
        }


class ActionItemForm(CrispyFieldsForm):
    text = forms.CharField(label="Next step", widget=forms.Textarea(attrs={"rows": 2}))
    owner = SafeModelChoiceField(
        queryset=User.objects.none(), required=False, label="Who will take it forward (a member)"
    )
    owner_agency = forms.CharField(max_length=200, required=False, label="Or the agency responsible")

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _site_members(case.site)


class ActionStatusForm(CrispyFieldsForm):
    status = forms.ChoiceField(choices=ActionStatus.choices, label="How did it go?")
    note = forms.CharField(required=False, label="Note", widget=forms.Textarea(attrs={"rows": 2}))


class DismissFindingForm(CrispyFieldsForm):
    reason = forms.CharField(
        label="Why is this not personal data?",
        max_length=500,
        help_text="For example: “Smith is the name of a service, not a person”. A facilitator will see your reason.",
    )


class DiscussionForm(CrispyFieldsForm):
    meeting = SafeModelChoiceField(queryset=None, label="Meeting where the case was discussed", empty_label=None)

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        self.fields["meeting"].label_from_instance = lambda m: (
            f"{timezone.localtime(m.starts_at):%d/%m/%Y %H:%M}, {m.venue}"
        )


class FollowUpForm(DiscussionForm):
    what_happened = forms.CharField(
        label="What happened since the discussion", widget=forms.Textarea(attrs={"rows": 6})
    )
    helpful_actions = SafeModelMultipleChoiceField(
        queryset=ActionItem.objects.none(),
        required=False,
        label="Which next steps helped?",
        widget=forms.CheckboxSelectMultiple,
    )
    outcome = forms.ChoiceField(
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        help_text="Maintenance (stable, not worse) and prevention (a crisis avoided) count as much as recovery.",
    )
    not_personal_data_reason = forms.CharField(
        required=False,
        max_length=500,
        label="If the highlighted text is not personal data, say why",
        help_text="Leave empty and change the text if it is personal data.",
    )

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].label = "Meeting where the follow-up was given"
        self.fields["helpful_actions"].queryset = case.actions.all()
        self.fields["helpful_actions"].label_from_instance = lambda a: a.text


class WriteUpForm(CrispyFieldsForm):
    summary = forms.CharField(
        label="Summary of the learning",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="What others can learn from this case. It appears first in the repository, with the four parts.",
    )


class FollowUpTextForm(CrispyFieldsForm):
    what_happened = forms.CharField(
        label="What happened since the discussion", widget=forms.Textarea(attrs={"rows": 6})
    )
