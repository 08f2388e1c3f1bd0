"""Classes the clean passages of the development corpora still showed (issue 27, round 9): an office named for the
person who holds it ("Councillor asked"), shared mailboxes for a rota or a gateway, the numbers of things (an IT
service desk's tickets, a meeting's ID and dial-in, a standard, the ICO's register), and names that are not people's
(an operation's, an NHS body's, a timetable's rooms).

Each class is walked through members built here from their parts, each with its control: the person's own data beside
the same words is still found.
"""

from __future__ import annotations

import pytest

from core.anonymisation import find_personal_data


def of_kind(text: str, kind: str) -> list[str]:
    return [finding.text for finding in find_personal_data(text) if finding.kind == kind]


def kinds(text: str) -> list[tuple[str, str]]:
    return [(finding.kind, finding.text) for finding in find_personal_data(text)]


# --- An office, not a name ------------------------------------------------------------------------------------------

_OFFICES = ["Councillor", "Judge", "District Judge", "Sister", "Justice", "Sheriff"]
_OFFICE_VERBS = ["asked about the 21-24 cohort.", "said the review can go ahead.", "agreed to write to the panel."]


@pytest.mark.parametrize("office", _OFFICES)
@pytest.mark.parametrize("rest", _OFFICE_VERBS)
def test_an_office_holder_named_by_the_office_is_no_name(office: str, rest: str) -> None:
    assert of_kind(f"Review held on Tuesday. {office} {rest}", "name") == []


@pytest.mark.parametrize("title", ["Mr", "Mrs", "Ms", "Mr."])
@pytest.mark.parametrize("surname", ["Judge", "Sheriff", "Master"])
def test_a_surname_that_is_an_office_after_a_title_is_still_a_name(title: str, surname: str) -> None:
    assert surname in of_kind(f"{title} {surname} said the review can go ahead.", "name")


@pytest.mark.parametrize("office", ["Councillor", "Judge", "Cllr"])
@pytest.mark.parametrize("name", ["Kerr", "Okafor", "Adeyemi"])
def test_the_name_after_an_office_is_still_a_name(office: str, name: str) -> None:
    assert name in of_kind(f"{office} {name} asked about the 21-24 cohort.", "name")


# --- Shared mailboxes -----------------------------------------------------------------------------------------------

_SHARED_LOCAL_PARTS = ["htt.rota", "triage.rota", "ooh.rota", "bank.rotas", "ap.gateway", "ehcp.panel", "allocations"]


@pytest.mark.parametrize("local", _SHARED_LOCAL_PARTS)
@pytest.mark.parametrize("domain", ["nhs.net", "example.nhs.uk", "example.gov.uk"])
def test_a_rota_panel_or_gateway_mailbox_is_no_ones(local: str, domain: str) -> None:
    assert of_kind(f"Gaps on the bank holiday rota to {local}@{domain} by Friday please.", "email") == []


@pytest.mark.parametrize("address", ["j.okafor@nhs.net", "kerry.walsh@example.gov.uk", "rota.kerry@gmail.com"])
def test_a_persons_address_beside_the_same_words_is_still_found(address: str) -> None:
    assert of_kind(f"Gaps on the rota to {address} by Friday please.", "email") == [address]


# --- The numbers of things ------------------------------------------------------------------------------------------

_THINGS_NUMBERS = [
    "12:15 IT Service Desk: INC0048213 resolved - printer back online.",
    "Update 10:15 - linked to CHG0019203 (database patch 8.4.2).",
    "Laptop request raised as RITM0012345, ref REQ0099812.",
    "We use it to manage your application (ICO registration number Z5794118).",
    "Meeting ID: 384 662 105 927\nPasscode: 7xQz9P",
    "Phone Conference ID: 516 049 388#",
    "Ref: BS 8300-2:2018 on glare and lighting.",
]


@pytest.mark.parametrize("text", _THINGS_NUMBERS)
def test_a_things_number_is_no_reference(text: str) -> None:
    assert of_kind(text, "reference") == []


@pytest.mark.parametrize("line", ["Or call in (audio only)\n{number},,516049388#   United Kingdom, London"])
@pytest.mark.parametrize("number", ["+44 20 7946 0721", "0161 496 0456", "020 7946 0999"])
def test_a_meetings_dial_in_line_is_no_ones_phone(line: str, number: str) -> None:
    assert of_kind(line.format(number=number), "phone") == []


@pytest.mark.parametrize("number", ["07700 900417", "0161 496 0456"])
def test_a_phone_not_followed_by_a_meeting_code_is_still_found(number: str) -> None:
    assert of_kind(f"Or call her on {number}, 516049388 is her claim.", "phone") == [number]


