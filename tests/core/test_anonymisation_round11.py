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


# --- Double-barrelled surnames of every origin ------------------------------------------------------------------------

_FIRSTS = ["Faith", "Patience", "Comfort", "Precious", "Blessing", "Grace"]
_DOUBLE_SURNAMES = ["Owusu-Ansah", "Adeyinka-Moss", "Adjei-Mensah", "Abdi-Farah", "Pryce-Davies"]


@pytest.mark.parametrize("surname", _DOUBLE_SURNAMES)
@pytest.mark.parametrize(
    "template", ["Employee: {name}  NI WR 51 63 70 A", "Supervision note - {name}, trainee pharmacist", "{name}"]
)
def test_a_first_name_before_a_double_barrelled_surname_is_a_name(surname: str, template: str) -> None:
    missed = [
        first
        for first in _FIRSTS
        if f"{first} {surname}" not in of_kind(template.format(name=f"{first} {surname}"), "name")
    ]
    assert missed == []


@pytest.mark.parametrize(
    "text",
    ["Tax-Free Childcare account set up.", "Long-Term Conditions team", "Anglo-Irish family", "Afro-Caribbean elders"],
)
def test_hyphenated_words_that_name_no_one_stay_clean(text: str) -> None:
    assert of_kind(text, "name") == []


# --- A first name that is also a place or a word, before a surname no list holds --------------------------------------


@pytest.mark.parametrize("first", ["Jordan", "Summer", "Chelsea", "Georgia", "Paris"])
@pytest.mark.parametrize("surname", ["Whitlock", "Okonedo", "Brightwell"])
def test_a_place_or_word_first_name_before_an_unlisted_surname_is_a_name(first: str, surname: str) -> None:
    name = f"{first} {surname}"
    for text in (f"Subject: missed doses - {name}", name, f"{name}\nDOB 02/07/1994"):
        assert name in of_kind(text, "name"), text


@pytest.mark.parametrize(
    "text", ["Summer Fair on Saturday at the hub.", "Jordan Valley trip booked.", "Victoria Station at 10:00."]
)
def test_a_place_or_word_before_an_ordinary_word_is_no_name(text: str) -> None:
    assert of_kind(text, "name") == []


# --- A first name no list holds before a listed surname, where a heading or line starts ----------------------------


@pytest.mark.parametrize("first", ["Shaheen", "Shereen", "Rukhsar", "Nasreen"])
@pytest.mark.parametrize("surname", ["Akhtar", "Abdi-Farah", "Chaudhry"])
def test_an_unlisted_first_name_before_a_listed_surname_in_a_heading_is_a_name(first: str, surname: str) -> None:
    name = f"{first} {surname}"
    for text in (f"Chronology - {name}  DOB 02.07.1994", f"IDVA supervision – {name} with Dawn Holroyd, 02/07"):
        assert name in of_kind(text, "name"), text


# --- Specialists' titles, conditions and schemes named after people or words ------------------------------------------


@pytest.mark.parametrize(
    "title", ["Nephrologist", "Diabetologist", "Radiographer", "Podiatrist", "Psychiatrist", "Gerontologist"]
)
def test_a_specialists_title_signing_a_letter_is_no_name(title: str) -> None:
    assert of_kind(f"Plan: review in clinic in 3 months.\nConsultant {title}", "name") == []
    control = f"Plan: review in clinic in 3 months.\nDr Amir Haddad, Consultant {title}"
    assert of_kind(control, "name") == ["Amir Haddad"]


@pytest.mark.parametrize(
    "text",
    [
        "MCCD issued, Medical Examiner has scrutinised, no Coroner referral.",
        "Dear Headteacher,\nPlease accept this as formal notice.",
        "Widow (88, dementia) now alone at home.",
        "Friedreich's ataxia: progressive, plan seating early.",
        "Listed for Tenckhoff catheter insertion next week.",
        "Apgars 9 and 10. Hips: Ortolani negative.",
        "Claimant NINO JL 44 71 26 B asked about her claim.",
    ],
)
def test_roles_conditions_and_labels_are_no_names(text: str) -> None:
    assert of_kind(text, "name") == []


