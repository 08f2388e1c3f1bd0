"""Forms for a site's recruitment records and, later, the call for host sites. They validate; services decide."""

from django import forms
from django.utils import timezone

from core.form_fields import SafeModelChoiceField, SafeModelMultipleChoiceField
from members.models import Sector
from recruitment.models import AgencyManager, ApproachMethod, ApproachOutcome
from sites.models import TargetDiscipline
from toolkit.documents import DOCUMENTS

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
LETTERS = [("", "No letter")] + [(slug, doc.title) for slug, doc in DOCUMENTS.items() if "letter" in slug]


def required(what: str) -> dict:
    return {"required": f"Enter {what}.", "invalid": f"Enter {what} as a date, for example 14/03/2026."}


class AgencyForm(forms.Form):
    name = forms.CharField(
        label="Agency", max_length=200, help_text="For example “Brighton & Hove adult social care”.",
        error_messages={"required": "Enter the agency's name."},
    )  # fmt: skip
    sector = forms.ChoiceField(label="Sector", choices=[("", "Not sure")] + Sector.choices, required=False)
    could_supply = SafeModelMultipleChoiceField(
        label="Target disciplines it could supply",
        queryset=TargetDiscipline.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick the gaps a worker from this agency could fill.",
    )

    def __init__(self, *args, site, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["could_supply"].queryset = TargetDiscipline.objects.filter(site=site).order_by("name")


class AgencyManagerForm(forms.Form):
    name = forms.CharField(label="Manager's name", max_length=200, error_messages={"required": "Enter the name."})
    role = forms.CharField(label="Role", max_length=200, required=False, help_text="For example “Team manager”.")
    email = forms.EmailField(
        label="Work email", required=False,
        error_messages={"invalid": "Enter an email address like name@agency.gov.uk."},
    )  # fmt: skip
    phone = forms.CharField(label="Work phone", max_length=40, required=False)


class ManagerChoiceField(SafeModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return str(obj)


class ApproachForm(forms.Form):
    approached_on = forms.DateField(
        label="Date", widget=DATE_WIDGET, initial=timezone.localdate, error_messages=required("the date")
    )
    made_by = forms.CharField(
        label="Made by", max_length=200, help_text="Who approached the agency: you, or the senior sponsor.",
        error_messages={"required": "Say who made the approach."},
    )  # fmt: skip
    manager = ManagerChoiceField(
        label="Manager approached",
        queryset=AgencyManager.objects.none(),
        required=False,
        empty_label="Not a named manager",
    )
    method = forms.ChoiceField(label="How", choices=ApproachMethod.choices, initial=ApproachMethod.IN_PERSON)
    letter = forms.ChoiceField(
        label="Toolkit letter sent", choices=LETTERS, required=False,
        help_text="The toolkit's letter asking a manager to release a worker, filled in with this site's details.",
    )  # fmt: skip
    outcome = forms.ChoiceField(label="Outcome", choices=ApproachOutcome.choices, initial=ApproachOutcome.AWAITING)
    next_step = forms.CharField(
        label="Next step", max_length=300, required=False, help_text="For example “Meet the team manager in person”."
    )
    next_step_by = forms.DateField(
        label="Next step by", widget=DATE_WIDGET, required=False,
        error_messages={"invalid": "Enter the date as a date, for example 14/03/2026."},
    )  # fmt: skip

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["manager"].queryset = AgencyManager.objects.filter(agency=agency)


class SeniorSponsorForm(forms.Form):
    name = forms.CharField(label="Name", max_length=200, error_messages={"required": "Enter the sponsor's name."})
    role = forms.CharField(
        label="Role", max_length=200, help_text="For example “Director of services”.",
        error_messages={"required": "Enter the sponsor's role."},
    )  # fmt: skip
    agency = forms.CharField(
        label="Organisation", max_length=200, help_text="Usually the host organisation.",
        error_messages={"required": "Enter the sponsor's organisation."},
    )  # fmt: skip
    agreed_on = forms.DateField(
        label="Date they agreed", widget=DATE_WIDGET, initial=timezone.localdate,
        error_messages=required("the date they agreed"),
    )  # fmt: skip
