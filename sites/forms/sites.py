"""Forms for host sites, budgets, target disciplines and imports. They validate; services decide."""

from decimal import Decimal

from django import forms
from django.utils import timezone

from core.form_fields import CheckedFileField, SafeModelMultipleChoiceField
from members.models import Sector, User
from sites.models import ENDED_STATUSES, ExpenseCategory, SiteStatus
from sites.services.imports import MAX_UPLOAD_BYTES, NOT_CSV, TOO_BIG

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def required(what: str) -> dict:
    return {"required": f"Enter {what}."}


class PersonChoiceField(SafeModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.email})"


ENDED = " ".join(sorted(ENDED_STATUSES))


class SiteForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=12,
        help_text="Short code, for example CP7.",
        error_messages=required("the site's code"),
    )
    name = forms.CharField(
        label="Name",
        max_length=200,
        help_text="For example “Brighton Community of Practice”.",
        error_messages=required("the site's name"),
    )
    town = forms.CharField(label="Town", max_length=100, error_messages=required("the town"))
    host_organisation = forms.CharField(
        label="Host organisation", max_length=200, error_messages=required("the host organisation")
    )
    facilitators = PersonChoiceField(
        label="Facilitators",
        # Commissioners and knowledge brokers work across the programme and never run a site's discussion
        # (commissioners hold no site role at all: sites.services.memberships.check_may_hold_membership).
        queryset=User.objects.filter(is_active=True, is_commissioner=False, is_knowledge_broker=False).order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"data-picker": "Find a person"}),
        help_text="Tick the people who will facilitate. Only people with an account are listed; invite someone "
        "new from Invitations first.",
    )
    start_date = forms.DateField(
        label="Start date", widget=DATE_WIDGET, initial=timezone.localdate, error_messages=required("the start date")
    )
    status = forms.ChoiceField(label="Status", choices=SiteStatus.choices, initial=SiteStatus.SETTING_UP)
    ended_on = forms.DateField(
        label="Date it ended",
        widget=forms.DateInput(attrs={"type": "date", "data-show-when-status": ENDED}, format="%Y-%m-%d"),
        required=False,
        help_text="Only when the site is closed or failed.",
    )
    ended_reason = forms.CharField(
        label="Why it ended",
        widget=forms.Textarea(attrs={"rows": 3, "data-show-when-status": ENDED}),
        required=False,
        help_text="Only when the site is closed or failed: what happened, for the programme's learning.",
    )

    def __init__(self, *args, new: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if new:  # a site that is only now being created cannot have ended
            del self.fields["ended_on"], self.fields["ended_reason"]
            self.fields["status"].choices = [(v, label) for v, label in SiteStatus.choices if v not in ENDED_STATUSES]

    def clean(self):
        data = super().clean()
        if data.get("status") in ENDED_STATUSES:
            if not data.get("ended_on") and "ended_on" not in self.errors:
                self.add_error(
                    "ended_on", "Enter the date the site ended: it is needed when a site is closed or failed."
                )
            if not (data.get("ended_reason") or "").strip():
                self.add_error("ended_reason", "Say why the site ended: it is needed when a site is closed or failed.")
        return data


class ExpenseForm(forms.Form):
    category = forms.ChoiceField(label="Category", choices=ExpenseCategory.choices)
    spent_on = forms.DateField(label="Date", widget=DATE_WIDGET, initial=timezone.localdate)
    amount = forms.DecimalField(
        label="Amount (£)",
        min_value=Decimal("0.01"),
        max_digits=10,
        decimal_places=2,
        help_text="For example 45.50",
        error_messages=required("the amount, for example 45.50"),
    )
    note = forms.CharField(label="Note", max_length=300, required=False, help_text="What it was for (optional).")
    confirm_over_budget = forms.BooleanField(
        label="Record it anyway, over the award", required=False, widget=forms.HiddenInput
    )
    # The amount the warning was shown for: ticking the box confirms that amount only.
    warned_amount = forms.DecimalField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if data.get("confirm_over_budget") and data.get("warned_amount") != data.get("amount"):
            data["confirm_over_budget"] = False
        return data

    def service_arguments(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "warned_amount"}

    def ask_for_confirmation(self) -> None:
        """Show the tick box, unticked, for the amount just entered."""
        self.fields["confirm_over_budget"].widget = forms.CheckboxInput()
        self.data = self.data.copy()
        self.data["warned_amount"] = str(self.cleaned_data["amount"])
        self.data.pop("confirm_over_budget", None)


class AwardForm(forms.Form):
    award = forms.DecimalField(label="Award (£)", min_value=Decimal("0"), max_digits=10, decimal_places=2)


class TargetSizeForm(forms.Form):
    minimum = forms.IntegerField(label="Smallest group", min_value=1, max_value=100)
    maximum = forms.IntegerField(label="Largest group", min_value=1, max_value=100)

    def clean(self):
        data = super().clean()
        if data.get("minimum") and data.get("maximum") and data["maximum"] < data["minimum"]:
            self.add_error("maximum", "The largest group cannot be smaller than the smallest group.")
        return data


class TargetDisciplineForm(forms.Form):
    name = forms.CharField(label="Discipline", max_length=200, help_text="For example “Probation officer”.")
    sector = forms.ChoiceField(label="Sector", choices=[("", "Any sector")] + Sector.choices, required=False)
    keywords = forms.CharField(
        label="Words in job titles",
        max_length=300,
        help_text="Separate with commas, for example “probation, offender manager”. Capitals do not matter.",
    )


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label="What the file holds",
        choices=[("members", "A member list"), ("attendance", "Attendance registers")],
        widget=forms.RadioSelect,
        initial="members",
    )
    file = CheckedFileField(
        kinds={"csv"},
        max_bytes=MAX_UPLOAD_BYTES,
        accepted="a CSV file: save the spreadsheet as “CSV UTF-8”",
        messages={"too_big": TOO_BIG, "not_accepted": NOT_CSV},
        label="CSV file",
        help_text="Save your spreadsheet as “CSV UTF-8”. At most 2 MB.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError(NOT_CSV)
        return upload


class MatrixDateForm(forms.Form):
    as_of = forms.DateField(label="As of", widget=DATE_WIDGET, required=False)
    sites = forms.CharField(label="Sites", max_length=100, required=False, strip=True)
