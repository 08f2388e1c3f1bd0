"""Personal data the cpd app holds (collected by members.data_rights): a person's reflective notes, in their copy;
on erasure they are deleted (private writing of the person, useful to no one else)."""

from cpd.models import ReflectiveNote
from members.data_rights import plain


def export_personal_data(person) -> dict:
    return {
        "reflective_notes": [
            {"title": note.title, "text": note.text, "written_on": plain(note.written_on)}
            for note in ReflectiveNote.objects.filter(person=person).order_by("written_on", "pk")
        ]
    }


def erase_personal_data(person, pseudonym: str) -> None:
    ReflectiveNote.objects.filter(person=person).delete()