@pytest.mark.parametrize(
    "scheme", ["Young carer", "Young person", "Yellow Card", "Schwartz Round", "Bona Vacantia", "Chevra Kadisha"]
)
def test_schemes_and_bodies_of_the_field_are_no_names(scheme: str) -> None:
    assert of_kind(f"Subject: {scheme} referral for the team to discuss", "name") == []
    assert of_kind(f"Subject: {scheme} referral for Maryam Chaudhry", "name") == ["Maryam Chaudhry"]


# --- A record's number straight after the record's noun, with no "number" or "ref" ------------------------------------


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("Council tenancy T-0417732\nTransfer request on medical grounds.", "T-0417732"),
        ("Council Tax Reduction claim CTR/7740193 - reassessed from 01/04.", "CTR/7740193"),
        ("Account CT 6610 4482. Property empty since death.", "CT 6610 4482"),
        ("Supervision - renal support worker, staff no EMP201884", "EMP201884"),
        ("Badge no. BB2019-774031 expires next month.", "BB2019-774031"),
        ("Practice record EMIS 558203\nPractice Manager, Cedar Lane Surgery", "EMIS 558203"),
        ("Housing register HR 2291847 - band B.", "HR 2291847"),
        ("Her rent account 4410228 is in arrears.", "4410228"),
    ],
)
def test_a_records_number_after_its_noun_is_a_reference(text: str, reference: str) -> None:
    assert of_kind(text, "reference") == [reference]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Mum's number on system 07700 900 932 goes to voicemail.", "phone", "07700 900 932"),
        ("Emyr's mobile for the out-of-hours service: 01974 496 0238", "phone", "01974 496 0238"),
        ("Help to Claim: 0800 144 8444 (free).", "reference", None),
        ("The case 2024 review is on Tuesday.", "reference", None),
        ("training record 123456 for the new starters", "reference", None),
    ],
)
def test_phones_helplines_years_and_training_records_are_no_references(text: str, kind: str, value: str | None):
    assert of_kind(text, kind) == ([value] if value else [])


# --- A number, then a form's gap, then the next field's number --------------------------------------------------------


@pytest.mark.parametrize("gap", ["   ", "    ", "\t\t"])
@pytest.mark.parametrize("field", ["7 Nelson Street, Whitby", "12 Acacia Avenue", "Flat 4, 21 Mill Lane"])
def test_an_identifier_before_a_gap_and_an_address_keeps_its_own_digits(gap: str, field: str) -> None:
    text = f"Albert Summerfield   NHS 141 087 8953{gap}{field}"
    assert of_kind(text, "nhs_number") == ["141 087 8953"]
    assert of_kind(f"Tel 07700 900277{gap}{field}", "phone") == ["07700 900277"]


def test_a_number_spaced_out_within_itself_is_still_read_whole() -> None:
    assert of_kind("NHS 943   476   5919 on file", "nhs_number") == ["943   476   5919"]


@pytest.mark.parametrize("separator", ["\t", "\t\t", ",", ", ", " | ", ";", "   "])
@pytest.mark.parametrize("nhs", ["141 087 8953", "1410878953", "141-087-8953"])
def test_a_pasted_row_without_a_header_keeps_every_identifier(separator: str, nhs: str) -> None:
    cells = ["Albert Summerfield", nhs, "7 Nelson Street", "YO21 3PQ", "07700 900277", "JT 44 71 26 B"]
    found = {finding.kind: finding.text for finding in find_personal_data(separator.join(cells))}
    expected = {"nhs_number": nhs, "postcode": "YO21 3PQ", "phone": "07700 900277", "ni_number": "JT 44 71 26 B"}
    assert {kind: found.get(kind) for kind in expected} == expected


# --- A text's sender naming themselves, and a name's possessive with no apostrophe ------------------------------------

_SENDERS = ["Hope", "Gill", "Joy", "Kayleigh", "Mo"]


