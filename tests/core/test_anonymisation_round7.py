"""Classes the tenth independent corpus showed (issue 27): mailboxes named by what they are for, road numbers before a
street, things' numbers, training texts' made-up records, places named for a person, and NHS bodies with a person's
or a Welsh name.

Each class is walked through members built here from their parts, each with its control: the same shape said of a
person is still found.
"""

from __future__ import annotations

import itertools

import pytest

from core.anonymisation import find_personal_data
from core.anonymisation.policy import policy_of_span


def of_kind(text: str, kind: str) -> list[str]:
    return [finding.text for finding in find_personal_data(text) if finding.kind == kind]


# --- A mailbox named by what it is for names no one -------------------------------------------------------------------

_PURPOSE_WORDS = [
    "admissions",
    "brokerage",
    "events",
    "tenancy.support",
    "finance.commissioning",
    "return.home.interviews",
    "leaving.care",
    "early.help",
    "school.nurse.team",
    "dischargelounge",
    "reception.northgate",
    "gateway.team",
    "community.mh.referrals",
    "fostering.recruitment",
]
_DOMAINS = ["example.gov.uk", "trust.example.nhs.uk", "example-hscni.net"]


@pytest.mark.parametrize(("local", "domain"), itertools.product(_PURPOSE_WORDS, _DOMAINS))
def test_a_mailbox_named_by_ordinary_words_is_a_team_mailbox(local: str, domain: str) -> None:
    text = f"Please send the form to {local}@{domain} by Friday."
    assert of_kind(text, "email") == []
    start = text.index(local)
    assert policy_of_span(text, start, text.index(" by"), "email") == "team mailbox"


_OWN_ADDRESSES = [
    "l.hardcastle@example.org.uk",  # an initial and a surname no list holds
    "sunshine85@example.com",  # a word and digits: someone's own handle
    "grace.hope@example.com",  # two names that are also words
    "mark.baker@example.com",
    "jsmith@example.com",
    "smith@example.com",
    "markbaker@example.com",
    "admissions@gmail.com",  # webmail is always someone's
    "angharad.price.fostering@example.com",
]


@pytest.mark.parametrize("address", _OWN_ADDRESSES)
def test_an_address_with_a_name_or_a_handle_is_still_someones(address: str) -> None:
    assert of_kind(f"Contact: {address}", "email") == [address]


@pytest.mark.parametrize("cue", ["her email is", "Mum's email:", "email me on", "his personal email"])
@pytest.mark.parametrize("local", ["lovelylady", "sunny.days", "events"])
def test_words_said_to_be_someones_address_are_still_found(cue: str, local: str) -> None:
    address = f"{local}@example.com"
    assert of_kind(f"{cue} {address}", "email") == [address]


# --- A road's number is no house number -------------------------------------------------------------------------------


@pytest.mark.parametrize("road", ["A4", "B4", "M4", "A6120", "B1234"])
@pytest.mark.parametrize("street", ["Bath Road", "Station Road", "High Street"])
def test_a_road_number_before_a_street_is_no_address(road: str, street: str) -> None:
    text = f"The exclusion zone is bounded by the {road} {street} and the river."
    assert of_kind(text, "address") == []


@pytest.mark.parametrize("street", ["Bath Road", "Station Road", "High Street"])
def test_a_house_number_before_a_street_is_still_an_address(street: str) -> None:
    assert of_kind(f"She now lives at 4 {street}, Reading.", "address") == [f"4 {street}"]


# --- Things' numbers --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Contract CV-2025-014 varied from 1 May to add 2 beds.",
        "Insurance claim on policy ZX-448120 is with the insurer.",
        "Tenants' contents insurance - block policy no. HAS/CON/0042 via the landlord scheme.",
        "Tracker ID AUD-2025-Q1 (team-level, not case-level).",
        "St Bede's details on the form: Ofsted URN 103516.",
        "The school's URN 104412 is on the admissions form.",
        "Audit ref QA-2025-117 closed.",
    ],
)
def test_a_things_number_is_no_reference(text: str) -> None:
    assert of_kind(text, "reference") == []


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("Listed at Llandudno Magistrates, URN 62SK0419824.", "62SK0419824"),
        ("Mosaic ID 7781204 - referral closed.", "Mosaic ID 7781204"),
        ("Crime ref 41/22901/25 given to her.", "41/22901/25"),
        ("Virtual School ref VS-11820. Pupil premium plus used.", "VS-11820"),  # a child's, not the school's
    ],
)
def test_a_persons_case_number_is_still_a_reference(text: str, reference: str) -> None:
    assert reference in of_kind(text, "reference")


# --- Made-up records in training and template texts -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Patient: XXXXXXXX   DOB: XX/XX/XXXX   NHS: XXX XXX XXXX",
        "Practise on the test record only: TESTPATIENT, Zzz, DOB 01/01/1900, NHS no 999 999 9999.",
        "Use the dummy patient: Sam Example, DOB 02/03/1980.",
        "Name: A. Claimant   DOB: 01/01/1990 (example)",
        "Mr X, DOB: 01/01/1950 [example - replace], lives alone.",
        "Email: jo.bloggs@example.com (made up)",
        "NI number AB 12 34 56 C (fictitious)",
    ],
)
def test_a_made_up_record_is_no_ones(text: str) -> None:
    assert find_personal_data(text) == [], find_personal_data(text)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("NHS 943 476 5919 (test results pending)", "nhs_number", "943 476 5919"),
        ("DOB 01/01/1950 (sample taken today)", "date_of_birth", "01/01/1950"),
        ("Test results back for Xavier Jones, DOB 01/02/1990.", "name", "Xavier Jones"),
        ("Tested Jo Smith (DOB 01/02/1990) on the ward.", "date_of_birth", "01/02/1990"),
    ],
)
def test_real_data_beside_testing_words_is_still_found(text: str, kind: str, value: str) -> None:
    assert value in of_kind(text, kind)


