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

import re

import pytest

from core.anonymisation import find_personal_data, nhs_check_digit_ok
from core.anonymisation import names as words
from core.anonymisation.name_data import CARE_WORDS_FILE
from core.anonymisation.people import _public_figures


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


# --- Places named after people ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Handover delays: Royal Albert Edward 14 ambulances waiting, longest 6h.",
        "Transferred to the Royal Victoria Infirmary.",
        "Copy to the Dr Gray Health Centre and the looked-after children nurse.",
        "Party at Lady Margaret Hall Community Centre from 1pm.",
        "Referred to the Sir Robert Peel Hospital.",
        "Lister and Harvey units (mental health) taking section 136 conveyances.",
        "Beds on the Cavell and Seacole wards are full.",
    ],
)
def test_a_place_named_after_a_person_is_no_name(text: str) -> None:
    assert of_kind(text, "name") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Letter from Dr Emma Surgery team.", "Emma"),
        ("Dr Gray said the Health Centre is shut.", "Gray"),
        ("Mr Harvey units of alcohol a week: 40.", "Harvey"),
    ],
)
def test_the_person_beside_a_places_words_is_still_a_name(text: str, name: str) -> None:
    assert of_kind(text, "name") == [name]


# --- Words of the field, lab tests and roles --------------------------------------------------------------------------

_CARE_WORDS = [
    line.strip()
    for line in CARE_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


@pytest.mark.parametrize("template", ["OOH GP {}\nAntibiotics: nitrofurantoin 100mg", "spoke with {} today"])
def test_no_word_of_the_field_is_read_as_a_name(template: str) -> None:
    assert [word for word in _CARE_WORDS if of_kind(template.format(word), "name")] == []


@pytest.mark.parametrize(
    "text",
    [
        "Include bloods (FBC, U&E, LFT, Mg, PO4) and ECG with every referral.",
        "Bloods: Na 131, K 3.1, Mg 0.6, PO4 0.5, CRP 12, INR 1.1",
    ],
)
def test_blood_tests_abbreviations_are_no_names(text: str) -> None:
    assert of_kind(text, "name") == []


@pytest.mark.parametrize("role", sorted({"midwife", "nurse", "interpreter", "advocate", "physio", "keyworker"}))
@pytest.mark.parametrize("describing", ["", "specialist ", "HIV specialist "])
def test_a_role_in_brackets_after_a_first_name_makes_it_a_person(role: str, describing: str) -> None:
    assert of_kind(f"Precious plans to tell him with support from Ruth ({describing}{role}).", "name") == ["Ruth"]


def test_a_place_with_a_role_word_in_brackets_is_no_person() -> None:
    assert of_kind("Support from Orchard (specialist unit) is ending.", "name") == []


@pytest.mark.parametrize("verb", ["meets", "met", "fulfils", "scored 12 on the", "passed the"])
def test_a_first_name_that_meets_criteria_is_a_person(verb: str) -> None:
    assert of_kind(f"ECG QTc 438.\nIsla {verb} criteria for anorexia nervosa.", "name") == ["Isla"]


@pytest.mark.parametrize("eponym", ["We used the Beers criteria.", "Gibbs' reflective cycle was used."])
def test_criteria_named_after_their_author_are_no_person(eponym: str) -> None:
    assert of_kind(eponym, "name") == []


# --- Initials ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("SGO made to maternal grandmother S. WHITLOCK today.", ["S. WHITLOCK"]),
        ("Missing episodes log (filtered: D. KOWALCZYK)", ["D. KOWALCZYK"]),
        ("Log (filtered: D. KOWALCZYK)\n1\t14/08/2025\tLeeds bus station\tM Kowalczyk", ["D. KOWALCZYK", "Kowalczyk"]),
    ],
)
def test_an_initial_before_a_surname_in_capitals_is_a_name(text: str, names: list[str]) -> None:
    assert of_kind(text, "name") == names


@pytest.mark.parametrize(
    "text", ["Vitamin D LEVELS low.", "Hepatitis B JONES test", "Band B SMITH", "The A Block is shut."]
)
def test_a_letter_after_a_capitalised_word_is_no_initial(text: str) -> None:
    assert of_kind(text, "name") == []


@pytest.mark.parametrize("initials", ["M.B.", "J.T.", "K.L.", "T.O'C.", "J.B."])
@pytest.mark.parametrize("template", ["Discussed {} (CYP, ref CAMHS-55192) today.", "{}'s dad works away."])
def test_initials_with_full_stops_are_a_name(initials: str, template: str) -> None:
    assert of_kind(template.format(initials), "name") == [initials]


@pytest.mark.parametrize("abbreviation", ["D.O.B.", "P.S.", "G.P.", "U.S.A.", "N.B."])
def test_an_abbreviation_with_full_stops_is_no_name(abbreviation: str) -> None:
    assert of_kind(f"Noted {abbreviation} as below.", "name") == []


# --- Shared mailboxes and things' numbers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "To: outreach.team@example.gov.uk\nCc: swep.coordinator@example.gov.uk\nSubject: SWEP activation form",
        "To: marsipan.lead@example.nhs.uk\nSubject: MARSIPAN audit",
        "To: 111.clinicalgovernance@example.nhs.uk\nSubject: Learning from incident review",
    ],
)
def test_a_mailbox_named_by_the_texts_own_acronym_or_by_111_is_a_teams(text: str) -> None:
    assert of_kind(text, "email") == []


def test_a_name_in_capitals_in_a_mailbox_is_still_someones() -> None:
    assert of_kind("Email kim.coordinator@example.gov.uk, KIM is off.", "email") == ["kim.coordinator@example.gov.uk"]


