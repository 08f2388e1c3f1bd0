"""Model choice fields that refuse out-of-range ids with a form error instead of a database error
(Django passes a 30-digit "id" straight to the database, which overflows)."""

from django import forms
from django.core.exceptions import ValidationError

LARGEST_ID = 2**63 - 1


def _looks_like_valid_id(value) -> bool:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return True  # not a number at all: Django itself reports an invalid choice
    return -LARGEST_ID <= number <= LARGEST_ID


class SafeModelChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not _looks_like_valid_id(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class SafeModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def clean(self, value):
        if isinstance(value, list | tuple) and not all(_looks_like_valid_id(v) for v in value):
            raise ValidationError(self.error_messages["invalid_list"], code="invalid_list")
        return super().clean(value)
