"""'Fix it for me' on whole cases: several fields, one person named several ways, relations, identifiers."""

from __future__ import annotations

from datetime import date

from core.anonymisation import find_personal_data
from core.anonymisation.fixes import age_band, apply_fixes, fix_all, propose_fixes

ON = date(2026, 12, 1)

CASE = {
    "presentation": (
        "Jade Hughes (12/03/1989) lives at Flat 3, 12 Park Road, Brighton BN2 1AB with her sister Kayleigh. "
        "Jade's NHS number is 943 476 5919. Her CPN Marek Nowak visits weekly."
    ),
    "next_steps": (
        "Ask Ms Hughes whether Kayleigh can come to the review. Marek to ring 07700 900123. "
        "txt from jade yesterday: she is ok."
    ),
    "learning": "Kayleigh said the hostel felt unsafe.",
}


def test_fix_all_on_a_case_keeps_it_readable_and_consistent_across_fields() -> None:
    result = fix_all(CASE, reference_date=ON)
    assert result.texts == {
        "presentation": (
            "Person A (aged 30-39) lives at a street in Brighton with A's sister. "
            "Person A's NHS number is [NHS number removed]. Her CPN Person B visits weekly."
        ),
        "next_steps": (
            "Ask Person A whether A's sister can come to the review. Person B to ring [phone number removed]. "
            "txt from Person A yesterday: she is ok."
        ),
        "learning": "A's sister said the hostel felt unsafe.",
    }


def test_nothing_is_found_again_after_the_fix() -> None:
    result = fix_all(CASE, reference_date=ON)
    assert all(find_personal_data(text) == [] for text in result.texts.values())


def test_summary_holds_kinds_and_counts_never_the_text() -> None:
    result = fix_all(CASE, reference_date=ON)
    assert result.summary == {
        "name": 9,
        "date_of_birth": 1,
        "address": 1,
        "postcode": 1,
        "nhs_number": 1,
        "phone": 1,
    }
    shown = " ".join(result.summary_lines()) + repr(result.summary)
    for secret in ("Jade", "Hughes", "Kayleigh", "Marek", "5919", "Park Road", "BN2", "1989", "07700"):
        assert secret not in shown


def test_letters_follow_first_mention_and_a_surname_alone_finds_its_person() -> None:
    texts = {
        "presentation": "Mr Chidi Okafor was evicted. His friend Dwayne Price let him sleep on the sofa.",
        "follow_up": "Mr Okafor and Tanisha both came back. Price has not been seen; Chidi rang twice.",
    }
    result = fix_all(texts)
    assert result.texts["presentation"] == "Person A was evicted. A's friend let him sleep on the sofa."
    assert (
        result.texts["follow_up"]
        == "Person A and Person B both came back. A's friend has not been seen; Person A rang twice."
    )


def test_two_people_sharing_a_first_name_are_kept_apart() -> None:
    texts = {"notes": "Jade Hughes and Jade Mensah share a flat. Jade said the boiler was broken."}
    replaced = fix_all(texts).texts["notes"]
    assert replaced == "Person A and Person B share a flat. Person A or B said the boiler was broken."
    assert find_personal_data(replaced) == []


def test_address_without_a_town_and_date_of_birth_without_a_reference_date() -> None:
    texts = {"notes": "Moved to 27 Coleridge Street last week. DOB: 04/07/1992."}
    assert fix_all(texts).texts["notes"] == "Moved to an address last week. [date of birth removed]."
    assert fix_all(texts, reference_date=ON).texts["notes"] == "Moved to an address last week. aged 30-39."


def test_the_presenter_can_apply_some_replacements_and_not_others() -> None:
    texts = {"notes": "Kayleigh rang from 07700 900123 about her NI number AB123456C."}
    replacements = propose_fixes(texts)
    assert [r.kinds for r in replacements] == [("name",), ("phone",), ("ni_number",)]
    chosen = [r for r in replacements if r.kinds != ("name",)]
    result = apply_fixes(texts, chosen)
    assert result.texts["notes"] == "Kayleigh rang from [phone number removed] about her NI number [NI number removed]."
    assert result.summary == {"phone": 1, "ni_number": 1}


def test_findings_given_by_the_caller_are_used_as_they_are() -> None:
    texts = {"notes": "Seen with Kayleigh and Dwayne."}
    findings = {"notes": [f for f in find_personal_data(texts["notes"]) if f.text == "Dwayne"]}
    result = apply_fixes(texts, propose_fixes(texts, findings))
    assert result.texts["notes"] == "Seen with Kayleigh and Person A."


def test_age_bands() -> None:
    assert age_band(date(1989, 3, 12), ON) == "aged 30-39"
    assert age_band(date(2015, 6, 14), ON) == "aged 10-14"
    assert age_band(date(2009, 12, 2), ON) == "aged 15-17"
    assert age_band(date(2007, 1, 1), ON) == "aged 18-19"
    assert age_band(date(1950, 1, 1), ON) == "aged 70-79"
    assert age_band(date(1989, 3, 12), ON, in_words=True) == "in their thirties"
    assert age_band(date(2015, 6, 14), ON, in_words=True) == "aged 10-14"


def test_age_in_words() -> None:
    texts = {"notes": "Shannon (12/03/1989) was seen."}
    assert (
        fix_all(texts, reference_date=ON, age_in_words=True).texts["notes"] == "Person A (in their thirties) was seen."
    )