@pytest.mark.parametrize("text", ["Mosaic ID 7781204 for the review.", "Crime ref 14/88213/24 was given."])
def test_a_persons_record_number_beside_these_is_still_found(text: str) -> None:
    assert of_kind(text, "reference") != []


# --- Names that are not people's ------------------------------------------------------------------------------------

_NOT_PEOPLE = [
    "Several clients from Op HERRICK describe guilt.",
    "Police Op Pony covers the fair.",
    "Operation Encompass notification received at 08:10.",
    "NHS Eileanan Siar (Western Isles) informed.",
    "Referred on to NHS Greater Glasgow and Clyde.",
    "Rooms: Nightingale (am), Bevan (pm). Notes to the team.",
    "Rooms: Seacole, Bevan and Attlee.",
]


@pytest.mark.parametrize("text", _NOT_PEOPLE)
def test_an_operation_an_nhs_body_or_a_room_is_no_name(text: str) -> None:
    assert of_kind(text, "name") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Operation Encompass notification re Kai Jones.", "Kai Jones"),
        ("NHS number given by Jade Smith.", "Jade Smith"),
        ("Referred on to NHS Greater Glasgow and Clyde and Jade Smith told.", "Jade Smith"),
        ("Room: 4. Jade Smith attended.", "Jade Smith"),
    ],
)
def test_a_person_beside_them_is_still_found(text: str, name: str) -> None:
    assert name in of_kind(text, "name")


# --- A scan's O and l among digits --------------------------------------------------------------------------------

_SCANNED = [
    ("Mob: {value} (mum)", "phone", "07700 900344"),
    ("Tel {value} ext 2", "phone", "0161 496 0291"),
    ("NHS No {value}", "nhs_number", "631 212 0473"),
    ("D0B {value}, Hosp No pending", "date_of_birth", "04/07/1972"),
    ("DOB: {value}", "date_of_birth", "30.01.1992"),
    ("Mr Okafor (DOB {value}) seen", "date_of_birth", "14/02/1946"),
]
_SCANS = {"0": "Oo", "1": "lI"}


def _scanned_forms(value: str) -> list[str]:
    """The value with each 0 read as O (then o) and each 1 as l (then I), all at once: what text recognition makes of a
    faxed form."""
    forms = []
    for which in (0, 1):
        forms.append("".join(_SCANS[char][which] if char in _SCANS else char for char in value))
    return [form for form in forms if form != value]


@pytest.mark.parametrize(
    ("line", "kind", "form"),
    [(line, kind, form) for line, kind, value in _SCANNED for form in _scanned_forms(value)],
)
def test_a_scanned_number_with_letters_for_digits_is_found_as_written(line: str, kind: str, form: str) -> None:
    assert form in of_kind(line.format(value=form), kind)  # reported on the caller's characters


@pytest.mark.parametrize("postcode", ["PO1 2AB", "SO15 2AB", "CO4 3SQ", "OL1 2AB", "ol2 6hb", "l15 3jl", "ll18 5dq"])
def test_a_postcode_with_o_or_l_beside_its_digits_is_still_a_postcode(postcode: str) -> None:
    assert of_kind(f"She lives at 4 Oak St, {postcode}.", "postcode") == [postcode]


@pytest.mark.parametrize("text", ["CO2 levels fine.", "On an O2 contract.", "Seen 19 Apri1.", "Bay l, room I."])
def test_letters_not_among_digits_stay_letters(text: str) -> None:
    assert kinds(text) == []


# --- Addresses spelled out, and a person's address under words ------------------------------------------------------

_LOCAL_PARTS = ["sunita.varma", "derek.pye", "lowri.price-evans", "kezzaxx"]
_DOMAINS = ["gmail.com", "btinternet.com", "wales.nhs.uk"]
_SPELLINGS = [
    lambda address: address.replace(".", " dot ").replace("@", " at "),
    lambda address: address.split("@")[0] + " at " + address.split("@")[1].replace(".", " dot "),
    lambda address: address.replace(".", "(dot)").replace("@", "(at)"),
    lambda address: address.replace("@", " [at] ").replace(".", " [dot] "),
]


@pytest.mark.parametrize("local", _LOCAL_PARTS)
@pytest.mark.parametrize("domain", _DOMAINS)
@pytest.mark.parametrize("spell", _SPELLINGS)
def test_an_address_spelled_out_is_found_whole(local: str, domain: str, spell) -> None:
    spelled = spell(f"{local}@{domain}")
    assert of_kind(f"Her email is {spelled} if you need her.", "email") == [spelled]