@pytest.mark.parametrize(
    "text",
    [
        "Discussed incident report IR-2025-118 (dog bite, towpath) and learning.",
        "The report will be published on 12 June (location ID 1-2234567890).",
    ],
)
def test_an_incident_reports_and_a_locations_numbers_are_things(text: str) -> None:
    assert of_kind(text, "reference") == []


# --- Famous people and characters mentioned in passing ----------------------------------------------------------------

_FIGURES = sorted(
    " ".join(name)
    for name in _public_figures()
    if not set(name) & (words.TITLES | words.TOWNS | words.ORGANISATION_WORDS)
    and all(re.fullmatch(r"[A-Z][a-z]+", word) for word in name)
)
_PASSING_MENTIONS = [
    "The team watched a clip about {} in training.",
    "Someone put {} on the radio again.",
    "Next term the group will read something by {}.",
    "He looked a lot like {}.",
]


@pytest.mark.parametrize("mention", _PASSING_MENTIONS)
def test_no_famous_name_mentioned_in_passing_is_flagged(mention: str) -> None:
    assert len(_FIGURES) > 1000
    assert [figure for figure in _FIGURES if of_kind(mention.format(figure), "name")] == []


@pytest.mark.parametrize("figure", ["Tom Jones", "Chris Martin", "Imran Khan", "John Terry", "Dolly Parton"])
@pytest.mark.parametrize(
    "template",
    [
        "Mr {} said he was fine.",
        "Client: {}, DOB 12/03/1980",
        "Her son {} was arrested on Friday.",
        "{} (12.3.80) was seen today.",
        "P: {} (estranged husband)",
        "{}, NHS 943 476 5919, was discharged.",
    ],
)
def test_a_famous_name_that_the_text_makes_someone_in_the_case_is_a_name(figure: str, template: str) -> None:
    assert figure in " ".join(of_kind(template.format(figure), "name"))


# --- A mistyped NHS number --------------------------------------------------------------------------------------------


def _mistyped(number: str) -> str:
    """The NHS number with its last digit changed so that the modulus 11 check fails."""
    digits = number.replace(" ", "")
    for last in "0123456789":
        if last != digits[-1] and not nhs_check_digit_ok(digits[:-1] + last):
            return f"{digits[:3]} {digits[3:6]} {digits[6:9]}{last}"
    raise AssertionError(number)


_MISTYPED = [_mistyped(number) for number in ("943 476 5919", "401 023 2137", "719 274 9721", "552 273 1443")]


@pytest.mark.parametrize("number", _MISTYPED)
@pytest.mark.parametrize(
    "template", ["ADEYEMI, Joseph ({}): home from hospital.", "Frailty huddle list:\n- {}\n- pendant fitted"]
)
def test_a_mistyped_nhs_number_grouped_as_nhs_numbers_are_is_found(number: str, template: str) -> None:
    assert not nhs_check_digit_ok(number.replace(" ", ""))
    assert of_kind(template.format(number), "nhs_number") == [number]


@pytest.mark.parametrize("number", ["+44 115 496 0844", "+44 (0)161 496 0904", "0044 113 496 0672"])
def test_a_phone_number_with_its_country_code_is_no_nhs_number(number: str) -> None:
    assert of_kind(f"Sister Funmi is NOK, {number}.", "nhs_number") == []


# --- Where a notice sends its readers' questions ----------------------------------------------------------------------


@pytest.mark.parametrize("before", ["Any queries: AP MANAGER via", "Queries:", "Enquiries to", "Questions? Email"])
@pytest.mark.parametrize(
    "address", ["ap.elliotthouse@justice.gov.uk", "prisonleavers@hullcc.gov.uk", "sa.hub@x.gov.uk"]
)
def test_the_mailbox_a_notice_sends_queries_to_is_a_services(before: str, address: str) -> None:
    assert of_kind(f"Discharge grant £82.39. {before} {address}.", "email") == []


@pytest.mark.parametrize(
    "address",
    ["sarah.jones@council.gov.uk", "jsmith@council.gov.uk", "k.ahmed@nhs.net", "smithj@nhs.net", "k.isva@example.org"],
)
def test_a_persons_mailbox_given_for_queries_is_still_theirs(address: str) -> None:
    assert of_kind(f"Any queries: please email {address}.", "email") == [address]


# --- A worker's payroll number and a case number in spaced groups -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Health advisor Jade Summers (payroll 409871) to shadow a clinician.", "409871"),
        ("Worker's payroll no EMP 88213 for the overtime claim.", "EMP 88213"),
        ('Staff member "Jas" (payroll no. CC4471) seen pulling her by the arm.', "CC4471"),
        ("Our ref: 24 015 883   Complainant: Ms Denise Harrower", "24 015 883"),
    ],
)
def test_a_payroll_number_and_a_spaced_case_number_are_references(text: str, number: str) -> None:
    assert of_kind(text, "reference") == [number]


def test_every_record_number_listed_after_a_labelled_one_is_found() -> None:
    text = "Occurrence refs 13250115-0921, 13250207-1143, 13250301-0026. Intelligence suggests more."
    assert of_kind(text, "reference")[-2:] == ["13250207-1143", "13250301-0026"]


@pytest.mark.parametrize("text", ["Paid £12 500 in 2024.", "The staff payroll system upgrade is in 2026."])
def test_spaced_sums_and_payroll_systems_are_no_references(text: str) -> None:
    assert of_kind(text, "reference") == []
