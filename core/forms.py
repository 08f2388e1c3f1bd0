"""Form helpers shared by the apps: a base for forms crispy renders inside a page's own <form>, and showing a
service's refusal on the form whose data it refused."""

from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction


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


def save_all_or_none(steps, *, changed_only=()) -> bool:
    """Run each (form, save) of a page that submits two forms at once, all or none: a form that was not submitted is
    skipped, and so is one of `changed_only` that did not change; a service's refusal is shown on its own form and
    nothing is kept. True when saved."""
    with transaction.atomic():
        for form, save in steps:
            if not form.is_bound or (form in changed_only and not form.has_changed()):
                continue
            try:
                save()
            except ValidationError as error:
                add_service_error(form, error)
                transaction.set_rollback(True)
                return False
    return True
