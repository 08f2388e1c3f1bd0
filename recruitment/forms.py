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
        label="Agency",
        max_length=200,
        help_text="For example “Brighton & Hove adult social care”.",
        error_messages={"required": "Enter the agency's name."},
    )
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
        label="Work email",
        required=False,
        error_messages={"invalid": "Enter an email address like name@agency.gov.uk."},
    )
    phone = forms.CharField(label="Work phone", max_length=40, required=False)


class ManagerChoiceField(SafeModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return str(obj)


class ApproachForm(forms.Form):
    approached_on = forms.DateField(
        label="Date", widget=DATE_WIDGET, initial=timezone.localdate, error_messages=required("the date")
    )
    made_by = forms.CharField(
        label="Made by",
        max_length=200,
        help_text="Who approached the agency: you, or the senior sponsor.",
        error_messages={"required": "Say who made the approach."},
    )
    manager = ManagerChoiceField(
        label="Manager approached",
        queryset=AgencyManager.objects.none(),
        required=False,
        empty_label="Not a named manager",
    )
    method = forms.ChoiceField(label="How", choices=ApproachMethod.choices, initial=ApproachMethod.IN_PERSON)
    letter = forms.ChoiceField(
        label="Toolkit letter sent",
        choices=LETTERS,
        required=False,
        help_text="The toolkit's letter asking a manager to release a worker, filled in with this site's details.",
    )
    outcome = forms.ChoiceField(label="Outcome", choices=ApproachOutcome.choices, initial=ApproachOutcome.AWAITING)
    next_step = forms.CharField(
        label="Next step", max_length=300, required=False, help_text="For example “Meet the team manager in person”."
    )
    next_step_by = forms.DateField(
        label="Next step by",
        widget=DATE_WIDGET,
        required=False,
        error_messages={"invalid": "Enter the date as a date, for example 14/03/2026."},
    )

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["manager"].queryset = AgencyManager.objects.filter(agency=agency)


class SeniorSponsorForm(forms.Form):
    name = forms.CharField(label="Name", max_length=200, error_messages={"required": "Enter the sponsor's name."})
    role = forms.CharField(
        label="Role",
        max_length=200,
        help_text="For example “Director of services”.",
        error_messages={"required": "Enter the sponsor's role."},
    )
    agency = forms.CharField(
        label="Organisation",
        max_length=200,
        help_text="Usually the host organisation.",
        error_messages={"required": "Enter the sponsor's organisation."},
    )
    agreed_on = forms.DateField(
        label="Date they agreed",
        widget=DATE_WIDGET,
        initial=timezone.localdate,
        error_messages=required("the date they agreed"),
    )


# The call for host sites
class HostSiteCallForm(forms.Form):
    title = forms.CharField(
        label="Title",
        max_length=200,
        initial="Host a community of practice",
        error_messages={"required": "Enter a title for the call."},
    )
    introduction = forms.CharField(
        label="Introduction",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What applicants should know: who may apply, what the award pays for.",
    )
    criteria = forms.CharField(
        label="Criteria",
        widget=forms.Textarea(attrs={"rows": 5}),
        initial="The facilitator's experience of setting up and running groups\nA senior sponsor in the organisation\n"
        "Reach into the sectors the community needs\nA suitable, accessible venue",
        help_text="One a line. Reviewers score each from 0 to 5.",
        error_messages={"required": "Write at least one criterion."},
    )
    closes_on = forms.DateField(label="Closing date", widget=DATE_WIDGET, error_messages=required("the closing date"))
    award = forms.DecimalField(
        label="Award (£)",
        min_value=0,
        max_digits=10,
        decimal_places=2,
        initial="6950.00",
        help_text="What each host receives for room hire, refreshments and the facilitator's time.",
        error_messages={"required": "Enter the award.", "invalid": "Enter the award in pounds, like 6950.00."},
    )

    def clean_closes_on(self):
        closes_on = self.cleaned_data["closes_on"]
        if closes_on < timezone.localdate():
            raise forms.ValidationError("The closing date has passed: choose today or a later date.")
        return closes_on


class HostSiteApplicationForm(forms.Form):
    """The public application form: no account needed."""

    organisation = forms.CharField(
        label="Organisation", max_length=200, error_messages={"required": "Enter your organisation's name."}
    )
    town = forms.CharField(
        label="Town or area the community would serve",
        max_length=100,
        error_messages={"required": "Enter the town or area."},
    )
    contact_name = forms.CharField(label="Your name", max_length=200, error_messages={"required": "Enter your name."})
    contact_email = forms.EmailField(
        label="Your email address",
        help_text="We send the confirmation and the outcome here.",
        error_messages={
            "required": "Enter your email address.",
            "invalid": "Enter an email address like name@example.org.",
        },
    )
    facilitator_name = forms.CharField(
        label="Proposed facilitator",
        max_length=200,
        error_messages={"required": "Enter the proposed facilitator's name."},
    )
    facilitator_email = forms.EmailField(
        label="Facilitator's email address",
        help_text="If you are awarded, the invitation to set up the site goes here.",
        error_messages={
            "required": "Enter the facilitator's email address.",
            "invalid": "Enter an email address like name@example.org.",
        },
    )
    facilitator_experience = forms.CharField(
        label="The facilitator's experience of setting up and running groups",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Groups they have set up or run, for whom, and for how long.",
        error_messages={
            "required": "Describe the facilitator's experience of running groups: it is part of the selection."
        },
    )
    sectors = forms.MultipleChoiceField(
        label="Sectors you can reach",
        choices=Sector.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Where you have contacts who could release front-line staff.",
        error_messages={"required": "Tick at least one sector your organisation can reach."},
    )
    sponsor_name = forms.CharField(
        label="Senior sponsor",
        max_length=200,
        help_text="Someone senior who will open doors to other agencies' managers.",
        error_messages={"required": "Name a senior sponsor: sites without one struggled to recruit."},
    )
    sponsor_role = forms.CharField(
        label="Senior sponsor's role", max_length=200, error_messages={"required": "Enter the sponsor's role."}
    )
    venue = forms.CharField(
        label="Venue",
        max_length=300,
        help_text="Where the monthly two-hour meetings would be held.",
        error_messages={"required": "Enter a venue for the meetings."},
    )


class ScoreForm(forms.Form):
    """One 0-5 score per criterion of the call."""

    def __init__(self, *args, criteria: list[str], initial_scores: dict[int, int] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for index, criterion in enumerate(criteria):
            self.fields[f"criterion_{index}"] = forms.TypedChoiceField(
                label=criterion,
                coerce=int,
                choices=[("", "Choose a score")] + [(n, str(n)) for n in range(6)],
                initial=(initial_scores or {}).get(index),
                error_messages={"required": f"Score “{criterion}” from 0 to 5."},
            )

    def scores(self) -> dict[int, int]:
        return {int(name.split("_")[1]): value for name, value in self.cleaned_data.items()}
