"""Forms of the experts-by-experience page: a consent and a payment."""

from django import forms

from core.form_fields import SafeModelChoiceField
from members.models import User
from sites.forms.meetings import DATE_FORMATS, DATE_INPUT
from sites.models import ExpenseCategory


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
