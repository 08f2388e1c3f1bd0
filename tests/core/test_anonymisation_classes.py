"""Classes of miss and false finding seen on unseen UK case notes, each with sentences written for this file.

One test (or one parametrised group) per class: the rule is what is tested, not any one passage.
"""

from __future__ import annotations

import pytest

from core.anonymisation import find_personal_data, nhs_check_digit_ok
from core.anonymisation.identifiers import POSTCODE_AREAS


def found(text: str) -> list[tuple[str, str]]:
    return [(finding.kind, finding.text) for finding in find_personal_data(text)]


def kinds_of(text: str, kind: str) -> list[str]:
    return [finding.text for finding in find_personal_data(text) if finding.kind == kind]


# --- NHS numbers in any grouping ----------------------------------------------------------------------------


def _valid_nhs(prefix: str) -> str:
    """The first ten-digit number from `prefix` upwards that passes the modulus 11 check."""
    number = int(prefix)
    while not nhs_check_digit_ok(f"{number:010d}"):
        number += 1
    return f"{number:010d}"


@pytest.mark.parametrize("grouping", [(4, 3, 3), (3, 4, 3), (2, 4, 4), (5, 5), (3, 3, 2, 2)])
def test_a_valid_nhs_number_is_found_whatever_its_grouping(grouping: tuple[int, ...]) -> None:
    digits = _valid_nhs("4505577100")
    parts, position = [], 0
    for size in grouping:
        parts.append(digits[position : position + size])
        position += size
    number = " ".join(parts)
    assert kinds_of(f"Patient ID on the discharge summary was {number} (checked).", "nhs_number") == [number]


def test_ten_digits_in_another_grouping_that_fail_the_check_are_not_an_nhs_number() -> None:
    digits = _valid_nhs("4505577100")
    wrong = digits[:9] + str((int(digits[9]) + 1) % 10)
    assert not nhs_check_digit_ok(wrong)
    text = f"Police log {wrong[:4]} {wrong[4:7]} {wrong[7:]} refers to the break-in next door."
    assert kinds_of(text, "nhs_number") == []


def test_another_grouping_is_not_read_from_the_tail_of_a_longer_number() -> None:
    assert kinds_of("Card ending 4505 5771 0044 9921 was cancelled by the bank.", "nhs_number") == []


# --- References with letter prefixes, after a cue or in their usual shape ----------------------------------


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("Her Liquidlogic number is LCS 4471092; please quote it.", "LCS 4471092"),
        ("Checked the ward's record: hospital number its QMC 5520114.", "QMC 5520114"),
        ("Updated Mosaic 5561209 with the new GP details.", "5561209"),
        ("Council tax no. CT 90014452 is in arrears.", "CT 90014452"),
        ("Tenancy no 10442-07 at the same address.", "10442-07"),
        ("Rent account RT 44120987 shows a credit.", "RT 44120987"),
        ("Caseload list: J. Bell | ASC-7712094 | review due", "ASC-7712094"),
    ],
)
def test_a_reference_with_a_letter_prefix_is_found(text: str, reference: str) -> None:
    assert reference in kinds_of(text, "reference")


@pytest.mark.parametrize(
    "text",
    [
        "Paid GBP 1500000 into the fund this year.",
        "Room B, Wellington House; bring your Mosaic summaries.",
        "She scored 12 on the PHQ9 and 9 on the GAD7.",
    ],
)
def test_letters_and_digits_that_are_no_reference_are_left(text: str) -> None:
    assert kinds_of(text, "reference") == []


# --- Addresses: Welsh streets, house names, units, pitches and plots ---------------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("She is staying at her aunt's, 14 Heol y Parc, Treorchy.", "14 Heol y Parc, Treorchy"),
        ("Home visit to 6 Ffordd Tan-y-Bryn after the fall.", "6 Ffordd Tan-y-Bryn"),
        ("New tenancy at 31 Stryd Fawr from Monday.", "31 Stryd Fawr"),
        ("Letters go to Bryn Awel, Lôn Goed, near Criccieth.", "Bryn Awel, Lôn Goed"),
        ("He rents the annexe at Mill Farm, Sandy Lane, outside the village.", "Mill Farm, Sandy Lane"),
        ("Moved to Pitch 12, Oak Tree Travellers Site last spring.", "Pitch 12, Oak Tree Travellers Site"),
        ("The family are on Plot 3, Riverside Caravan Park.", "Plot 3, Riverside Caravan Park"),
        ("She lives in the Basement Flat, 8 Clifton Road.", "Basement Flat, 8 Clifton Road"),
        ("Moved into Flat 2, 40 Victoria Mansions in May.", "Flat 2, 40 Victoria Mansions"),
        ("Placed by the council at Room 6, Bay Hotel, 11 Promenade.", "Room 6, Bay Hotel, 11 Promenade"),
        ("She gave her address as 9 The Maltings, near the station.", "9 The Maltings"),
    ],
)
def test_addresses_in_other_shapes_are_found(text: str, address: str) -> None:
    assert address in kinds_of(text, "address")


