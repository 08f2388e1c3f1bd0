from django import forms
from django.utils import timezone

from core.form_fields import SafeModelChoiceField
from members.models import User
from sites.forms import DATE_INPUT, TIME_INPUT
from sites.models import ExpenseCategory, SeriesRule, Weekday, WeekOfMonth

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class SeriesForm(forms.Form):
    rule = forms.ChoiceField(
        label="How often", choices=SeriesRule.choices, widget=forms.RadioSelect, initial=SeriesRule.NTH_WEEKDAY
    )
    week_of_month = forms.TypedChoiceField(
        label="Which week of the month", choices=WeekOfMonth.choices, coerce=int, initial=WeekOfMonth.SECOND,
        help_text="Used when meetings are on a weekday in a given week of each month.",
    )  # fmt: skip
    interval_weeks = forms.IntegerField(
        label="Every how many weeks", min_value=1, max_value=12, initial=4,
        help_text="Used when meetings are every few weeks.",
    )  # fmt: skip
    weekday = forms.TypedChoiceField(label="Weekday", choices=Weekday.choices, coerce=int, initial=Weekday.TUESDAY)
    starts_on = forms.DateField(label="First possible date", widget=DATE_INPUT, input_formats=DATE_FORMATS)
    start_time = forms.TimeField(label="Start time (UK time)", widget=TIME_INPUT, input_formats=["%H:%M"])
    end_time = forms.TimeField(label="End time (UK time)", widget=TIME_INPUT, input_formats=["%H:%M"])
    venue = forms.CharField(label="Venue", max_length=300, required=False, help_text="Address and room.")
    horizon_months = forms.IntegerField(
        label="Plan how many months ahead", min_value=1, max_value=24, initial=6,
        help_text="Meetings are created up to this far ahead. You can extend it later.",
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["starts_on"].initial = timezone.localdate()

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", "The end time must be after the start time.")
        return cleaned


class AgendaItemForm(forms.Form):
    title = forms.CharField(label="New agenda item", max_length=200)


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "Up"), ("down", "Down")])


class EntryForm(forms.Form):
    discussion = forms.CharField(
        label="What was discussed", required=False, widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Never write a name or other detail that could identify someone a case is about.",
    )  # fmt: skip
    follow_ups = forms.CharField(label="Follow-ups reported", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class RecordActionForm(forms.Form):
    text = forms.CharField(label="Action agreed", widget=forms.Textarea(attrs={"rows": 2}))
    owner = SafeModelChoiceField(label="Owner (a member of the site)", queryset=User.objects.none(), required=False)
    owner_agency = forms.CharField(
        label="Or an agency", max_length=200, required=False, help_text="When an agency, not a member, owns it."
    )
    due_on = forms.DateField(
        label="Due date", required=False, widget=DATE_INPUT, input_formats=DATE_FORMATS,
        help_text="Leave empty: due by the next meeting.",
    )  # fmt: skip

    def __init__(self, *args, owners=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners if owners is not None else User.objects.none()
        self.fields["owner"].label_from_instance = lambda person: person.name

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("owner") and not (cleaned.get("owner_agency") or "").strip():
            self.add_error("owner", "Choose a member of the site or write the agency's name.")
        return cleaned


class CommentForm(forms.Form):
    text = forms.CharField(label="Suggest a correction", widget=forms.Textarea(attrs={"rows": 2}))


class DoneForm(forms.Form):
    note = forms.CharField(label="Note (optional)", max_length=2000, required=False)


class CaseActionDoneForm(DoneForm):
    status = forms.ChoiceField(
        label="How did it go?",
        choices=[
            ("tried_helpful", "Tried and helpful"),
            ("tried_not_helpful", "Tried and not helpful"),
            ("not_tried", "Not tried"),
        ],
    )


class ConsentForm(forms.Form):
    expert = SafeModelChoiceField(label="Expert by experience", queryset=User.objects.none())
    agreed_to_share = forms.CharField(label="What they agreed to share", widget=forms.Textarea(attrs={"rows": 3}))
    contact_by = forms.CharField(label="How they may be contacted", max_length=300)
    given_on = forms.DateField(label="Date of consent", widget=DATE_INPUT, input_formats=DATE_FORMATS)

    def __init__(self, *args, experts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expert"].queryset = experts if experts is not None else User.objects.none()
        self.fields["expert"].label_from_instance = lambda person: person.name


class PaymentForm(forms.Form):
    expert = SafeModelChoiceField(label="Paid to", queryset=User.objects.none())
    category = forms.ChoiceField(
        label="Kind",
        choices=[(c.value, c.label) for c in (ExpenseCategory.EXPERT_PAYMENT, ExpenseCategory.TRAVEL)],
    )
    amount = forms.DecimalField(label="Amount (£)", min_value=0.01, max_digits=10, decimal_places=2)
    paid_on = forms.DateField(label="Date paid", widget=DATE_INPUT, input_formats=DATE_FORMATS)
    note = forms.CharField(label="Note (optional)", max_length=300, required=False)

    def __init__(self, *args, experts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expert"].queryset = experts if experts is not None else User.objects.none()
        self.fields["expert"].label_from_instance = lambda person: person.name