# --- A place named for a person ---------------------------------------------------------------------------------------

_EPONYMS = ["Dorothy Kerin", "Jack Straw", "Ellen Wilkinson", "Mary Barnes"]
_PLACES = ["community garden", "youth hub", "high school", "day centre", "resource centre", "walled garden"]


@pytest.mark.parametrize(("person", "place"), itertools.product(_EPONYMS, _PLACES))
def test_a_full_name_before_a_places_noun_names_the_place(person: str, place: str) -> None:
    assert of_kind(f"Unpaid work: 7 hrs completed at {person} {place}, Sat.", "name") == []


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Son Yusuf Ahmed attends school 4 miles away.", "Yusuf Ahmed"),
        ("Saw Tom Smith at the hub on Tuesday.", "Tom Smith"),
        ("Sue Bell community centre manager rang back.", "Sue Bell"),
        ("Kelly Brown went to the day centre.", "Kelly Brown"),
    ],
)
def test_a_person_beside_a_place_is_still_a_person(text: str, person: str) -> None:
    assert person in of_kind(text, "name")


# --- NHS bodies with a person's or a Welsh name -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    ["Betsi Cadwaladr", "Hywel Dda", "Aneurin Bevan", "Cwm Taf Morgannwg", "Good Hope", "James Paget Hospital"],
)
def test_an_nhs_body_named_for_a_person_names_no_one(body: str) -> None:
    assert of_kind(f"Referred on to {body} for follow-up.", "name") == []


@pytest.mark.parametrize("person", ["Aneurin Jones", "Hywel Evans", "Betsi Morgan"])
def test_a_person_with_the_same_first_name_is_still_found(person: str) -> None:
    assert of_kind(f"Mr {person} said he was managing.", "name") == [person]


# --- Dates of birth: several after one cue, and restated from a record -----------------------------------------------


@pytest.mark.parametrize("cue", ["DOBs", "dates of birth", "D.O.Bs", "birth dates"])
def test_several_dates_after_a_plural_cue_are_dates_of_birth(cue: str) -> None:
    text = f"Re: Aaliyah and Zayn HUSSAIN ({cue} 12/12/2014 and 03/06/2017)"
    assert of_kind(text, "date_of_birth") == ["12/12/2014", "03/06/2017"]


@pytest.mark.parametrize("verb", ["shows", "states", "matches", "entered as", "down as"])
def test_a_date_of_birth_restated_from_a_record_is_found(verb: str) -> None:
    text = f"DOB on court list {verb} 07/08/1998 - same as NDelius."
    assert of_kind(text, "date_of_birth") == ["07/08/1998"]


@pytest.mark.parametrize("particle", ["Ó", "Ní", "Nic", "Mhic", "Uí"])
def test_an_irish_surname_after_its_particle_is_part_of_the_name(particle: str) -> None:
    text = f"Referral export - Tadhg {particle} Ceallaigh | H&C 343 862 5512 | Main Street"
    assert of_kind(text, "name") == [f"Tadhg {particle} Ceallaigh"]


# --- A person's record number: accounts, an agency's initials, a system's family ID, a number after a name ----------


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("Name: Mohammed Chowdhury   CT account: 60012884", "60012884"),
        ("Disregard for Mr Nowicki (CT a/c 60119732): form CT-SMI.", "60119732"),
        ("HB acct 4410228 suspended.", "4410228"),
        ("Name: Seamus O'Neill   PBNI no: PB/0448721", "PB/0448721"),
        ("NIHE number 448120 for the household.", "448120"),
        ("CSC Liquidlogic ID for family: 1288403. Open as CIN.", "1288403"),
        ("Mosaic ID for the child: 7781204.", "7781204"),
        ('"Priya Shah","Tesfaye Gebremedhin (1129034)","Home visit"', "1129034"),
        ("Seen: Jo Smith (12345678) in clinic.", "12345678"),
    ],
)
def test_a_persons_record_number_is_found(text: str, reference: str) -> None:
    assert any(reference in found for found in of_kind(text, "reference")), find_personal_data(text)


@pytest.mark.parametrize(
    "text",
    [
        "CQC no 1-2345678 for the home.",
        "ODS number 12345 on the letter.",
        "Bed no. 14, bay 3.",
        "Children Mina (2016) and Ali (2019).",
        "Registered charity (1087654) since 2001.",
    ],
)
def test_things_and_years_in_the_same_shapes_are_no_reference(text: str) -> None:
    assert of_kind(text, "reference") == []


def test_a_phone_in_brackets_after_a_name_stays_a_phone() -> None:
    assert of_kind("Kyle Jones (07700 900123)", "phone") == ["07700 900123"]
    assert of_kind("Kyle Jones (07700 900123)", "reference") == []