@pytest.mark.parametrize(
    "text",
    [
        "The forum meets at the Quaker Meeting House, Ship Street, every month.",
        "Her script is ready at Kamsons Pharmacy, 14 London Road, after 2pm.",
        "Drop-in at the Cedars Health Centre, 2 Mill Lane, on Tuesdays.",
        "Ward 12 Peel House takes referrals; the 2 Hope House residents were moved.",
    ],
)
def test_venues_and_public_premises_are_not_a_home_address(text: str) -> None:
    assert kinds_of(text, "address") == []


# --- Public numbers and team mailboxes ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "For anything urgent use the Children's Services front door on 0114 496 0731.",
        "Tenants should ring the housing department's main number (0117 496 0200) for repairs.",
        "Thank you for contacting Northshire Council. If you need a food parcel today, call 0191 496 0800.",
        "She was given the Modern Slavery help line (0800 012 1700) on a card.",
        "He was told not to use the 0300 123 9999 number from a hostel phone.",
    ],
)
def test_a_service_s_own_line_is_not_personal_data(text: str) -> None:
    assert kinds_of(text, "phone") == []


@pytest.mark.parametrize(
    "text",
    [
        "Rang the duty team about it, then rang her on 0114 496 0731 with no answer.",
        "Out of hours, ring her landline 0117 496 0200 first.",
        "His mobile on the council's records is 07700 900 441.",
    ],
)
def test_a_person_s_number_near_a_service_word_is_still_found(text: str) -> None:
    assert kinds_of(text, "phone") != []


def test_a_team_mailbox_names_no_one_but_a_person_s_address_does() -> None:
    text = (
        "Copy to adult.safeguarding@northshire.gov.uk and to tom.ashby@northshire.gov.uk, and ask mum (duty@gmail.com)."
    )
    assert kinds_of(text, "email") == ["tom.ashby@northshire.gov.uk", "duty@gmail.com"]


# --- Dates of birth with Welsh month names ------------------------------------------------------------------


def test_a_date_of_birth_with_a_welsh_month_is_found_and_banded() -> None:
    from datetime import date

    from core.anonymisation import propose_fixes

    text = "Cleient: DOB 4 Hydref 1979, yn byw gyda'i mam."
    assert kinds_of(text, "date_of_birth") == ["4 Hydref 1979"]
    replacements = propose_fixes({"notes": text}, reference_date=date(2026, 1, 10))
    assert [r.text for r in replacements if "date_of_birth" in r.kinds] == ["aged 40-49"]


# --- Names: things named with name-like words are not people ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Other options: Safer Horizons (Mondays) or New Beginnings for the women's group.",
        "Carers from Bluebell Homecare missed two calls this week.",
        "Completed the Oliver McGowan Training and the Tier 2 module.",
        "Referred to Hafan Cymru and to Tai Calon for a tenancy.",
        "The refuge place came through Gorwel DVS on Friday.",
        "Depot changed to Invega Trinza 525mg every three months.",
        "A letter came from his solicitors (Rowland Pryce) about the appeal.",
        "Her sister lives in Kyiv and her cousin in Hong Kong.",
        "She arrived under Homes for Ukraine in 2022.",
        "Txt from mum this morning about the visit.",
        "Update from the DWP about the sanction came today.",
        "Quorum is 4.",
        "Planning for Independence is the next module; Preparing for Adulthood comes after.",
        "He was rushed to Barts with chest pains.",
        "Last settled address: 9 Cobden Street, Kirkdale, L5 1AB.",
    ],
)
def test_services_medicines_firms_and_places_named_like_people_are_not_names(text: str) -> None:
    assert kinds_of(text, "name") == []


def test_a_person_is_still_found_beside_those_rules() -> None:
    assert kinds_of("Torvald is 19 and was referred by his college.", "name") == ["Torvald"]
    assert kinds_of("Her solicitor (Aisling Byrne) rang back.", "name") == ["Aisling Byrne"]
    assert kinds_of("Tai said he would come to group on Monday.", "name") == ["Tai"]