@pytest.mark.parametrize(
    "text",
    [
        "She is at school dot com training.",
        "We arrived at 10.30 at example.com.",
        "Referred by StreetLink at streetlink.org.uk.",
        "Duty referrals at council dot gov dot uk.",
        "Send it to referrals (at) example (dot) org.",
    ],
)
def test_words_around_at_and_dot_are_no_address_of_anyones(text: str) -> None:
    assert of_kind(text, "email") == []


@pytest.mark.parametrize(
    ("display", "local"),
    [("Joy Fairweather", "joy.fairweather"), ("Summer Day", "summer.day"), ("Will Mason", "will.mason")],
)
def test_an_address_under_the_name_it_spells_is_the_persons(display: str, local: str) -> None:
    address = f"{local}@leedsmh.nhs.uk"
    assert of_kind(f"To: {display} <{address}>", "email") == [address]


@pytest.mark.parametrize(
    ("display", "local"), [("Discharge Lounge", "discharge.lounge"), ("Tenancy Support Team", "tenancy.support")]
)
def test_a_teams_address_under_the_teams_name_is_still_a_teams(display: str, local: str) -> None:
    assert of_kind(f"To: {display} <{local}@example.gov.uk>", "email") == []


# --- A desk phone in a signature ------------------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["0113 496 0790", "0161 496 0456", "020 7946 0123"])
def test_a_workers_desk_line_in_a_signature_is_a_phone(number: str) -> None:
    signature = f"Agnieszka Nowicka\nSenior Practitioner | Adult Social Care\nMob: 07700 900 521 | Desk: {number}"
    assert number in of_kind(signature, "phone")


@pytest.mark.parametrize(
    "desk", ["Duty Desk:", "the duty desk on", "the help desk on", "IT Service Desk", "Front desk:"]
)
def test_a_services_desk_is_no_ones_phone(desk: str) -> None:
    assert of_kind(f"Call {desk} 0113 496 0790 for advice.", "phone") == []


# --- Dates of birth: who the person is in the brackets, a label's colon, a list of children ------------------------

_RELATIONS = ["mum", "mother", "brother", "baby", "partner", "PoP", "grandson"]
_BIRTH_DATES = ["12/12/1985", "05.05.1990", "14 September 1984", "2015-01-01"]


@pytest.mark.parametrize("relation", _RELATIONS)
@pytest.mark.parametrize("birth", _BIRTH_DATES)
@pytest.mark.parametrize("name", ["Uche Okonjo", "MAHMOUD, Rania", "Stella"])
def test_a_date_after_who_the_person_is_in_brackets_is_their_birth(relation: str, birth: str, name: str) -> None:
    assert of_kind(f"Household: {name} ({relation}, {birth}) and the children.", "date_of_birth") == [birth]


@pytest.mark.parametrize("relation", ["mum", "PoP"])
def test_a_future_date_after_who_the_person_is_is_no_birth(relation: str) -> None:
    assert of_kind(f"Household: Stella Igwe ({relation}, 12/05/2031) review due.", "date_of_birth") == []


@pytest.mark.parametrize(
    "label",
    [
        "DOB checked for funding panel:",
        "Her DOB for the referral:",
        "DOB on Liquidlogic checked:",
        "dob on the form shd be",
    ],
)
@pytest.mark.parametrize("birth", ["22/06/1979", "22 June 1979", "12.3.15"])
def test_a_date_after_a_dob_label_with_words_between_is_a_birth(label: str, birth: str) -> None:
    assert of_kind(f"Agreed the plan. {label} {birth}. NHS to follow.", "date_of_birth") == [birth]


@pytest.mark.parametrize(
    "text",
    [
        "DOB checked on 12/03 by the team.",
        "DOB checked. Review: 12/03/2026.",
        "DOB and address checked by the police team: 12/03/2031.",
    ],
)
def test_a_date_a_dob_was_dealt_with_on_is_no_birth(text: str) -> None:
    assert of_kind(text, "date_of_birth") == []


@pytest.mark.parametrize("label", ["Children:", "Kids -", "Her sons"])
def test_each_child_in_a_list_with_a_date_has_a_date_of_birth(label: str) -> None:
    text = f"{label} Zayn 02/06/2018, Aleena 15/09/2021"
    assert of_kind(text, "date_of_birth") == ["02/06/2018", "15/09/2021"]


def test_a_date_after_a_record_rows_sex_column_is_a_birth() -> None:
    text = "Patient  DUMITRESCU, Ionela   F   25-Oct-1992   NHS  587-853-2166"
    assert of_kind(text, "date_of_birth") == ["25-Oct-1992"]


