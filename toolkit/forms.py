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
