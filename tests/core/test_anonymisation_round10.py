"""Classes corpus 14 showed when it was first measured (issue 27, round 10): a listed first name lost because a
hospital's possessive ("St Thomas'") made its base a never-name; a first name that is a month ("Jan Kowalski"); a
greeting on the line after an address read as the address's town; the same name in another script beside it; a
surname before "family"; dates of birth written in the languages of UK caseloads; a rule's "born before" cut-off; a
second record number listed after the first; services named "... Direct" and a number said to be a general line;
clinical roles' initialisms and job titles in capitals.

Each class is walked through its members, each with its control: the person's own data beside the same words is
still found, and the look-alike is not.
"""

from __future__ import annotations

import pytest

from core.anonymisation import find_personal_data
from core.anonymisation import names as words


def of_kind(text: str, kind: str) -> list[str]:
    return [finding.text for finding in find_personal_data(text) if finding.kind == kind]


# --- Every listed first name, whatever label stands before it ---------------------------------------------------------

_LABELS = ["Manager:", "Investigator:", "Assessor:", "Chair:", "met", "From:"]


@pytest.mark.parametrize("label", _LABELS)
def test_every_listed_first_name_with_a_surname_is_found(label: str) -> None:
    missed = [
        first
        for first in sorted(words.GIVEN_NAMES)
        if f"{first} Okafor" not in of_kind(f"{label} {first} Okafor, direct line 0121 496 0610.", "name")
    ]
    assert missed == []


@pytest.mark.parametrize("hospital", ["St Thomas' Hospital", "Jimmy's", "Bart's"])
def test_the_hospitals_named_by_a_possessive_are_still_no_names(hospital: str) -> None:
    assert of_kind(f"She was transferred to {hospital} on Monday.", "name") == []


# --- A first name that is a month -------------------------------------------------------------------------------------


@pytest.mark.parametrize("first", ["Jan", "April", "May", "June"])
@pytest.mark.parametrize("surname", ["Kowalski", "Thompson", "Nowak"])
def test_a_first_name_that_is_a_month_before_a_surname_is_a_name(first: str, surname: str) -> None:
    assert of_kind(f"From: {first} {surname} <jk.home@o2.co.uk>", "name") == [f"{first} {surname}"]
    assert of_kind(f"Today I met {first} {surname} at the drop-in.", "name") == [f"{first} {surname}"]


@pytest.mark.parametrize("month", ["Jan", "April", "June"])
def test_a_month_after_a_day_is_still_a_date(month: str) -> None:
    assert of_kind(f"Review on 3 {month} Kowalski ward round.", "name") == []


# --- A greeting on the line after an address ------------------------------------------------------------------------


@pytest.mark.parametrize("greeting", ["Hi", "Hello", "Dear"])
@pytest.mark.parametrize("first", ["Claire", "Mohammed", "Bartosz"])
@pytest.mark.parametrize("address", ["12 Beech Ave", "Flat 2, Larch House, 15 Orchard Road"])
def test_the_name_greeted_on_the_line_after_an_address_is_found(greeting: str, first: str, address: str) -> None:
    text = f"Subject: Site visit - {address}\n{greeting} {first}, we attended today."
    assert of_kind(text, "name") == [first]


@pytest.mark.parametrize("town", ["Morley", "Hove", "Bishop Auckland"])
def test_the_town_on_the_line_under_an_address_is_still_no_name(town: str) -> None:
    assert of_kind(f"Mrs Joan Carter\n12 Mill Lane\n{town}\nLS27 9AB", "name") == ["Joan Carter"]


# --- The same name in another script beside it ------------------------------------------------------------------------

_OTHER_SCRIPTS = [
    ("Samir HADDAD", "سمير حداد"),  # Arabic
    ("Shirin Rahmani", "شیرین رحمانی"),  # Persian
    ("Shabana Qureshi", "شبانہ قریشی"),  # Urdu
    ("Dawit Tesfay", "ዳዊት ተስፋይ"),  # Ge'ez (Tigrinya)
    ("Jimmy Cheung", "张志明"),  # Chinese
    ("Anna Nowak", "Анна Новак"),  # Cyrillic
    ("Eleni Papadopoulou", "Ελένη Παπαδοπούλου"),  # Greek
    ("Anil Kumar", "अनिल कुमार"),  # Devanagari, with its vowel signs
    ("Shahana Rahman", "শাহানা রহমান"),  # Bengali
]


@pytest.mark.parametrize(("latin", "other"), _OTHER_SCRIPTS)
def test_a_name_in_another_script_in_brackets_after_the_name_is_found(latin: str, other: str) -> None:
    assert of_kind(f"Patient: {latin} ({other})   DOB: 17/05/87", "name") == [latin, other]


@pytest.mark.parametrize(("latin", "other"), _OTHER_SCRIPTS)
def test_a_name_in_another_script_before_the_name_is_found(latin: str, other: str) -> None:
    assert of_kind(f"Mother {other} / {latin} remains in Sudan.", "name") == [other, latin]


@pytest.mark.parametrize("beside", ["(😀)", "(🇵🇱)", "(★★★)"])
def test_symbols_in_brackets_after_a_name_are_no_name(beside: str) -> None:
    assert of_kind(f"Ruth Mensah {beside} said she is fine.", "name") == ["Ruth Mensah"]


def test_words_in_another_script_beside_no_name_are_not_read_as_one() -> None:
    assert of_kind("She said (سلام خانم) hello and left.", "name") == []