# --- A first name and a surname that is a place's word, with evidence of a person -----------------------------------

_PLACE_WORD_NAMES = ["Jo Bridge", "Tom Street", "Abi Lodge", "Janet Ward", "Jack Preston", "Jade Kendal", "Owen Hill"]
_PERSON_CONTEXTS = [
    "Present: SW Obi Nnamdi, RSW {name}, HV Priya Kaur.",
    "Contact case manager {name} on 0115 496 0582.",
    "From: {name} (Care Coordinator, Sunrise Homecare)",
    "OM is {name} {local}@justice.gov.uk.",
    "Client: {name}, aged 17, Room 4.",
]


@pytest.mark.parametrize("name", _PLACE_WORD_NAMES)
@pytest.mark.parametrize("context", _PERSON_CONTEXTS)
def test_a_surname_that_is_a_places_word_is_a_name_with_evidence(name: str, context: str) -> None:
    local = name.lower().replace(" ", ".")
    assert name in of_kind(context.format(name=name, local=local), "name")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Subject: Shared care - Bill Street\nHi, can you confirm Mr Street's last script date?", "Bill Street"),
        ("Wife Pauline Street (0117 496 0841) objected on his behalf.", "Pauline Street"),
        ("From: Hannah Lodge <hannah.lodge@wearesafe.org.uk>", "Hannah Lodge"),
    ],
)
def test_the_same_person_named_again_or_their_own_contact_is_evidence(text: str, name: str) -> None:
    assert name in of_kind(text, "name")


@pytest.mark.parametrize(
    "text",
    [
        "Day trip to Ivy Bridge on Tuesday.",
        "Meet at Kendal Lodge at 10.",
        "Jo Bridge Centre opens at 9.",
        "Dundee Sheriff Court, Court 3, 10am.",
        "Report for: Sheriff Court (Summary)",
        "He lives at 14 Paul Street now.",
        "Rose Ward visiting hours are 2 to 4.",
    ],
)
def test_a_place_named_with_the_same_words_is_no_name(text: str) -> None:
    assert of_kind(text, "name") == []


# --- Services' lines and mailboxes, and a list of places with their counts -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Friends, Families and Travellers; their advice line is {n}. Please book interpreters.",
        "TO: MASH - Children's Services   FAX: {n}",
        "Northmoor Council | {n} (option 3)",
        "Use the referral line on {n} before noon.",
    ],
)
@pytest.mark.parametrize("number", ["0113 496 0001", "01632 960123"])
def test_a_fax_an_advice_line_or_a_menus_option_is_a_services_number(text: str, number: str) -> None:
    assert of_kind(text.format(n=number), "phone") == []


@pytest.mark.parametrize(
    "text",
    ["Her mobile is 07700 900123, fax to the office.", "Jo's direct line 0113 496 0456", "his line is 0113 496 0456"],
)
def test_a_persons_line_beside_these_words_is_still_found(text: str) -> None:
    assert of_kind(text, "phone") != []


@pytest.mark.parametrize("local", ["dols.admin", "isva.referrals", "d2a.hub", "chc.team", "lps.admin"])
def test_a_mailbox_of_a_service_known_by_its_letters_is_no_ones(local: str) -> None:
    assert of_kind(f"Queries to {local}@eastholme.gov.uk by noon.", "email") == []


@pytest.mark.parametrize("address", ["jo.dols@gmail.com", "k.isva@example.org"])
def test_a_persons_address_with_those_letters_is_still_found(address: str) -> None:
    assert of_kind(f"Queries to {address} by noon.", "email") == [address]


@pytest.mark.parametrize(
    "text",
    [
        "Bed spaces: Nightingale House 12, Pankhurst Place 8 (named after the suffragettes).",
        "Beds available: St Cecilia's 2, Abbeyfield 1, Harewood Court 0. Please send referrals by noon.",
    ],
)
def test_a_list_of_places_with_their_counts_holds_no_address(text: str) -> None:
    assert of_kind(text, "address") == []


@pytest.mark.parametrize(
    "text",
    [
        "She lives at Flat 3, 12 Pankhurst Place, Leeds.",
        "Address: 12, Pankhurst Place, Leeds LS1 4AB",
        "Moved to Room 4, 12 Harewood Court (supported).",
    ],
)
def test_an_address_with_a_comma_after_its_number_is_still_found(text: str) -> None:
    assert of_kind(text, "address") != []


