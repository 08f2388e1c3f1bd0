"""Numbers from requests, read safely: model choice fields that refuse out-of-range ids with a form error instead of a
database error (Django passes a 30-digit "id" straight to the database, which overflows), and `whole_number` for
ids and years read by hand from a query string or a form's raw data.

Hand-made checks such as `value.isdigit()` then `int(value)` fail two ways: isdigit() accepts superscripts ("²"),
which int() refuses, and int() refuses text of more than 4,300 digits; a number that does convert may still be too
large for the database. whole_number() accepts only ASCII digits, at most 19 of them, within the bounds given.
The one file field every upload uses (`CheckedFileField`) is here too."""

from collections.abc import Callable

from django import forms
from django.core.exceptions import ValidationError

from core.uploads import ALL_KINDS, UploadRefused, check_upload

LARGEST_ID = 2**63 - 1


def whole_number(value, *, smallest: int = 1, largest: int = LARGEST_ID) -> int | None:
    """The whole number written in `value` when it is one (ASCII digits) between smallest and largest, else None.
    By default: something that can be a database id."""
    text = str(value if value is not None else "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(LARGEST_ID)):
        return None
    number = int(text)
    return number if smallest <= number <= largest else None


def _looks_like_valid_id(value) -> bool:
    text = str(value).strip().removeprefix("-").removeprefix("+")
    if not (text.isascii() and text.isdigit()):
        return True  # not a number at all: Django itself reports an invalid choice
    return whole_number(text, smallest=0) is not None


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


class CheckedFileField(forms.FileField):
    """Every upload field is one of these: the file is checked by its content (core.uploads: its kind, the members
    of an archive, HTML in text, its size) before the form is valid. `max_bytes` may be a callable, read each time."""

    def __init__(
        self, *, kinds=ALL_KINDS, max_bytes: int | Callable[[], int], accepted: str, messages=None, **kwargs
    ):
        """`messages` may replace the refusal for a code ("too_big", "not_accepted") with words for this form."""
        self.kinds, self.max_bytes, self.accepted = frozenset(kinds), max_bytes, accepted
        self.refusal_messages = messages or {}
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload and upload is not initial and hasattr(upload, "read"):
            limit = self.max_bytes() if callable(self.max_bytes) else self.max_bytes
            try:
                check_upload(upload, kinds=self.kinds, max_bytes=limit, accepted=self.accepted)
            except UploadRefused as refused:
                if refused.code in self.refusal_messages:
                    raise UploadRefused(self.refusal_messages[refused.code], code=refused.code) from None
                raise
        return upload
