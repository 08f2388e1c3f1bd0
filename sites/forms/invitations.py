"""Forms of invitations: sending one, and accepting one (which makes the account)."""

from django import forms
from django.contrib.auth.password_validation import password_validators_help_text_html

from core.form_fields import SafeModelChoiceField
from members.models import Sector
from sites.models import SITE_ROLES, InvitationRole


class AcceptInvitationForm(forms.Form):
    name = forms.CharField(label="Your full name", max_length=200)
    job_title = forms.CharField(label="Job title", max_length=200, required=False)
    agency = forms.CharField(label="Agency or organisation", max_length=200, required=False)
    sector = forms.ChoiceField(label="Sector", choices=[("", "Choose a sector")] + Sector.choices, required=False)
    password = forms.CharField(
        label="Choose a password",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validators_help_text_html(),
        strip=False,
    )
    password_again = forms.CharField(
        label="Type the password again",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("password") and data.get("password") != data.get("password_again"):
            self.add_error("password_again", "The two passwords are different. Type the same password twice.")
        return data


class InviteForm(forms.Form):
    email = forms.EmailField(label="Email address")
    role = forms.ChoiceField(label="Role")
    site = SafeModelChoiceField(label="Site", queryset=None, required=False, empty_label="Choose a site")

    def __init__(self, *args, sites, allow_programme_roles: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites
        roles = [(r.value, r.label) for r in InvitationRole if r in SITE_ROLES or allow_programme_roles]
        self.fields["role"].choices = roles
        if sites.count() == 1:
            self.fields["site"].initial = sites.first()

    def clean(self):
        data = super().clean()
        if data.get("role") in SITE_ROLES and not data.get("site"):
            self.add_error("site", "Choose the site this person is invited to.")
        return data
