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


# The shapes every field here takes: a message for each way it can be wrong, and optional when it has none to say
# it is missing.
def _text(label: str, missing: str = "", *, max_length: int | None = 200, **kwargs) -> forms.CharField:
    """A line of text (or a Textarea, given as widget); required when `missing` says what to enter."""
    if missing:
        kwargs["error_messages"] = {"required": missing}
    return forms.CharField(label=label, max_length=max_length, required=bool(missing), **kwargs)


def _email(label: str, missing: str = "", *, example: str = "name@example.org", **kwargs) -> forms.EmailField:
    messages = {"invalid": f"Enter an email address like {example}."}
    if missing:
        messages["required"] = missing
    return forms.EmailField(label=label, required=bool(missing), error_messages=messages, **kwargs)


def _date(label: str, what: str = "the date", *, optional: bool = False, **kwargs) -> forms.DateField:
    """A date picker; `what` names the date in the messages ("Enter the closing date.")."""
    messages = {"invalid": f"Enter {what} as a date, for example 14/03/2026."}
    if not optional:
        messages["required"] = f"Enter {what}."
    return forms.DateField(label=label, widget=DATE_WIDGET, required=not optional, error_messages=messages, **kwargs)


class AgencyForm(forms.Form):
    name = _text("Agency", "Enter the agency's name.", help_text="For example “Brighton & Hove adult social care”.")
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
    name = _text("Manager's name", "Enter the name.")
    role = _text("Role", help_text="For example “Team manager”.")
    email = _email("Work email", example="name@agency.gov.uk")
    phone = _text("Work phone", max_length=40)


class ManagerChoiceField(SafeModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return str(obj)


class ApproachForm(forms.Form):
    """An approach to record, or one recorded earlier to change."""

    approached_on = _date("Date", initial=timezone.localdate)
    made_by = _text(
        "Made by", "Say who made the approach.", help_text="Who approached the agency: you, or the senior sponsor."
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
    next_step = _text("Next step", max_length=300, help_text="For example “Meet the team manager in person”.")
    next_step_by = _date("Next step by", optional=True)

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["manager"].queryset = AgencyManager.objects.filter(agency=agency)


class SeniorSponsorForm(forms.Form):
    name = _text("Name", "Enter the sponsor's name.")
    role = _text("Role", "Enter the sponsor's role.", help_text="For example “Director of services”.")
    agency = _text("Organisation", "Enter the sponsor's organisation.", help_text="Usually the host organisation.")
    agreed_on = _date("Date they agreed", "the date they agreed", initial=timezone.localdate)


# The call for host sites
class HostSiteCallForm(forms.Form):
    title = _text("Title", "Enter a title for the call.", initial="Host a community of practice")
    introduction = _text(
        "Introduction",
        max_length=None,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What applicants should know: who may apply, what the award pays for.",
    )
    criteria = _text(
        "Criteria",
        "Write at least one criterion.",
        max_length=None,
        widget=forms.Textarea(attrs={"rows": 5}),
        initial="The facilitator's experience of setting up and running groups\nA senior sponsor in the organisation\n"
        "Reach into the sectors the community needs\nA suitable, accessible venue",
        help_text="One a line. Reviewers score each from 0 to 5.",
    )
    closes_on = _date("Closing date", "the closing date")
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
    """The public application form: no account needed. Shown in the groups of `sections`."""

    organisation = _text("Organisation", "Enter your organisation's name.")
    town = _text("Town or area the community would serve", "Enter the town or area.", max_length=100)
    contact_name = _text("Your name", "Enter your name.", help_text="The person we write to about this application.")
    contact_email = _email(
        "Your email address", "Enter your email address.", help_text="We send the confirmation and the outcome here."
    )
    facilitator_name = _text("Facilitator's name", "Enter the proposed facilitator's name.")
    facilitator_email = _email(
        "Facilitator's email address",
        "Enter the facilitator's email address.",
        help_text="If you are awarded, the invitation to set up the site goes here.",
    )
    facilitator_experience = _text(
        "The facilitator's experience of setting up and running groups",
        "Describe the facilitator's experience of running groups: it is part of the selection.",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Groups they have set up or run, for whom, and for how long. A few sentences are enough.",
    )
    sectors = forms.MultipleChoiceField(
        label="Sectors you can reach",
        choices=Sector.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Where you have contacts who could release front-line staff. Tick all that apply.",
        error_messages={"required": "Tick at least one sector your organisation can reach."},
    )
    sponsor_name = _text(
        "Senior sponsor's name",
        "Name a senior sponsor: sites without one struggled to recruit.",
        help_text="Someone senior in your organisation who will open doors to other agencies' managers.",
    )
    sponsor_role = _text(
        "Senior sponsor's role", "Enter the sponsor's role.", help_text="For example “Chief executive”."
    )
    venue = _text(
        "Venue",
        "Enter a venue for the meetings.",
        max_length=300,
        help_text="Where the monthly two-hour meetings would be held.",
    )

    sections = [
        ("About your organisation", ["organisation", "town", "contact_name", "contact_email", "sectors"]),
        ("The proposed facilitator", ["facilitator_name", "facilitator_email", "facilitator_experience"]),
        ("Senior sponsor and venue", ["sponsor_name", "sponsor_role", "venue"]),
    ]

    def grouped_fields(self) -> list[tuple[str, list]]:
        return [(legend, [self[name] for name in names]) for legend, names in self.sections]


SCORES = [(0, "0: not met")] + [(n, str(n)) for n in range(1, 5)] + [(5, "5: fully met")]


class ScoreForm(forms.Form):
    """One 0-5 score per criterion of the call."""

    def __init__(self, *args, criteria: list[str], initial_scores: dict[int, int] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for index, criterion in enumerate(criteria):
            self.fields[f"criterion_{index}"] = forms.TypedChoiceField(
                label=criterion,
                coerce=int,
                choices=[("", "Choose a score")] + SCORES,
                initial=(initial_scores or {}).get(index),
                error_messages={"required": f"Score “{criterion}” from 0 to 5."},
            )

    def scores(self) -> dict[int, int]:
        return {int(name.split("_")[1]): value for name, value in self.cleaned_data.items()}
