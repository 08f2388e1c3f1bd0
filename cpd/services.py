"""Reflective notes: written, changed and removed by their author only."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cpd.models import ReflectiveNote


def _check(*, title: str, text: str, written_on) -> tuple[str, str]:
    title, text = (title or "").strip(), (text or "").strip()
    errors = {}
    if not title:
        errors["title"] = "Give the note a title."
    if not text:
        errors["text"] = "Write your reflection."
    if written_on and written_on > timezone.localdate():
        errors["written_on"] = "The date cannot be in the future."
    if errors:
        raise ValidationError(errors)
    return title, text


@transaction.atomic
def write_reflective_note(*, person, title: str, text: str, written_on, meeting=None) -> ReflectiveNote:
    title, text = _check(title=title, text=text, written_on=written_on)
    return ReflectiveNote.objects.create(person=person, title=title, text=text, written_on=written_on, meeting=meeting)


@transaction.atomic
def change_reflective_note(*, note: ReflectiveNote, title: str, text: str, written_on, meeting=None) -> ReflectiveNote:
    note.title, note.text = _check(title=title, text=text, written_on=written_on)
    note.written_on, note.meeting, note.updated_at = written_on, meeting, timezone.now()
    note.save(update_fields=["title", "text", "written_on", "meeting", "updated_at"])
    return note


@transaction.atomic
def remove_reflective_note(*, note: ReflectiveNote) -> None:
    note.delete()
