from django import forms
from django.utils import timezone

from toolkit.models import DefaultChecklistItem, WarningThresholds


class ChecklistItemForm(forms.Form):
    done = forms.BooleanField(label="This step is done", required=False)
    done_on = forms.DateField(
        label="Date done",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        help_text="Leave as today if you did it today.",
    )
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example who the senior sponsor is, or where the venue is booked.",
    )

    def clean(self):
        data = super().clean()
        if data.get("done") and not data.get("done_on"):
            self.add_error("done_on", "Give the date the step was done, for example 05/03/2026.")
        if data.get("done_on") and data["done_on"] > timezone.localdate():
            self.add_error("done_on", "The date cannot be in the future. Give the day the step was done.")
        return data


class DefaultChecklistItemForm(forms.ModelForm):
    class Meta:
        model = DefaultChecklistItem
        fields = ["title", "guidance", "link"]
        widgets = {"guidance": forms.Textarea(attrs={"rows": 3})}

    def clean_link(self):
        link = self.cleaned_data["link"].strip()
        if link and not link.startswith(("#", "/", "https://")):
            raise forms.ValidationError(
                "Give an anchor on the site page (starting with #), a page of this service (starting with /) "
                "or a web address starting with https://."
            )
        return link


class WarningThresholdsForm(forms.ModelForm):
    class Meta:
        model = WarningThresholds
        fields = [
            "min_confirmed_members",
            "confirmed_after_meetings",
            "confirmed_min_attended",
            "falling_attendance_meetings",
            "sector_gap_days",
            "no_case_meetings",
            "no_meeting_days",
            "budget_margin_points",
        ]
        help_texts = {
            "min_confirmed_members": "A site is at risk with fewer confirmed members than this. Confirmed: current "
            "members (not facilitators) who came to enough meetings.",
            "confirmed_after_meetings": "The check starts once this many meetings are held. The taster counts.",
            "confirmed_min_attended": "How many meetings a member must have come to.",
            "falling_attendance_meetings": "Watch a site whose attendance fell at each of this many meetings in a row.",
            "sector_gap_days": "Watch a site with no current member from a sector for this long.",
            "no_case_meetings": "Watch a site where no case was presented at this many meetings in a row "
            "(once cases are recorded in the product).",
            "no_meeting_days": "Watch a site with no meeting for this long; at risk if none is scheduled either.",
            "budget_margin_points": "Watch a site whose share of the award spent is more than this many points above "
            "its share of the six expected meetings held.",
        }


DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CloseSiteForm(forms.Form):
    ended_on = forms.DateField(
        label="Closing date",
        widget=DATE_INPUT,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        initial=timezone.localdate,
        help_text="Memberships end on this day. Today, or the day of the last meeting.",
        error_messages={"required": "Enter the closing date, for example 05/03/2026."},
    )
    reason = forms.CharField(
        label="Why the site is closing",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For the programme's learning: what happened, in a sentence or two. About the site, not people.",
        error_messages={"required": "Say why the site is closing, for the programme's learning."},
    )


class SproutSiteForm(forms.Form):
    """The new site's own details, and which parts of the existing site it starts with."""

    code = forms.CharField(label="Code", max_length=12, help_text="Short code, for example CP7.")
    name = forms.CharField(label="Name", max_length=200, help_text="For example “Hastings Community of Practice”.")
    town = forms.CharField(label="Town", max_length=100)
    host_organisation = forms.CharField(label="Host organisation", max_length=200)
    start_date = forms.DateField(
        label="Start date", widget=DATE_INPUT, input_formats=["%Y-%m-%d", "%d/%m/%Y"], initial=timezone.localdate
    )
    parts = forms.MultipleChoiceField(
        label="Start with these parts of the existing site",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, available: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parts"].choices = list(available.items())
        self.fields["parts"].initial = [key for key in available if key != "meeting_pattern"]
