"""Classes the eleventh independent corpus showed, measured once before any of this (issue 27): a surname typed in
capitals beside a first name, initials in a list's people columns, phones in CSV rows, districts given as "the LS9
area", three-letter team mailboxes, services' directories, firms and medicines, logs' dates read as NHS numbers.

Each class is walked through members built here from their parts, each with its control.
"""

from __future__ import annotations

import itertools

import pytest

from core.anonymisation import find_personal_data


def of_kind(text: str, kind: str) -> list[str]:
    return [finding.text for finding in find_personal_data(text) if finding.kind == kind]


# --- A first name and a surname in capitals ---------------------------------------------------------------------------

_FIRST_NAMES = ["Jordan", "Ardit", "Ifeoluwa", "Karwan", "Ruby", "Janine", "Dean", "Chloe"]
_CAPITAL_SURNAMES = ["PICKERSGILL", "HOXHA", "ADEBAYO", "MAHMOUDI", "McLEOD", "O'HARA", "WEBB"]
_RECORD_LINES = [
    "{name} (prison no A7731CK) released from HMP Leeds 14.10.",
    "Member of staff: {name}, teaching assistant (Y6)",
    "Subject: S95 application – {name} – HO ref pending",
    "sharing information on {name}, starting Reception in September.",
]


@pytest.mark.parametrize(("first", "surname"), itertools.product(_FIRST_NAMES, _CAPITAL_SURNAMES))
@pytest.mark.parametrize("line", _RECORD_LINES)
def test_a_first_name_and_a_surname_in_capitals_is_a_name(first: str, surname: str, line: str) -> None:
    name = f"{first} {surname}"
    assert name in of_kind(line.format(name=name), "name")


@pytest.mark.parametrize("first", ["Janine", "Chloe", "Dean"])
@pytest.mark.parametrize("surname", ["COLLIER", "BROOK", "MASON"])
def test_a_first_name_and_a_word_in_capitals_is_a_name(first: str, surname: str) -> None:
    assert of_kind(f"Seen today: {first} {surname}, with her sister.", "name") == [f"{first} {surname}"]


@pytest.mark.parametrize(
    "text",
    [
        "Referred to Leeds CAMHS and Kirklees SPA.",
        "Operation ENCOMPASS notice received.",
        "Contact LADO today.",
        "Summer TERM dates agreed.",
        "Bradford MASH took the referral.",
        "Jade PLEASE CALL the office",
    ],
)
def test_a_place_or_a_word_before_an_acronym_is_no_name(text: str) -> None:
    assert of_kind(text, "name") == []


@pytest.mark.parametrize("surname", ["KOWALCZYK", "MAHMOUDI", "ADEBAYO"])
@pytest.mark.parametrize("first", ["Natalia", "Robert", "Chloe"])
def test_a_surname_in_capitals_before_a_first_name_is_a_name(surname: str, first: str) -> None:
    assert of_kind(f"{surname} {first} attended the review.", "name") == [f"{surname} {first}"]


# --- Initials in a list's people columns ------------------------------------------------------------------------------


@pytest.mark.parametrize("header", ["Initials", "Pupil", "Client", "Patient", "Contact (initials)", "Tenant"])
@pytest.mark.parametrize("initials", ["KM", "AP-S", "LRA", "K.L."])
def test_initials_in_a_column_of_people_are_names(header: str, initials: str) -> None:
    text = f"| {header} | RiO no. | Plan |\n|---|---|---|\n| {initials} | 2291847 | discharge Fri if settled |"
    assert of_kind(text, "name") == [initials]
    assert of_kind(text, "reference") == ["2291847"]


@pytest.mark.parametrize("cell", ["DSL", "GP", "TBC", "ALL", "Kirklees Council", "None"])
def test_a_role_or_a_word_in_a_column_of_people_is_no_name(cell: str) -> None:
    text = f"| Client | Service | Hours |\n|---|---|---|\n| {cell} | home care | 10 |"
    assert of_kind(text, "name") == []


# --- Structured identifiers after a comma or a colon with no space ----------------------------------------------------


@pytest.mark.parametrize("number", ["07700 900145", "01632 960001", "020 7946 0123"])
@pytest.mark.parametrize("before", ["Chelsea Pybus,", "Contact,", "Tel:", "mob:", "17/03 10:00,"])
def test_a_phone_straight_after_a_comma_or_a_colon_is_found(number: str, before: str) -> None:
    assert number in of_kind(f"{before}{number},MMR2", "phone")


@pytest.mark.parametrize("text", ["Total 1,070 people", "At 12:07700 hrs", "Rent £1,0770 900", "Paid 12,077,009"])
def test_a_number_inside_another_is_no_phone(text: str) -> None:
    assert of_kind(text, "phone") == []


def test_a_ten_digit_number_in_brackets_after_a_name_is_found() -> None:
    text = "SMR done at home for Stanley (4619587413, DOB 11.01.1941)."
    assert of_kind(text, "reference") == ["4619587413"]


