"""Classes the detector must hold on text nobody here wrote (issue 27, branch `gen`).

Every sentence was written for this file from the class it stands for, not copied from any corpus: if a rule breaks,
the next member of its class fails here too.
"""

from __future__ import annotations

import pytest

from core.anonymisation import find_personal_data, load_name_data


def kinds_of(text: str, kind: str) -> list[str]:
    return [finding.text for finding in find_personal_data(text) if finding.kind == kind]


# --- An ordinary English word starting a sentence is no name without plain evidence --------------------------------


def test_the_dictionary_is_shipped_and_holds_ordinary_words_not_names() -> None:
    dictionary = load_name_data().dictionary
    assert len(dictionary) > 50_000
    assert {"threshold", "paperwork", "chronology", "rationale", "engagement"} <= dictionary
    assert not {"olumide", "siobhan", "kacper", "cheshire"} & dictionary  # proper nouns keep their capital there


@pytest.mark.parametrize(
    "text",
    [
        "Threshold met for a section 47 enquiry.",
        "Paperwork completed and posted to the panel.",
        "Chronology updated before the core group.",
        "Rationale recorded on the case file.",
        "Sustainment visits agreed for six weeks.",
        "Ombudsman upheld the complaint in part.",
        "Minutes circulated after the meeting.",
        "Mood was low all week and sleep was poor.",
        "Progress was slow but steady.",
    ],
)
def test_a_capitalised_ordinary_word_is_not_a_name(text: str) -> None:
    assert kinds_of(text, "name") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gift said she would come on Monday.", "Gift"),  # a name that is also a word, with a verb said of people
        ("Favour rang the office twice this week.", "Favour"),
        ("Wisdom told me he had no money left.", "Wisdom"),
        ("Marvel was upset about the eviction letter.", "Marvel"),
        ("I checked in with her son Treasure yesterday.", "Treasure"),
    ],
)
def test_an_unlisted_name_that_is_a_word_is_found_on_plain_evidence(text: str, name: str) -> None:
    assert kinds_of(text, "name") == [name]


# --- What is said only of a person: a human state after the name -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Olumide was angry about the letter.", "Olumide"),
        ("Amber was crying when I arrived.", "Amber"),
        ("Rose has been drinking again since the funeral.", "Rose"),
        ("Dariusz seemed very withdrawn at the review.", "Dariusz"),
        ("Ngozi was tearful throughout the visit.", "Ngozi"),
    ],
)
def test_a_human_state_after_a_word_makes_it_a_person(text: str, name: str) -> None:
    assert kinds_of(text, "name") == [name]


# --- Irish name particles keep one name whole --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tadhg Ó Súilleabháin was referred by his GP.", "Tadhg Ó Súilleabháin"),
        ("We met Máire Ní Dhomhnaill at the hub.", "Máire Ní Dhomhnaill"),
    ],
)
def test_an_irish_particle_stays_inside_the_name(text: str, name: str) -> None:
    assert kinds_of(text, "name") == [name]


# --- An address written out before its postcode, whatever its street is called -----------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Address: The Old Forge, Church Lane, Little Snoring, Norfolk NR21 0AA.",
            "The Old Forge, Church Lane, Little Snoring, Norfolk",
        ),
        ("Address 19 Mount Pleasant, BL1 6QT.", "19 Mount Pleasant"),
        ("New address: 4 Tithebarn, Kirkby Lonsdale LA6 2AA", "4 Tithebarn, Kirkby Lonsdale"),
        ("He lives at Bramble End, Long Marston, Tring HP23 4AA now.", "Bramble End, Long Marston, Tring"),
    ],
)
def test_a_written_out_address_before_a_postcode_is_found(text: str, address: str) -> None:
    assert kinds_of(text, "address") == [address]


@pytest.mark.parametrize(
    "text",
    [
        "Seen at Riverside Surgery, Bolton BL1 6QT.",  # a service's premises
        "The office is in Leeds LS1 4AP.",
        "Met her at Costa, Bolton BL1 6QT, for a coffee.",  # no house number and no address cue
    ],
)
def test_a_service_or_a_bare_town_before_a_postcode_is_no_home_address(text: str) -> None:
    assert kinds_of(text, "address") == []
