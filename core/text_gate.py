"""Which free-text fields of each model pass the anonymisation gate, and why the others need not.

Every model with a `CharField` or `TextField` people type into declares, in its own app, one
`text_gate = TextGate(gated={field: label}, exempt={field: reason})`. The gates read `gated` to know what to check
(`gated_texts(obj)`), so the declaration is the one source of truth, and tests/core/test_text_gate_registry.py walks
every model and fails on a free-text field that is neither gated nor exempt with a reason.

The registry lives on each model (each app declares its own), so no layer reaches up to list another's fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from core.anonymisation import KIND_LABELS, find_personal_data

# Kinds a presenter cannot dismiss alone: a facilitator confirms (cases and forum findings).
STRUCTURED_KINDS = frozenset({"nhs_number", "ni_number", "date_of_birth", "phone", "email"})

# A reason for "not personal data" is a real sentence, not a dot.
REASON_MIN_WORDS = 3
REASON_MIN_CHARS = 15
REASON_HELP = (
    f"Write a real sentence (at least {REASON_MIN_WORDS} words and {REASON_MIN_CHARS} characters), for example "
    "“Smith is the name of a service, not a person”."
)
REASON_ERROR = (
    f"Say in a sentence of at least {REASON_MIN_WORDS} words and {REASON_MIN_CHARS} characters why this is not "
    "personal data, so a facilitator can check it."
)


@dataclass(frozen=True)
class TextGate:
    """A model's free-text fields: those the gate checks (with the label people know) and those it need not."""

    gated: Mapping[str, str]
    exempt: Mapping[str, str] = field(default_factory=dict)


def text_gate_of(model) -> TextGate | None:
    return getattr(model, "text_gate", None)


def gated_fields(model) -> Mapping[str, str]:
    """The gated fields of a model (class or instance), by name, with their labels."""
    gate = text_gate_of(model)
    return gate.gated if gate is not None else {}


def gated_texts(obj, *, only: set[str] | None = None) -> dict[str, str]:
    """The text of every gated field of `obj` (saved or not), by field name."""
    return {name: getattr(obj, name) or "" for name in gated_fields(obj) if only is None or name in only}


def check_reason(reason: str) -> str:
    """A dismissal reason, stripped, if it is a real sentence; otherwise ValidationError."""
    reason = " ".join((reason or "").split())
    if len(reason) < REASON_MIN_CHARS or len([w for w in reason.split() if any(c.isalnum() for c in w)]) < (
        REASON_MIN_WORDS
    ):
        raise ValidationError(REASON_ERROR)
    return reason


def refuse_personal_data_in(obj, *, only: set[str] | None = None) -> None:
    """Refuse (ValidationError by field) an object whose gated fields may hold personal data; nothing is saved."""
    refuse_personal_data(gated_texts(obj, only=only))


def refuse_personal_data(texts: dict[str, str]) -> None:
    """The anonymisation gate for text that is saved only when clean: say what was found where."""
    errors = {}
    for name, text in texts.items():
        findings = find_personal_data(text or "")
        if findings:
            shown = "; ".join(f'{KIND_LABELS.get(f.kind, f.kind)}: "{f.text}"' for f in findings[:5])
            errors[name] = (
                f'This could identify someone ({shown}). Remove or replace it (for example "the man", '
                '"his GP") and save again.'
            )
    if errors:
        raise ValidationError(errors)
