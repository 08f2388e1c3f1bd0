"""Classes the ninth independent corpus showed (issue 27): names lost to an identifier's label, form labels for
people, space-aligned exports, things' numbers, placeholders, team mailboxes and lines, and words that are no one.

Each class is walked through members built here from their parts, each with its control: the same shape said of a
person is still found.
"""

from __future__ import annotations

import itertools

import pytest

from core.anonymisation import find_personal_data


def of_kind(text: str, kind: str) -> list[str]:
    return [finding.text for finding in find_personal_data(text) if finding.kind == kind]


_PEOPLE = ["Chloe Bennett", "Zayn Khan", "Shahida Begum", "Kacper Nowak", "Eluned Jones"]

# --- A name straight before an identifier's label keeps the name ------------------------------------------------------

_LABELLED_NUMBERS = [
    "NHS 1930 493 681",
    "NHS: 514 822 2126",
    "RXH 2290114",
    "CRN N512290",
    "MRN 4471290",
    "NHS no 9434765919",
]


@pytest.mark.parametrize(("person", "number"), itertools.product(_PEOPLE, _LABELLED_NUMBERS))
@pytest.mark.parametrize("label", ["Patient: ", "Child: ", "", "Seen today: "])
def test_a_name_before_an_identifiers_label_is_still_found(person: str, number: str, label: str) -> None:
    text = f"{label}{person} {number} - annual health check done"
    assert person in of_kind(text, "name"), find_personal_data(text)


@pytest.mark.parametrize("service", ["Leeds Teaching Hospitals NHS", "Calan DVS", "Hafan CIC"])
def test_a_service_named_before_its_acronym_is_still_no_person(service: str) -> None:
    assert of_kind(f"Referred to {service} last week for support.", "name") == []


# --- Form labels for the people in a case -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "label", ["Child", "Adult", "Staff member", "Relevant person", "Defendant", "Appointee", "Pupil", "Witness"]
)
@pytest.mark.parametrize("person", ["Dawn Fairbrother", "Zayn Khan", "Jordan Pike"])
def test_a_person_after_a_form_label_is_a_name(label: str, person: str) -> None:
    assert of_kind(f"{label}: {person}", "name") == [person]


@pytest.mark.parametrize("label", ["Adult", "Child", "Member", "Person"])
@pytest.mark.parametrize("value", ["Safeguarding concern raised", "Citizens Advice", "Unknown"])
def test_a_form_label_before_words_is_no_name(label: str, value: str) -> None:
    assert of_kind(f"{label}: {value}", "name") == []


@pytest.mark.parametrize("relation", ["Grandmother", "Niece", "Stepfather", "Aunt"])
def test_a_relation_written_before_a_name_is_no_name_and_the_name_is(relation: str) -> None:
    assert of_kind(f"{relation} Jean Smith (main carer) in hospital.", "name") == ["Jean Smith"]
    assert of_kind(f"{relation} lives in Galway so cannot visit often.", "name") == []


# --- Exports pasted with their columns lined up by spaces -------------------------------------------------------------


@pytest.mark.parametrize("gap", ["   ", "      ", "\t\t"])
def test_a_space_aligned_export_is_read_by_its_header(gap: str) -> None:
    rows = [
        ["ID", "Forename", "Surname", "DOB", "Lang"],
        ["550184", "Gintarė", "Petrauskienė", "04/02/1990", "LT"],
        ["550197", "Jonas", "Petrauskas", "22/10/2016", "LT/EN"],
    ]
    text = "\n".join(gap.join(row) for row in rows)
    assert of_kind(text, "date_of_birth") == ["04/02/1990", "22/10/2016"]
    assert of_kind(text, "reference") == ["550184", "550197"]
    assert set(of_kind(text, "name")) >= {"Gintarė", "Petrauskienė", "Jonas", "Petrauskas"}


def test_a_list_of_rooms_by_reference_is_no_table_of_people() -> None:
    text = "Ref   Name            Notes\n1234   Room booking    none\n1235   Main hall   keys at desk"
    assert find_personal_data(text) == []