@pytest.mark.parametrize(
    "template",
    [
        "Morning. Its {name} (Y6 mum). We're not agreeing to a home visit.",
        "hi its {name} (PA). cant do tomorrow morning my lad is poorly",
        "Hi love its {name} from number 9. He's forgot his inhaler.",
        "hiya hun it's {name}, can u ring me back",
    ],
)
def test_a_sender_naming_themselves_is_found(template: str) -> None:
    missed = [name for name in _SENDERS if name not in of_kind(template.format(name=name), "name")]
    assert missed == []


@pytest.mark.parametrize("text", ["The charity and its Trustees (2024) met.", "Hi, its March (2024) already."])
def test_its_before_a_capitalised_thing_is_no_sender(text: str) -> None:
    assert of_kind(text, "name") == []


@pytest.mark.parametrize("relation", ["mum", "dad", "nan", "brother", "sister"])
@pytest.mark.parametrize("first", ["Malachi", "Kayla", "Tyler", "Kirsty"])
def test_a_first_names_possessive_without_its_apostrophe_before_a_relation_is_a_name(first: str, relation: str):
    assert of_kind(f"Joy from number 9, {first}s {relation}, rang about the trip.", "name")[-1] == f"{first}s"


# --- Initials after a worker's role or a minute-taker's label ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Practice assessor AO observed one visit.",
        "Minutes: KP",
        "Chair: RD\nApologies: none",
        "Support worker TW visited on Monday.",
        "Notes by: HJ",
    ],
)
def test_initials_after_a_role_or_a_minute_takers_label_are_a_person(text: str) -> None:
    assert len(of_kind(text, "name")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Supervision - Mental Health Officer\nMHO: Alasdair Munro",
        "Supervision - Social Prescribing Link Worker\nLW: Hannah Iqbal",
        "Chair: CQC inspection lead",
        "Housing officer HB team to call.",
    ],
)
def test_a_role_on_the_line_before_or_an_initialism_is_no_persons_initials(text: str) -> None:
    initials = [name for name in of_kind(text, "name") if name.isupper()]
    assert initials == []


# --- Look-alikes: a form's code shaped like a postcode, clinical headings, ordinary words before a verb ---------------


@pytest.mark.parametrize("code", ["FP17PR", "FP17", "QQ12AB", "XY99ZZ"])
def test_a_code_shaped_like_a_postcode_whose_area_does_not_exist_is_no_postcode(code: str) -> None:
    assert of_kind(f'He had ticked "no exemption" on the {code}.', "postcode") == []


@pytest.mark.parametrize("postcode", ["ls115ab", "SW1A1AA", "M11AE", "B338TH"])
def test_a_postcode_without_its_space_in_a_real_area_is_still_found(postcode: str) -> None:
    assert of_kind(f"Moved to 4 Oak Road, {postcode} last week.", "postcode") == [postcode]


@pytest.mark.parametrize(
    "text",
    [
        "PMH: vascular dementia (dx 2021), AF on apixaban.",
        "HPC: 3 days of breathlessness.",
        "Elmwood PRU deputy head attended.",
        "Wheelchair Accessible Vehicles can be leased through Motability.",
        "Blue Badge Holders can park free for three hours.",
    ],
)
def test_clinical_headings_and_ordinary_words_before_a_verb_are_no_names(text: str) -> None:
    assert of_kind(text, "name") == []


def test_a_listed_name_after_an_ordinary_word_before_a_verb_is_still_a_name() -> None:
    assert of_kind('Leon said "Daddy Ray did it playing".', "name")[-1].endswith("Ray")


# --- A pasted list of people with an address column -------------------------------------------------------------------


@pytest.mark.parametrize("separator", [",", "\t", " | "])
@pytest.mark.parametrize("header", ["address", "Home address", "Current address"])
def test_the_address_column_of_a_list_of_people_is_read(separator: str, header: str) -> None:
    rows = [
        ["ref", "name", "dob", header, "band"],
        ["HR-310457", "KOWALCZYK Danuta", "1951-08-03", "3 Linden Grove", "B"],
        ["HR-310462", "ADEBAYO Funke", "1979-02-27", "Flat 9 Rowan Hs", "A"],
        ["HR-310470", "McGINLEY Pat", "1944-12-10", "NFA", "C"],
        ["HR-310471", "OSEI Kofi", "1990-01-02", "Leeds bus station", "C"],
    ]
    text = "\n".join(separator.join(row) for row in rows)
    assert of_kind(text, "address") == ["3 Linden Grove", "Flat 9 Rowan Hs"]