# --- A surname in capitals, a comma, a first name ---------------------------------------------------------------------

_CAPITAL_SURNAMES_ANY_SCRIPT = ["KOZŁOWSKA", "ÖZTÜRK", "ŠIMKOVÁ", "McGINLEY", "PRICE", "BROWN"]
_RECORD_ROWS = [
    "Name: {surname}, {given}\nDOB: 17-Apr-1986",
    "{surname}, {given}   CRN D882104   Tier 3",
    'From: "{surname}, {given}" <worker@example.org>',
]


@pytest.mark.parametrize("surname", _CAPITAL_SURNAMES_ANY_SCRIPT)
@pytest.mark.parametrize("given", ["Joanna", "Levi", "Ayşe"])
@pytest.mark.parametrize("row", _RECORD_ROWS)
def test_a_surname_in_capitals_of_any_alphabet_before_a_first_name_is_a_name(
    surname: str, given: str, row: str
) -> None:
    assert f"{surname}, {given}" in of_kind(row.format(surname=surname, given=given), "name")


@pytest.mark.parametrize("text", ["CHECK, Mate", "NOTE, Jade", "HOUSING, Jade", "URGENT, Please"])
def test_a_word_in_capitals_before_a_comma_is_no_surname(text: str) -> None:
    assert all("," not in name for name in of_kind(text, "name"))


# --- A first name in lower case that is nothing but a name -----------------------------------------------------------

_ONLY_NAMES = ["kayleigh", "jermaine", "shanice", "femi", "kyrie", "debbie"]
_LOWER_CONTEXTS = [
    '"{name} hasnt been home since sat. he took my purse"',
    "perp is {name}, he'll be there",
    "anyone free to cover {name}'s court at 10?",
    "09:14 {name} (07700900412): cant get to chemist b4 12",
    "{name} its Marcia - dad been moved to ward 4",
]


@pytest.mark.parametrize("name", _ONLY_NAMES)
@pytest.mark.parametrize("context", _LOWER_CONTEXTS)
def test_a_lower_case_first_name_no_dictionary_has_is_a_name(name: str, context: str) -> None:
    assert name in of_kind(context.format(name=name), "name")


@pytest.mark.parametrize(
    "text",
    [
        "got some molly and a bit of charlie off a lad at the festival",
        "occasional mandy at festivals, denies tina or ket",
        "> theres some in the grey cupboard next to the printer",
        "stuck on the A1231 by washington. can someone start the log",
        "dropping off on way back from the royal albert edward",
        "training on charles bonnet syndrome thurs 2pm",
    ],
)
def test_slang_places_and_syndromes_in_lower_case_are_no_names(text: str) -> None:
    assert of_kind(text, "name") == []


# --- A full name before what it names ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Vera Lynn", "Henry Price", "Florence Nightingale"])
@pytest.mark.parametrize("thing", ["songs", "reception", "lecture theatre", "halls", "grant", "syndrome"])
def test_a_full_name_before_the_thing_it_names_is_no_one(name: str, thing: str) -> None:
    assert of_kind(f"She likes the {name} {thing} best.", "name") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jade Smith app tomorrow at 10.", "Jade Smith"),
        ("Sarah Jones music therapy on Fridays.", "Sarah Jones"),
        ("Jade Smith round 2pm for meds.", "Jade Smith"),
        ("Visited the Jones case conference.", "Jones"),
    ],
)
def test_a_person_before_an_appointment_or_their_case_is_still_found(text: str, name: str) -> None:
    assert name in of_kind(text, "name")


# --- A person's number by what they are to the service, and a cue with its system in brackets ----------------------


@pytest.mark.parametrize("cue", ["student no.", "student number", "pupil number", "library card no."])
@pytest.mark.parametrize("number", ["202214771", "20231144"])
def test_a_students_or_pupils_number_is_a_reference(cue: str, number: str) -> None:
    assert of_kind(f"Reporter: Freya Lindqvist, {cue} {number}, contact by email.", "reference") == [number]


@pytest.mark.parametrize("system", ["Mosaic", "LCS", "SystmOne", "Liquidlogic"])
def test_a_reference_cue_with_its_system_in_brackets_is_a_reference(system: str) -> None:
    assert of_kind(f"Ref ({system}): 4471820\nAllegation: financial abuse", "reference") == ["4471820"]


@pytest.mark.parametrize(
    "text", ["Ref (2024): 12 cases closed.", "Student numbers rose in 2024.", "Pupil numbers: 220"]
)
def test_counts_of_students_and_a_years_reference_are_no_references(text: str) -> None:
    assert of_kind(text, "reference") == []
