from django import forms


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label="Name of the token",
        max_length=100,
        help_text="What it is for, for example \"Quarterly report spreadsheet\". Only you and programme admins see it.",
    )
