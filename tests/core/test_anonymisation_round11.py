"""Classes the development corpora and corpus 16 showed (issue 27, round 11).

A nickname between a first name and a surname: every quoting a note uses (double, single, in brackets, a first name's
short form in brackets without quotes) before a surname written every way (capitalised, in capitals, with O' or Mc),
found as one person; with its controls, a bracket that holds a role or a relation, and a capitalised word after a
bracket that starts the next thought.
"""

from __future__ import annotations

import pytest

from core.anonymisation import find_personal_data


def of_kind(text: str, kind: str) -> list[str]:
    return [finding.text for finding in find_personal_data(text) if finding.kind == kind]


# --- A nickname between a first name and a surname --------------------------------------------------------------------

_NICKNAMED = [("Maureen", "Mo"), ("Stephen", "Steve"), ("Benedict", "Ben"), ("Dorothy", "Dot"), ("Michael", "Mick")]
_QUOTINGS = ['"{nick}"', "'{nick}'", '("{nick}")', "('{nick}')"]
_SURNAMES = ["FINNEGAN", "O'ROURKE", "OYELARAN", "Finnegan", "McBride", "Dowd"]


@pytest.mark.parametrize("quoting", _QUOTINGS)
@pytest.mark.parametrize("surname", _SURNAMES)
def test_a_quoted_nickname_between_first_name_and_surname_is_one_person(quoting: str, surname: str) -> None:
    missed = []
    for first, nick in _NICKNAMED:
        name = f"{first} {quoting.format(nick=nick)} {surname}"
        for text in (f"Client: {name}, 71, lives alone.", f"Home visit to {name} today with the OT."):
            if name not in of_kind(text, "name"):
                missed.append(text)
    assert missed == []


@pytest.mark.parametrize("surname", ["NOLAN", "Nolan", "HALLIWELL", "O'ROURKE"])
@pytest.mark.parametrize(("first", "short"), [("Beatrice", "Betty"), ("Thomas", "Tommy"), ("Margaret", "Peggy")])
def test_a_first_names_short_form_in_brackets_before_a_surname_is_one_person(first: str, short: str, surname: str):
    name = f"{first} ({short}) {surname}"
    assert of_kind(f"Referral for {name} received today.", "name") == [name]


@pytest.mark.parametrize("bracketed", ["Mum", "SW", "CPN", "Ward 4", "Monday"])
def test_a_role_or_relation_in_brackets_is_not_a_nickname(bracketed: str) -> None:
    found = of_kind(f"Jane ({bracketed}) rang the duty line about the review.", "name")
    assert found == ["Jane"]


@pytest.mark.parametrize("word", ["Called", "Discussed", "Agreed", "Safeguarding"])
def test_a_capitalised_word_after_a_bracketed_nickname_is_not_taken_for_a_surname(word: str) -> None:
    found = of_kind(f'Karen Doyle ("Kaz") {word} the office at 10:00.', "name")
    assert found == ["Karen Doyle", "Kaz"]


@pytest.mark.parametrize("text", ["Karen's 'new' flat is damp.", "Peter's 'Friday' group met."])
def test_a_possessive_before_a_quoted_word_is_not_a_nickname(text: str) -> None:
    assert len(of_kind(text, "name")) == 1
