"""Personal data the recruitment app holds about people with an account (collected by members.data_rights): only
their name, typed as who made an approach to an agency. Erasure replaces it with the pseudonym."""

from recruitment.models import Approach


def erase_personal_data(person, pseudonym: str) -> None:
    if person.name:
        Approach.objects.filter(made_by__iexact=person.name).update(made_by=pseudonym)
