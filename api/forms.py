from django import forms

from api.models import DEFAULT_LIFETIME_DAYS, TokenScope
from api.services import LIFETIME_DAYS


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label="Name of the token",
        max_length=100,
        help_text="What it is for, for example \"Quarterly report spreadsheet\". Only you and programme admins see it.",
    )
    scope = forms.TypedChoiceField(
        label="What it may read",
        choices=TokenScope.choices,
        initial=TokenScope.REPOSITORY,
        required=False,
        empty_value=TokenScope.REPOSITORY,  # not chosen: the smaller scope
        widget=forms.RadioSelect,
        help_text="Only ever what you may see on these pages. Choose the smaller scope unless you need the figures.",
    )
    lifetime_days = forms.TypedChoiceField(
        label="How long it works",
        choices=[(days, f"{days} days") for days in LIFETIME_DAYS],
        coerce=int,
        initial=DEFAULT_LIFETIME_DAYS,
        required=False,
        empty_value=DEFAULT_LIFETIME_DAYS,
        widget=forms.RadioSelect,
        help_text="It stops working after this; you can create another.",
    )

    def __init__(self, *args, may_read_figures: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_read_figures:
            # The figures are for the dashboard's people: nobody else is offered a scope that would read nothing.
            self.fields["scope"].choices = [(TokenScope.REPOSITORY, TokenScope.REPOSITORY.label)]