# --- Names: the shapes people's names take in notes ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Voicemail: “hiya its Roisin, cant get to the appt, ring me back”.", "Roisin"),
        ("“Hello, it’s Oksana from the food bank, just checking in.”", "Oksana"),
        ("Text: “yeah it's Jez, im at the station”", "Jez"),
        ("Transcribed note: “Hi its Tegan at number 12, the heating is off”", "Tegan"),
    ],
)
def test_someone_naming_themselves_in_a_message(text: str, name: str) -> None:
    assert name in kinds_of(text, "name")


def test_its_before_an_ordinary_word_or_a_service_is_no_one() -> None:
    for text in ("Hi, it's Housing Options here, please call back.", "Yeah it's fine, it's Tuesday, it's ok."):
        assert kinds_of(text, "name") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Visit to Mr Desmond Achebe (“Dessie”) at home.", ["Desmond Achebe", "Dessie"]),
        ("Referral for Bernadette “Bernie” Flanagan, who lives alone.", ["Bernadette “Bernie” Flanagan"]),  # one person
        ("Night staff: Room 14 (Wozza) was found asleep in the stairwell.", ["Wozza"]),
        ("Contacts in her phone include “Big Tony” and “Wee Shona”.", ["Big Tony", "Wee Shona"]),
        ("She gave her name as “Jojo” and would not say more.", ["Jojo"]),
        ("Known as: Fitz", ["Fitz"]),
        ("Baz and Shaz both came to the drop-in; Baz stayed for lunch.", ["Baz", "Shaz", "Baz"]),
    ],
)
def test_nicknames_and_short_forms(text: str, names: list[str]) -> None:
    assert kinds_of(text, "name") == names


def test_a_quoted_shop_or_charity_is_not_a_nickname() -> None:
    assert kinds_of("The “Little Chef” closed and “Young Minds” leaflets were left.", "name") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Present: RT (dad), KL (SU), TM Jo Baxter.", ["RT", "KL", "Jo Baxter"]),
        ("Phoned HK (pt) about the missed depot. HK said she forgot.", ["HK", "HK"]),
        ("Minutes taken by QW (student nurse).", ["QW"]),
        ("I agree the s42 threshold is met.\nGH", ["GH"]),
    ],
)
def test_initials_that_stand_for_a_person(text: str, names: list[str]) -> None:
    assert kinds_of(text, "name") == names


@pytest.mark.parametrize(
    "text",
    [
        "Present: SW (duty), TM (chair), GP (by phone). Apologies: CPN.",
        "Texted DWP re the sanction. Rang CGL (SU) to check.",
        "Actions agreed. NFA",
        "Reviewed by MDT. Signed off by ASC.",
    ],
)
def test_service_initials_are_not_people(text: str) -> None:
    assert kinds_of(text, "name") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Adult at risk: OKONJO, Chidinma   DOB: 3.4.1970", ["OKONJO, Chidinma"]),
        ("Meeting re WANG Lei (surname Wang), interpreter booked.", ["WANG Lei", "Wang"]),
        ("Surname: McCAFFERTY    Forename: Siobhan", ["McCAFFERTY", "Siobhan"]),
        ("Signed, R. Oyelowo, Approved Mental Health Professional", ["R. Oyelowo"]),
        ("Allocations:\nK. Brennan | 14 cases\nT. Achterberg | 9 cases", ["K. Brennan", "T. Achterberg"]),
        ("Name: UNKNOWN   DOB: NOT GIVEN", []),
        ("Hepatitis C. Bloods taken; plan B. Tenancy at risk.", []),
    ],
)
def test_surname_first_and_initial_with_surname(text: str, names: list[str]) -> None:
    assert kinds_of(text, "name") == names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Worker: Obinna Eze. Discussed three cases; Obinna to chase the GP.", "Obinna"),
        ("Supervisee: Harjinder Bains, Housing Officer.", "Harjinder Bains"),
        ("Offender Marlon Pike to report weekly.", "Marlon Pike"),
        ("Referral from the church volunteer (Hope) about a rough sleeper.", "Hope"),
        ("FAO Mags – please see the attached referral.", "Mags"),
        ("MARAC – Nazia (F, 31): high risk, repeat case.", "Nazia"),
        ("School reported that Summer (Y6) was hungry again.", "Summer"),
        ("Outreach found Pickles (real name withheld) by the canal.", "Pickles"),
        ("Joint visit: the Kowalczyk family have no heating.", "Kowalczyk"),
        ("Rent arrears for the Abdikarim household are rising.", "Abdikarim"),
        ("Text from her sister, Mrs Yvette\nBoateng, pasted as received.", "Yvette\nBoateng"),
        ("Discussed tomasz\nkowalski in supervision.", "tomasz\nkowalski"),
        ("Name: priya sharma", "priya sharma"),
        ("He was sofa surfing at Kasia’s flat all week.", "Kasia"),
    ],
)
def test_names_after_roles_forms_and_in_other_contexts(text: str, name: str) -> None:
    assert name in kinds_of(text, "name")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Agreed with Ward Manager Precious and Team Manager Steve Ashdown.", ["Precious", "Steve Ashdown"]),
        ("Admitted to the William Osler overnight; Mr Ivan Petrov's wife was told.", ["Ivan Petrov"]),
        ("Staying over at Kirstys with the baby until Monday.", ["Kirstys"]),
        (
            "Chronology:\nMay 2024 – Ivy's son, Arlo, taken into care\nJun 2024 – Ivy relapsed after the funeral",
            ["Ivy", "Arlo", "Ivy"],
        ),
        ("A Sarah's Law enquiry was made; Awaab's Law applies to the mould.", []),
    ],
)
def test_job_titles_places_named_for_people_and_possessives(text: str, names: list[str]) -> None:
    assert kinds_of(text, "name") == names