@pytest.mark.parametrize("line", ["2024-04-02  09:10  5.0   3.4", "2024.04.02 09 10 log", "2023-11-30 12 00 ok"])
def test_a_logs_date_and_hour_is_no_nhs_number(line: str) -> None:
    assert of_kind(line, "nhs_number") == []


# --- Districts, not homes ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Concern raised re 34-year-old male, LS9 area, discharged from Ward 5.",
        "A man in his 70s in the HG1 area, assessed last month.",
        "7 patients booked from North Uist and Benbecula (HS6 area).",
        "S33, SK17 and DE4 go to the Buxton team.",
    ],
)
def test_a_district_named_as_an_area_is_not_a_postcode(text: str) -> None:
    assert of_kind(text, "postcode") == []


@pytest.mark.parametrize(
    "text",
    ["The flat is in the BN2 area.", "She moved to SE15 after the fire.", "Lives in the E1 area with her partner."],
)
def test_a_district_said_to_be_someones_home_is_still_a_postcode(text: str) -> None:
    assert len(of_kind(text, "postcode")) == 1


# --- Team mailboxes, services' directories, firms, medicines ---------------------------------------------------------


@pytest.mark.parametrize("address", ["mha.policy@nhs.net", "csp.reviews@example.gov.uk", "yjs.admin@example.gov.uk"])
def test_a_teams_three_initials_and_a_word_is_a_team_mailbox(address: str) -> None:
    assert of_kind(f"Comments to {address} please.", "email") == []


@pytest.mark.parametrize("address", ["j.sunderland@example.org", "kj.castle@example.com", "jo.rota@example.com"])
def test_initials_or_a_first_name_beside_a_word_is_someones(address: str) -> None:
    assert of_kind(f"Comments to {address} please.", "email") == [address]


def test_a_services_directory_lists_no_ones_numbers() -> None:
    text = (
        "Duty desk (adults)            0113 222 4401   duty.adults@ (mailbox)\n"
        "Out of hours (EDT)            0113 240 9536   -"
    )
    assert of_kind(text, "phone") == []


def test_a_persons_number_beside_a_bracket_is_still_theirs() -> None:
    assert of_kind("Her mum (Sandra)   0113 496 0123", "phone") == ["0113 496 0123"]


@pytest.mark.parametrize(
    "firm", ["Anderson & Wright Care Ltd", "Khan Solicitors LLP", "Hartley and Co", "Okafor Associates"]
)
def test_a_firm_is_no_person(firm: str) -> None:
    assert of_kind(f"Providers on the framework: {firm} (company no. 08812247).", "name") == []


def test_a_person_beside_co_workers_is_still_a_person() -> None:
    assert of_kind("Sarah Jones and Co-workers met.", "name") == ["Sarah Jones"]


@pytest.mark.parametrize("medicine", ["Acetylcysteine", "Omeprazole", "Flucloxacillin", "Atorvastatin", "Ramipril"])
def test_a_medicine_at_a_sentences_start_is_no_name(medicine: str) -> None:
    assert of_kind(f"{medicine} completed, ALT normal at 21 hours.", "name") == []


# --- Things' numbers --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "(tender ref DN712044, contract lot 2)",
        "(v2.3, doc ref POL-SP-014)",
        "Datix INC-44310 completed.",
        "Booking refs B-22910 to B-22915.",
        "Casualty at grid ref NY 244 198.",
    ],
)
def test_a_things_number_is_no_reference(text: str) -> None:
    assert of_kind(text, "reference") == []


# --- Homes by their name, and a letter's address block ----------------------------------------------------------------

_HOMES = [
    "Lisnamallard Cottage",
    "High Gill Farm",
    "Tyddyn Bach, Llanfihangel",
    "Tigh na Mara, Clashnessie",
    "Glan-yr-Afon, Cwm Rheidol",
    "Pen-y-Graig",
    "Pen y Bryn Farm",
    "The Bothy",
]


@pytest.mark.parametrize("home", _HOMES)
@pytest.mark.parametrize("before", ["Gwilym Jones at", "the Quinn family at", "He's up at", "Visit Peigi Ross at"])
def test_a_home_by_its_name_after_at_is_an_address(home: str, before: str) -> None:
    assert home in of_kind(f"{before} {home} hasn't collected mail for 8 days.", "address")


@pytest.mark.parametrize(
    "text",
    ["We met at Rose Cottage Cafe.", "Lunch at The Old Vicarage Tearooms.", "Meeting at Manor Farm Shop at 2pm."],
)
def test_a_business_in_a_houses_name_is_no_address(text: str) -> None:
    assert of_kind(text, "address") == []


@pytest.mark.parametrize("title", ["Mr A. Grzelak", "Mrs P. Holt", "Ms Jo Kerr"])
@pytest.mark.parametrize("home", ["The Old Bakehouse, Church Street", "Lambert Cottage, Langcliffe", "Tan y Bryn"])
def test_a_letters_address_block_under_a_name_is_an_address(title: str, home: str) -> None:
    text = f"{title}\n{home}\nBingley\nBD16 2NB\n\nDear {title.split()[0]} {title.split()[-1]},"
    assert of_kind(text, "address") == [home]


