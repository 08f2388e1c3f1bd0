"""Forms of the site members page: adding a person, ending a membership, changing a role, a new job."""

from django import forms

from members.models import Sector
from sites.models import MembershipRole


class AddMemberForm(forms.Form):
    email = forms.EmailField(
        label="Email address", help_text="If this person already has an account, they are added with their details."
    )
    name = forms.CharField(label="Full name", max_length=200, required=False, help_text="Needed for someone new.")
    job_title = forms.CharField(label="Job title", max_length=200, required=False)
    agency = forms.CharField(label="Agency or organisation", max_length=200, required=False)
    sector = forms.ChoiceField(label="Sector", choices=[("", "Choose a sector")] + Sector.choices, required=False)
    expert_by_experience = forms.BooleanField(label="Expert by experience", required=False)
    role = forms.ChoiceField(label="Role at this site", choices=MembershipRole.choices, initial=MembershipRole.MEMBER)
    joined = forms.DateField(
        label="Date joined", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), required=False
    )

    def details(self) -> dict:
        return {f: self.cleaned_data[f] for f in ("name", "job_title", "agency", "sector", "expert_by_experience")}

    def details_not_used(self, person) -> list[str]:
        """Labels of what was typed for someone who already had an account and differs from their own details
        (an account keeps its owner's details), so the page can say so instead of dropping it silently."""
        typed = {f: v for f, v in self.details().items() if v not in ("", None, False)}
        return [self.fields[f].label.lower() for f, v in typed.items() if v != getattr(person, f)]


class EndMembershipForm(forms.Form):
    left = forms.DateField(label="Date they left", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    reason = forms.CharField(label="Why they left", max_length=300, help_text="For example “moved job”.")


class MembershipRoleForm(forms.Form):
    role = forms.ChoiceField(label="Role", choices=MembershipRole.choices)


class JobChangeForm(forms.Form):
    job_title = forms.CharField(
        label="New job title", max_length=200, error_messages={"required": "Enter the job title."}
    )
    agency = forms.CharField(label="Agency or organisation", max_length=200, required=False)
    sector = forms.ChoiceField(label="Sector", choices=[("", "Choose a sector")] + Sector.choices, required=False)
    started_on = forms.DateField(
        label="In this job from",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": "Enter the date they started.", "invalid": "Enter a real date, like 14/03/2026."},
        help_text="The membership matrix shows their old title before this date and the new one from it.",
    )