# --- A surname before "family" ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("surname", ["Okonkwo", "O'Hare", "Tesfamariam", "Nowakowski", "Foster"])
@pytest.mark.parametrize("template", ["Calls with the {} family went well.", "Case CS-440912: {} household - closed."])
def test_a_surname_before_family_is_a_name(surname: str, template: str) -> None:
    assert of_kind(template.format(surname), "name") == [surname]


@pytest.mark.parametrize(
    "text",
    ["The Royal family visited the hospice.", "The Troubled Families programme ends.", "Placed with a foster family."],
)
def test_a_word_before_family_is_no_name(text: str) -> None:
    assert of_kind(text, "name") == []


# --- Dates of birth in the languages of UK caseloads ------------------------------------------------------------------

_FOREIGN_DATES = [
    "19 sierpnia 1991",  # Polish, the genitive a date is written in
    "4 lutego 2015",
    "7 lipca 1943",
    "3 października 1988",
    "12 martie 1990",  # Romanian
    "5 de agosto de 1979",  # Portuguese and Spanish
    "21 dicembre 1965",  # Italian
    "2 février 1958",  # French
]


@pytest.mark.parametrize("date", _FOREIGN_DATES)
def test_a_date_of_birth_in_another_language_is_found(date: str) -> None:
    assert of_kind(f"A: 34 M, Dariusz Wójcik, DOB {date}, NHS not known", "date_of_birth") == [date]
    assert of_kind(f"Zuzanna (Zuzanna Nowak, born {date}) needs new school shoes.", "date_of_birth") == [date]


@pytest.mark.parametrize("date", _FOREIGN_DATES)
def test_a_date_in_another_language_without_a_cue_is_no_date_of_birth(date: str) -> None:
    assert of_kind(f"The panel met on {date} in Warsaw.", "date_of_birth") == []


# --- A rule's cut-off is no one's birth -------------------------------------------------------------------------------


@pytest.mark.parametrize("cut_off", ["before", "after", "on or after", "since", "prior to"])
def test_born_before_a_date_is_a_rules_cut_off(cut_off: str) -> None:
    text = f"Child element (first child born {cut_off} 6 April 2017): £339.00 per month"
    assert of_kind(text, "date_of_birth") == []


@pytest.mark.parametrize("text", ["Kai, born 3 May 2019, lives with nan.", "Baby born on 01/08/2025 at the LGI."])
def test_born_on_a_date_is_still_a_date_of_birth(text: str) -> None:
    assert len(of_kind(text, "date_of_birth")) == 1


def test_a_date_of_birth_from_a_source_is_still_one() -> None:
    assert of_kind("Karolina's DOB from the police check: 17/04/1992.", "date_of_birth") == ["17/04/1992"]


# --- A second record number listed after the first --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Yusuf Hassan – Mosaic M-0773215 / M-0773216", ["M-0773215", "M-0773216"]),
        ("Case: Tyler and Skye Barker – LL ID 2210445 / 2210446", ["2210445", "2210446"]),
        ("Mosaic 2210445, 2210446 and 2210447 checked", ["2210445", "2210446", "2210447"]),
    ],
)
def test_record_numbers_listed_after_one_are_found(text: str, numbers: list[str]) -> None:
    assert of_kind(text, "reference") == numbers


def test_a_number_of_another_shape_after_a_record_number_is_not_one() -> None:
    assert of_kind("Mosaic 2210445 / 2020 review", "reference") == ["2210445"]


# --- Services' lines ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("service", ["THT Direct", "NHS Direct", "Carers Direct"])
@pytest.mark.parametrize("number", ["0808 802 1221", "0300 123 1053"])
def test_a_service_named_direct_is_not_a_persons_direct_line(service: str, number: str) -> None:
    assert of_kind(f"{service} ({number}) can be given to anyone asking.", "phone") == []


@pytest.mark.parametrize("before", ["direct line", "Direct line:", "Tel (direct):", "direct dial"])
def test_a_workers_direct_line_is_still_a_phone(before: str) -> None:
    assert of_kind(f"Investigator: Thomas Egbe, {before} 0300 123 4567.", "phone") == ["0300 123 4567"]


@pytest.mark.parametrize("after", ["(general line)", "(PALS general line)", "(general enquiries)"])
def test_a_landline_said_to_be_a_general_line_is_a_services(after: str) -> None:
    assert of_kind(f"PALS is next to WH Smith and can be called on 0113 496 0800 {after}.", "phone") == []


def test_a_landline_said_to_be_hers_is_still_a_phone() -> None:
    assert of_kind("Her number is 0113 496 0800 (general).", "phone") == ["0113 496 0800"]


# --- Clinical roles' initialisms and job titles in capitals -----------------------------------------------------------


@pytest.mark.parametrize("role", ["CNS", "ANP", "ACP", "DN", "EMD", "HCSW", "TVN"])
def test_a_roles_initialism_before_an_action_is_no_name(role: str) -> None:
    assert of_kind(f"ACTION: {role} to attend the Junior MARSIPAN update.", "name") == []


def test_a_persons_initials_before_an_action_are_still_a_name() -> None:
    assert of_kind("ACTION: KW to attend the Junior MARSIPAN update.", "name") == ["KW"]


@pytest.mark.parametrize("title", ["TEAM LEADER", "SHIFT CONTROLLER", "CALL DISPATCHER"])
def test_a_job_title_in_capitals_before_a_comma_is_no_surname(title: str) -> None:
    assert of_kind(f"Present: OUTREACH {title}, Hope House hostel manager, St Jude's Day Centre", "name") == []


def test_a_surname_in_capitals_before_a_comma_is_still_a_name() -> None:
    assert of_kind("BRENNAN, Shane Patrick CRN X417263", "name") == ["BRENNAN, Shane Patrick"]