# --- More shapes of structured identifiers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Her brother in Gdansk is on +48 601 234 567 most evenings.", "phone", "+48 601 234 567"),
        ("His wife's Irish mobile: +353 (0)86 765 4321.", "phone", "+353 (0)86 765 4321"),
        ("Police log SYP-24-0098812 refers to the assault.", "reference", "SYP-24-0098812"),
        ("Complaint AC/2025/00417 was upheld in part.", "reference", "AC/2025/00417"),
        ("Client is unsure of her birthday; DOB 06/1987 per the Home Office.", "date_of_birth", "06/1987"),
        ("He was born in August 1959 in Kingston.", "date_of_birth", "August 1959"),
        ("Kieran Walsh (b. 1972) was discharged.", "date_of_birth", "1972"),
        ("Spine record: DOB 04MAR1966, NHS as above.", "date_of_birth", "04MAR1966"),
        ("National Insurance no is wx605446", "ni_number", "wx605446"),
        ("She now lives on Bramble Way with her two boys.", "address", "Bramble Way"),
        ("Address: Ffordd yr Eglwys, near the chapel.", "address", "Ffordd yr Eglwys"),
        (
            "Flat 7B, Cotton Mill, 23 Canal Street was the last known address.",
            "address",
            "Flat 7B, Cotton Mill, 23 Canal Street",
        ),
    ],
)
def test_more_shapes_of_identifiers(text: str, kind: str, value: str) -> None:
    assert value in kinds_of(text, kind)


@pytest.mark.parametrize(
    "text",
    [
        "He was born in Leeds and moved south in 1999 for work.",
        "Support is 24/7 and the Covid-19 rules have gone.",
        "The team office on Harrow Road moved to Station Approach in 2021.",
        "Her sister in Dublin is on the phone most nights.",
    ],
)
def test_look_alikes_of_those_shapes_are_left(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ring the revenues team on 0113 496 0500 during office hours about the arrears.",
        "Out of area: ffoniwch 01248 496 496 (Ysbyty Gwynedd) for the ward.",
        "Funding comes from the Office for Policing and Crime this year.",
        "The Sycamore family room is closed; use the Beech family room.",
        "Referred by: Self. Source: A&E.",
        "Car reg: AB12 CDE was seen outside again.",
    ],
)
def test_more_look_alikes_raise_nothing(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Probation: POP Femi Adeyinka reported on time.", ["Femi Adeyinka"]),
        ("Ward: Pt Halina seen by the registrar.", ["Halina"]),
        ('Text: "cant make it, tell siobhan ill call her later"', ["siobhan"]),
        ('Text: "tell mum ill ring her, ask will if he can come"', []),
    ],
)
def test_person_role_abbreviations_and_lower_case_names_after_a_verb(text: str, names: list[str]) -> None:
    assert kinds_of(text, "name") == names


@pytest.mark.parametrize(
    "text",
    [
        "Gave him the DWP number (0800 169 0310) for the PIP enquiry line.",
        "Contact the Rough Sleeping Team (0207 946 0123) or StreetLink.",
        'Training example: "Jane Doe", 34, placed in B&B accommodation; "Joe Bloggs" in a hostel.',
    ],
)
def test_a_number_after_a_team_s_name_and_placeholder_names_raise_nothing(text: str) -> None:
    assert found(text) == []