# --- Numbers of things, and blanks, are no one's record ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The interpreter's invoice INV-22817 has been paid.",
        "Purchase order PO 4500123 raised for the taxi.",
        "Insurance policy ref POL-882210 for the car park barrier.",
        "Repair job no. 4471229 - bathroom extractor fan.",
        "Interpreter booking BK-77120 confirmed for 10:30.",
        "Language Line session ID 88124 - not personal.",
        "CQC location ID 1-1234567890 (the provider).",
        "Exported 02/12/2026 09:14 by user ID 40117",
        "Form ref SG/2024/v3.1 (policy version).",
        "CRN: X000000 (test record - do not use)",
        "Patient name: <<Forename SURNAME>>   NHS No: 000 000 0000   DOB: dd/mm/yyyy",
        "Specimen CHI shown on the form template: 0000000000.",
    ],
)
def test_a_things_number_or_a_blank_is_no_reference(text: str) -> None:
    assert [f for f in find_personal_data(text) if f.kind in {"reference", "nhs_number"}] == []


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("Missing from home report made to police, ref MISPER 24-008817.", "24-008817"),
        ("Our Mosaic number for him is M-3017745.", "M-3017745"),
        ("Your claim (UC 7731 0092 41) has been suspended.", "UC 7731 0092 41"),
        ("DOB 09.09.1983   SCRO 123456/03A", "123456/03A"),
        ("Repair ref RP-7788214 for the mould in the baby's room.", "RP-7788214"),
        ("Your order number is MC/26/07719.", "MC/26/07719"),
    ],
)
def test_a_persons_record_is_still_a_reference(text: str, reference: str) -> None:
    assert reference in " ".join(of_kind(text, "reference"))


# --- Team mailboxes and team lines ------------------------------------------------------------------------------------


@pytest.mark.parametrize("unit", ["ed", "cyp", "msk", "lcs", "asb", "ta", "dsl", "lado", "locality3", "amhp"])
@pytest.mark.parametrize("service", ["safeguarding", "referrals", "support", "team", "admin"])
def test_a_service_word_and_a_units_code_is_a_team_mailbox(unit: str, service: str) -> None:
    assert of_kind(f"Any queries to {unit}.{service}@example.gov.uk please.", "email") == []


@pytest.mark.parametrize("person", ["amy.referrals", "j.smith", "sarah.jones", "tom.admin"])
def test_a_persons_name_in_a_mailbox_is_still_an_email(person: str) -> None:
    address = f"{person}@example.nhs.uk"
    assert of_kind(f"Any queries to {address} please.", "email") == [address]


_TEAM_LINES = [
    "Community Mental Health Team West | {n} (team)",
    "contact the ward discharge coordinator on {n} (ward line).",
    "Ward 12 nurses' station {n} - please ring before 2pm.",
    "duty worker: {n} (team line).",
    "Gateway Service (Belfast HSC Trust) {n} - referrals by form.",
    "We aim to reply within 2 working days. For emergencies out of hours call {n}.",
]


@pytest.mark.parametrize(("sentence", "number"), itertools.product(_TEAM_LINES, ["0113 496 0999", "028 9050 7000"]))
def test_a_teams_landline_is_no_phone(sentence: str, number: str) -> None:
    assert of_kind(sentence.format(n=number), "phone") == []


@pytest.mark.parametrize(
    "sentence", ["ring her on {n} (home)", "out of hours call his mum on {n}", "her mobile (team leader said) {n}"]
)
@pytest.mark.parametrize("number", ["0113 496 0555", "07700 900123"])
def test_a_persons_number_is_still_a_phone(sentence: str, number: str) -> None:
    assert of_kind(sentence.format(n=number), "phone") == [number]


def test_a_mobile_is_a_phone_whatever_follows_it() -> None:
    assert of_kind("call 07700 900123 (team)", "phone") == ["07700 900123"]