def test_an_address_column_in_a_list_of_services_is_not_read_as_peoples() -> None:
    text = "service,address,opening\nCarr Lane Surgery,2 Carr Lane,8-6\nDrop-in,14 Mill Street,10-2"
    assert of_kind(text, "address") == []


# --- Months from one to another ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("span", ["Jan-Mar", "April–September", "Sept - Dec", "May-July", "June–Aug"])
def test_a_range_of_months_is_no_name(span: str) -> None:
    assert of_kind(f"Figures for {span} are below; the group runs {span} only.", "name") == []


@pytest.mark.parametrize("name", ["June-Marie Okafor", "May-Lin Chen", "April-Rose Hughes"])
def test_a_double_first_name_that_starts_with_a_month_is_still_a_name(name: str) -> None:
    assert of_kind(f"{name} rang the duty line.", "name") == [name]


# --- A name already read as a person, then what they are doing; a worker's verb, then to whom -------------------------


@pytest.mark.parametrize("name", ["Rose", "Hope", "Summer", "Joy"])
def test_a_name_read_as_a_person_is_found_again_before_what_they_are_doing(name: str) -> None:
    text = f"Clinical supervision – {name} (RMN, in-reach)\nDiscussed T.W. {name} feeling that she is the only one."
    assert of_kind(text, "name").count(name) == 2


def test_a_word_never_read_as_a_person_stays_a_word_before_a_gerund() -> None:
    assert of_kind("Summer holidays start soon. Summer being the busiest time for the team.", "name") == []


@pytest.mark.parametrize("verb", ["Helped", "Rang", "Visited", "Supported", "Met"])
@pytest.mark.parametrize("name", ["Bailey", "Summer Okoro", "Grace"])
def test_a_workers_verb_at_a_sentences_start_then_whom_they_helped(verb: str, name: str) -> None:
    assert of_kind(f"Dad gets PIP. {verb} {name} at home about the claim.", "name") == [name]


@pytest.mark.parametrize("text", ["Supported Housing panel met on Monday.", "Referred Hope Street hostel for a bed."])
def test_a_workers_verb_before_a_service_is_no_name(text: str) -> None:
    assert of_kind(text, "name") == []


# --- Initials before a role in brackets; a list of students -----------------------------------------------------------


@pytest.mark.parametrize(
    "bracket", ["(YC support worker)", "(SW, Physical Disability Team)", "(the SW)", "(mum)", "(SU)", "(CPN)"]
)
@pytest.mark.parametrize("initials", ["JB", "LM", "KO"])
def test_initials_before_a_role_in_brackets_are_a_person(initials: str, bracket: str) -> None:
    assert of_kind(f"Supervision notes – {initials} {bracket}\nCaseload 14.", "name") == [initials]


@pytest.mark.parametrize("bracket", ["(vulnerable adult)", "(public protection notice)", "(the regulator)"])
def test_an_initialism_before_what_kind_of_thing_it_is_is_no_person(bracket: str) -> None:
    assert of_kind(f"Police PPN {bracket}: received on Monday, CQC {bracket} told.", "name") == []


@pytest.mark.parametrize("header", ["Student", "student"])
@pytest.mark.parametrize("separator", ["\t", ",", " | "])
def test_a_list_of_students_with_their_dates_of_birth_names_them(header: str, separator: str) -> None:
    rows = [
        [header, "DOB", "Course"],
        ["Nguyen Minh Anh", "02/09/2008", "A-level"],
        ["Kaito Shimizu", "19/12/2009", "GCSE"],
    ]
    text = "\n".join(separator.join(row) for row in rows)
    assert of_kind(text, "name") == ["Nguyen Minh Anh", "Kaito Shimizu"]