@pytest.mark.parametrize("letterhead", ["Kirklees Council, Civic Centre", "Townhead Surgery", "Calder Practice"])
def test_a_services_letterhead_is_no_home(letterhead: str) -> None:
    text = f"Mrs P. Holt\n{letterhead}\nHuddersfield\nHD1 2NF"
    assert of_kind(text, "address") == []


# Long texts built from the shapes the rules above read: each must stay linear (see test_anonymisation.py).
_SHAPES_AT_LENGTH = {
    "address blocks": "Mr Jo Kerr\nTan y Bryn\nBingley\nBD16 2NB\n",
    "homes after at": "at Tyddyn Bach, Llanfihangel ",
    "capital surnames": "Ardit HOXHA ",
    "people columns": "| KM | 2291847 |\n",
    "districts": "LS9 area, ",
    "team initials": "htt.rota@nhs.net ",
    "CSV phones": "Chelsea Pybus,07700 900145,",
}


@pytest.mark.parametrize("family", _SHAPES_AT_LENGTH)
def test_the_new_rules_stay_linear_on_long_input(family: str) -> None:
    import time

    piece = _SHAPES_AT_LENGTH[family]
    text = "| Initials | RiO no. |\n|---|---|\n" + (piece * (50_000 // len(piece) + 1))[:50_000]
    find_personal_data("Warm up: Tanisha Okafor")
    started = time.process_time()
    find_personal_data(text)
    assert time.process_time() - started < 3, f"{family}: the detector is not linear on long input"


# --- Councils and counties, providers named among providers -----------------------------------------------------------


@pytest.mark.parametrize("area", ["Calderdale", "Kirklees", "Wirral", "Tameside", "Ceredigion", "Aberdeenshire"])
def test_a_council_or_a_county_is_no_person(area: str) -> None:
    assert of_kind(f"PICU bed gatekept for {area}.", "name") == []


@pytest.mark.parametrize(
    ("title", "surname"), [("PC", "Sefton"), ("PC", "Preston"), ("Dr", "Kendal"), ("Mrs", "Halifax")]
)
def test_a_place_like_surname_after_a_title_is_still_a_person(title: str, surname: str) -> None:
    assert of_kind(f"Statement request given by {title} {surname} today.", "name") == [surname]


@pytest.mark.parametrize("provider", ["Lifeways", "Brightwell", "Cornerstone"])
@pytest.mark.parametrize(
    "line",
    [
        "Current providers include Hft, the Brandon Trust, Choice Support, {p} and Mencap.",
        "Attending: Amal Project, {p}, Refugee Council and Salaam Community Centre.",
    ],
)
def test_an_unknown_word_among_organisations_is_an_organisation(provider: str, line: str) -> None:
    assert of_kind(line.format(p=provider), "name") == []


@pytest.mark.parametrize("person", ["Kayden", "Tomasz", "Precious"])
def test_a_first_name_beside_an_organisation_is_still_a_person(person: str) -> None:
    assert of_kind(f"Spoke to {person}, Social Services and the school.", "name") == [person]


# --- Record numbers by more cues --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("Housing to fast-track a management move (app HR/031774).", "HR/031774"),
        ("His ASF1 (UAN 3310-0042-7781-2290) has not been decided.", "3310-0042-7781-2290"),
        ("Linked to your dad's Mosaic record M-0887265.", "M-0887265"),
        ("Clinic no CaSH-44189. Coil fit today.", "CaSH-44189"),
    ],
)
def test_a_record_number_after_more_cues_is_found(text: str, reference: str) -> None:
    assert reference in of_kind(text, "reference")


def test_an_h_and_c_number_written_with_its_prefix_is_found() -> None:
    assert of_kind("His H&C number is HCN 483 291 6647.", "nhs_number") == ["483 291 6647"]


@pytest.mark.parametrize(
    "text", ["Application (C110A) to be filed.", "The application 2024/25 round opens.", "Budget 2023-2024 agreed."]
)
def test_a_form_or_a_year_is_no_reference(text: str) -> None:
    assert of_kind(text, "reference") == []


@pytest.mark.parametrize("title", ["Dr", "Mrs", "Ms"])
@pytest.mark.parametrize("surname", ["Lister", "Barnardo"])
def test_an_organisations_proper_name_after_a_title_and_a_first_name_is_a_surname(title: str, surname: str) -> None:
    assert of_kind(f"Letter from {title} Emma {surname}, Townhead Surgery.", "name") == [f"Emma {surname}"]


@pytest.mark.parametrize("noun", ["Surgery", "Trust", "Centre"])
def test_an_organisations_noun_after_a_first_name_is_no_surname(noun: str) -> None:
    assert of_kind(f"Letter from Dr Emma {noun} team.", "name") == ["Emma"]