# --- Words that are no one -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Front Door is open 9-5 Mon–Thu, 9-4.30 Fri.",
        "Visiting on Rowan Ward is 2-4pm.",
        "Pt's faith community (local mosque) arranging transport.",
        "ADOS-2 module 2, score meets threshold. Will share report with school SENCo.",
        "Review booked with the Nurse Prescriber, CAT.",
        "Present: Education Safeguarding Officer, Legal (minutes). Apologies: Housing.",
        "Enquiry officer: Senior Practitioner, Calderdale ASC",
        "Buckle fracture distal radius L. Removable splint 3 weeks.",
        "The clinic at Dr Gray's Surgery building will close in May.",
        "RPR: the relevant person's representative signs the form.",
        "Ulotki po polsku (leaflets in Polish) given.",
        "Has a dog, Bill, who keeps him going.",
        "Summer trip to Whitley Bay planned for August.",
        "Group programme timetable - recovery hub, Merthyr Tydfil",
        "Offered Antidote and 56 Dean Street outreach.",
    ],
)
def test_words_that_are_no_one_are_no_name(text: str) -> None:
    assert [f for f in find_personal_data(text) if f.kind in {"name", "date_of_birth", "address"}] == [], text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Will said he was fine.", "Will"),
        ("I told Karen Ward on Monday.", "Karen Ward"),
        ("her dog bit Jo Smith", "Jo Smith"),
        ("She lives at 56 Dean Street, Leeds with Jo Smith.", "Jo Smith"),
        ("Visited Dr Gray's patient Jo Smith.", "Jo Smith"),
    ],
)
def test_the_same_shapes_said_of_a_person_are_still_names(text: str, name: str) -> None:
    assert name in of_kind(text, "name")


def test_a_home_at_a_known_clinics_street_number_is_still_an_address() -> None:
    assert of_kind("She lives at 56 Dean Street, Leeds.", "address") == ["56 Dean Street, Leeds"]


# --- Round 6: homes with no house number before their postcode; dates of birth after a room or a nickname; records
# --- named by a bare cue ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Iain Munro, Tigh na Mara, Shore Street, Ullapool IV26 2UR", "Tigh na Mara, Shore Street"),
        ("Location: home - The Old Forge, Clunton, Craven Arms SY7 0HU", "The Old Forge, Clunton"),
        (
            "He stays with granny Agnes Jamieson at Nordhouse, Sandwick ZE2 9HP when dad is at sea.",
            "Nordhouse, Sandwick",
        ),
        (
            "Re: Jack Fairweather born 12 March 1987, Harbour Flat, 2 Sandside, Scarborough YO11 1PE",
            "Harbour Flat, 2 Sandside",
        ),
    ],
)
def test_a_home_with_no_number_before_its_postcode_is_an_address(text: str, address: str) -> None:
    assert address in of_kind(text, "address")


@pytest.mark.parametrize(
    "text",
    [
        "Met her at Costa, Bolton BL1 6QT, for a coffee.",
        "Seen at Riverside Surgery, Bolton BL1 6QT.",
    ],
)
def test_a_place_before_a_postcode_with_no_one_living_there_is_no_address(text: str) -> None:
    assert of_kind(text, "address") == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("09/02 - Mary Jones (room 21), 04/04/1933, found with a bruise", "04/04/1933"),
        ("pressure ulcer for Mr Albert Nuttall (room 14, 10.10.1930) deteriorated", "10.10.1930"),
        ('Liam Doherty ("Bean", 07/11/01), lives at the unit', "07/11/01"),
        ('Young person: "Yonas" (claims 15/03/2008; age assessment ongoing).', "15/03/2008"),
        ("Tobi turns 18 next month (22.08.2006) and will transfer", "22.08.2006"),
    ],
)
def test_a_date_after_a_name_and_a_room_or_a_nickname_is_a_date_of_birth(text: str, date: str) -> None:
    assert of_kind(text, "date_of_birth") == [date]


@pytest.mark.parametrize(
    "text",
    ["Jo Smith said 12/03/2026 was fine", "Jo Smith (room 4), 12/11/2026 seen by GP", "Repairs log: 14/11 - leak."],
)
def test_a_days_date_after_a_name_or_a_room_is_no_date_of_birth(text: str) -> None:
    assert [f for f in find_personal_data(text) if f.kind in {"date_of_birth", "reference"}] == []


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("Occurrence: Occ 24*118765", "24*118765"),
        ("Claim ref: PIP/ADP 3397 221", "3397 221"),
        ("reported to PSNI, incident CC2024 0821 0154.", "CC2024 0821 0154"),
        ("Police: log 50240117-0432.", "50240117-0432"),
        ("Police informed, log BW/0423/14Aug.", "BW/0423/14Aug"),
        ("verified on CHAIN (CHAIN 00471925).", "00471925"),
        ("Appellant's HB claim 40037781 is late.", "40037781"),
        ("Night worker called 101, ref CAD 0918 24JUL24.", "0918 24JUL24"),
        ("Veteran: service no. 25123456", "25123456"),
    ],
)
def test_a_record_after_a_bare_cue_is_a_reference(text: str, reference: str) -> None:
    assert reference in " ".join(of_kind(text, "reference"))
