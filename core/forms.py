"""Form helpers shared by the apps: a base for forms crispy renders inside a page's own <form>, and showing a
service's refusal on the form whose data it refused."""

from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError


class CrispyFieldsForm(forms.Form):
    """Crispy renders the fields only; the template writes the <form> tag and its buttons."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


def add_service_error(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: a field's messages under that field when the form has it, at
    the top of the form otherwise."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            for each in errors:
                form.add_error(field if field in form.fields else None, each)
    else:
        form.add_error(None, error)
