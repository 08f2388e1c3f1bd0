"""The case form as one piece: the four parts in order, next steps (part 2) added or removed in the same save, so
nothing a person typed in one part is lost by acting on another."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from cases.models import ActionItem, Case, Theme
from cases.services import lifecycle


def _add_next_step(case: Case, by, next_step: dict | None) -> None:
    if next_step and next_step.get("text", "").strip():
        lifecycle.add_action_item(
            case=case,
            by=by,
            text=next_step["text"],
            owner=next_step.get("owner"),
            owner_agency=next_step.get("owner_agency", ""),
        )


@transaction.atomic
def write_case(*, site, by, next_step: dict | None = None, **fields) -> Case:
    """A new draft with its first next step, if one was written."""
    case = lifecycle.create_case(site=site, by=by, **fields)
    _add_next_step(case, by, next_step)
    return case


def _unchanged(case: Case, themes, presenters, fields: dict) -> bool:
    if any(getattr(case, name) != value for name, value in fields.items()):
        return False
    if themes is not None and {t.pk for t in themes} != set(case.themes.values_list("pk", flat=True)):
        return False
    return presenters is None or {p.pk for p in presenters} == set(case.presenters.values_list("pk", flat=True))


@transaction.atomic
def edit_case(
    *,
    case: Case,
    by,
    based_on: str | None = None,
    themes: Iterable[Theme] | None = None,
    presenters=None,
    next_step: dict | None = None,
    remove_step: int | None = None,
    **fields,
) -> Case:
    """Save the case form: its text (when changed), a new next step, and a next step to remove, all or nothing."""
    themes = list(themes) if themes is not None else None
    presenters = list(presenters) if presenters is not None else None
    if not _unchanged(case, themes, presenters, fields):
        lifecycle.update_case(case=case, by=by, based_on=based_on, themes=themes, presenters=presenters, **fields)
    _add_next_step(case, by, next_step)
    if remove_step is not None:
        action = ActionItem.objects.filter(case=case, pk=remove_step).first()
        if action is None:
            raise ValidationError("That next step has already been removed.")
        lifecycle.remove_action_item(action=action, by=by)
    return case
