"""The programme's known organisations and public numbers, kept by programme admins and read by the gate.

The gate reads the list on every check, so it is kept in each process and reloaded only when it changes: every
change bumps a version in the shared cache after it commits, and a process whose copy is of another version loads
the list again (one query). While the table is empty (a database that was never seeded) the seed list applies.
"""

from __future__ import annotations

import uuid

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from cases.models import KnownTerm, KnownTermKind
from core import anonymisation
from core.anonymisation.known import digits_of

VERSION_KEY = "cases:known-terms:version"
_loaded: tuple[str | None, anonymisation.KnownTerms | None] = (None, None)


def known_terms() -> anonymisation.KnownTerms:
    """The list the gate passes to the detector: the programme's listed entries (the seed list if never seeded)."""
    global _loaded
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    loaded_version, terms = _loaded
    if terms is None or version is None or loaded_version != version:
        terms = _load()
        if terms is None:
            return anonymisation.KnownTerms()  # the table is not there yet: the seed list, not kept
        _loaded = (version, terms)
    return terms


def _load() -> anonymisation.KnownTerms | None:
    try:
        with transaction.atomic():  # a savepoint: a database without the table yet (mid-migration) stays usable
            rows = list(KnownTerm.objects.values_list("kind", "text", "listed"))
    except DatabaseError:
        return None
    if not rows:
        return anonymisation.KnownTerms()  # never seeded: the seed list alone
    listed = [(kind, text) for kind, text, is_listed in rows if is_listed]
    return anonymisation.KnownTerms(
        organisations=tuple(text for kind, text in listed if kind == KnownTermKind.ORGANISATION),
        numbers=tuple(text for kind, text in listed if kind == KnownTermKind.NUMBER),
        with_seed=False,
    )


def forget_known_terms() -> None:
    """Make every process load the list again (after a change commits)."""
    global _loaded
    _loaded = (None, None)
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def _require_admin(by) -> None:
    if not by.has_perm("cases.manage_known_terms"):
        raise PermissionDenied("Only programme admins keep the list of known organisations and numbers.")


def _clean(kind: str, text: str, label: str) -> tuple[str, str, str]:
    text, label = " ".join(text.split()), " ".join(label.split())
    if kind not in KnownTermKind.values:
        raise ValidationError("Choose whether this is an organisation or a public phone number.")
    if not text:
        raise ValidationError("Write the organisation's name or the number.")
    if kind == KnownTermKind.NUMBER and len(digits_of(text)) < 3:
        raise ValidationError("A public number needs at least three digits, for example 116 123.")
    if kind == KnownTermKind.ORGANISATION and not any(char.isalpha() for char in text):
        raise ValidationError("An organisation's name needs letters: add a number as a public phone number instead.")
    return kind, text, label


def check_known_term(*, by, kind: str, text: str, label: str = "", term: KnownTerm | None = None) -> None:
    """Raise ValidationError if this entry cannot be saved (for a form to show before saving)."""
    _require_admin(by)
    kind, text, label = _clean(kind, text, label)
    same = _same_entries(kind, text).exclude(pk=term.pk if term is not None else None)
    if term is not None and same.exists() or term is None and same.filter(listed=True).exists():
        raise ValidationError(f"{text} is already on the list.")


def _same_entries(kind: str, text: str):
    """Entries that are the same organisation (case ignored) or the same number (digits compared)."""
    if kind == KnownTermKind.NUMBER:
        digits = digits_of(text)
        pks = [
            pk
            for pk, number in KnownTerm.objects.filter(kind=kind).values_list("pk", "text")
            if digits_of(number) == digits
        ]
        return KnownTerm.objects.filter(pk__in=pks)
    return KnownTerm.objects.filter(kind=kind, text__iexact=text)


def _describe(term: KnownTerm) -> str:
    return f"{term.get_kind_display().lower()} '{term.text}'"


def _changed(by, term: KnownTerm, detail: str, action: str = AuditAction.CHANGED) -> None:
    record_event(actor=by, action=action, target=term, detail=f"known list: {detail}")
    transaction.on_commit(forget_known_terms)


@transaction.atomic
def add_known_term(*, by, kind: str, text: str, label: str = "") -> KnownTerm:
    """Add an organisation or public number to the list; one already there (or removed before) is listed again."""
    _require_admin(by)
    kind, text, label = _clean(kind, text, label)
    term = _same_entries(kind, text).order_by("-listed").first()
    if term is not None and term.listed:
        raise ValidationError(f"{text} is already on the list.")
    if term is None:
        term = KnownTerm.objects.create(kind=kind, text=text, label=label, changed_by=by)
        _changed(by, term, f"added {_describe(term)}", AuditAction.CREATED)
        return term
    term.text, term.label, term.listed, term.changed_by, term.changed_at = text, label, True, by, timezone.now()
    term.save(update_fields=["text", "label", "listed", "changed_by", "changed_at"])
    _changed(by, term, f"listed {_describe(term)} again")
    return term


@transaction.atomic
def change_known_term(*, term: KnownTerm, by, kind: str, text: str, label: str = "", listed: bool = True) -> KnownTerm:
    """Correct an entry, or remove it from the list (listed=False) or put it back."""
    _require_admin(by)
    kind, text, label = _clean(kind, text, label)
    if _same_entries(kind, text).exclude(pk=term.pk).exists():
        raise ValidationError(f"{text} is already on the list: change that entry instead.")
    before = _describe(term)
    was_listed = term.listed
    term.kind, term.text, term.label, term.listed = kind, text, label, listed
    term.changed_by, term.changed_at = by, timezone.now()
    term.save(update_fields=["kind", "text", "label", "listed", "changed_by", "changed_at"])
    if was_listed and not listed:
        detail = f"removed {before}"
    elif listed and not was_listed:
        detail = f"listed {_describe(term)} again"
    else:
        detail = f"changed {before} to {_describe(term)}"
    _changed(by, term, detail, AuditAction.DELETED if detail.startswith("removed") else AuditAction.CHANGED)
    return term


def remove_known_term(*, term: KnownTerm, by) -> KnownTerm:
    """Take an entry off the list: the gate raises it again. The entry is kept, unlisted, as the record."""
    return change_known_term(term=term, by=by, kind=term.kind, text=term.text, label=term.label, listed=False)