def test_a_phone_in_brackets_is_reported_without_the_bracket() -> None:
    assert kinds_of("Rang Kevin Price (0114 496 0731) twice.", "phone") == ["0114 496 0731"]


def test_a_nickname_given_beside_a_name_is_the_same_person_when_fixed() -> None:
    from core.anonymisation import fix_all

    text = 'Visit to Bernadette Flanagan ("Bernie"); Bernie asked for a smaller flat. Her son Rory was there.'
    assert fix_all({"notes": text}).texts["notes"] == (
        'Visit to Person A ("Person A"); Person A asked for a smaller flat. A\'s son was there.'
    )


def test_capital_nicknames_are_found_again_later() -> None:
    text = 'Marlon "DJ" Mills was remanded on Friday. DJ rang from the prison on Monday.'
    assert kinds_of(text, "name") == ['Marlon "DJ" Mills', "DJ"]


# --- The benchmark's subset option --------------------------------------------------------------------------


def test_the_benchmark_measures_only_the_ids_asked_for(tmp_path) -> None:
    import json

    from bench.anonymisation import IdRange, load_corpus

    corpus = tmp_path / "corpus.jsonl"
    lines = [{"id": f"ind-{n:04d}", "text": "t", "spans": []} for n in (1, 240, 241, 480)]
    lines.append({"id": "gen-id-001", "text": "t", "spans": []})
    corpus.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    kept = [passage["id"] for passage in load_corpus(corpus, IdRange.parse("ind-0001..ind-0240"))]
    assert kept == ["ind-0001", "ind-0240", "gen-id-001"]
    with pytest.raises(SystemExit):
        IdRange.parse("ind-0001..gen-0240")


def test_scottish_chi_and_four_digit_year_pnc_numbers() -> None:
    text = "Transferred from Glasgow: CHI 0101901234. Police record PNC 2019/0123456A."
    assert found(text) == [("nhs_number", "0101901234"), ("reference", "2019/0123456A")]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("DOB: 07 11 1984   NI: see file", "07 11 1984"),
        ("Date of birth.............. 14/02/1979", "14/02/1979"),
        ("Her birthday is 3rd August, so the visit moved.", "3rd August"),
        ("DOB 1979/02/14 (from the passport).", "1979/02/14"),
        ("Household:\nKai | 02/06/2016 | son\nMia | 19/01/2019 | daughter", "02/06/2016"),
    ],
)
def test_dates_of_birth_typed_on_forms_and_in_tables(text: str, date: str) -> None:
    assert date in kinds_of(text, "date_of_birth")


def test_dates_without_a_cue_or_a_name_are_not_dates_of_birth() -> None:
    assert found("Seen on 12 March; appointment 3 April; bus 12 03 ran late; her birthday party is Saturday.") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Clinic letter, seen by Mr D. Okonjo, Consultant Physician.", ["Okonjo"]),
        ('Co-defendant Tyrell "TJ" Barnes was bailed.', ['Tyrell "TJ" Barnes']),
        ("Discussed POP RW: licence ends in May; resident DM moved out.", ["RW", "DM"]),
        (
            "Chat pasted:\nLeanne: anyone seen him?\nMark: at the hostel last night\nLeanne: ta",
            ["Leanne", "Mark", "Leanne"],
        ),
        ("Form:\nSummary: stable\nPlan: review in May\nNote: none", []),
    ],
)
def test_job_titles_co_defendants_initials_after_roles_and_chat_speakers(text: str, names: list[str]) -> None:
    assert kinds_of(text, "name") == names


def test_an_outward_code_whose_area_does_not_exist_is_not_a_postcode():
    """A programme's site codes (CP1 to CP12) after a town, as the newsletter writes them, are not postcodes;
    a real district after a town still is."""
    for town in ("Colchester", "Brighton", "Halifax", "Stoke-on-Trent", "Workington"):
        for number in range(1, 13):
            assert find_personal_data(f"{town} CP{number} met twice this month.") == [], (town, number)
    assert len(POSTCODE_AREAS) == 124
    for code in ("CO4", "BN2", "HX1", "ST4", "CA14", "E1", "B12"):
        found = find_personal_data(f"She was housed in {code} last year.")
        assert [(f.kind, f.text) for f in found] == [("postcode", code)], code
