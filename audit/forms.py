from django import forms

from audit.models import AuditAction


class AuditFilterForm(forms.Form):
    person = forms.CharField(label="Person (email or name)", required=False)
    action = forms.ChoiceField(label="Action", choices=[("", "Any action")] + AuditAction.choices, required=False)
    target_type = forms.CharField(label="Object type (for example cases.case)", required=False)
    target_id = forms.CharField(label="Object number", required=False)
    date_from = forms.DateField(label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", "The end date is before the start date.")
        return data
