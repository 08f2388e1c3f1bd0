"""Organisations named after people, public helplines, and the caller's own list of known terms."""

from __future__ import annotations

import pytest

from core.anonymisation import KnownTerms, find_personal_data, seed_terms
from core.anonymisation.known_services import ORGANISATIONS, PUBLIC_NUMBERS

# Clean passages written by hand in the styles of case notes, each with something that looks like personal data
# and is not: organisations with people's names or name-like words, hostels, wards, practices, helplines, places,
# appointment dates, money and times.
CLEAN_PASSAGES = [
    "Referral received from the Grace Eyre Foundation for supported living; no bed until the New Year.",
    "Attended the lived-experience forum at the Brandon Trust; members want the hub open at weekends.",
    "Gave him the Samaritans number (116 123) and explained NHS 111 for out of hours.",
    "Text from the pharmacy: script ready for collection after 2pm.",
    "Housing Options, Adult Social Care and the Rough Sleeping Initiative agreed a joint visit on 14 March 2025.",
    "Safeguarding concern raised with the MASH on 03/02/2025; outcome: no further action, signposted to Refuge.",
    "He was admitted to Florence Nightingale ward and transferred to the Kingfisher Unit a week later.",
    "The St Martin's practice and the Jenner Health Centre both refused registration without ID.",
    "She has been bidding on Homefinder since June; band B with a medical priority.",
    "Faith groups in the town run a night shelter from November to March.",
    "The Sally Army shop gave him a coat and Emmaus offered a bed from Monday.",
    "Contacted Shelter's emergency helpline on 0808 800 4444 for advice on the eviction notice.",
    "Mind infoline advised on the PIP appeal; Citizens Advice will do the mandatory reconsideration.",
    "Ivy grows over the back of the hostel and the drains are blocked again.",
    "Sky Sports was on in the lounge and two residents argued over the remote.",
    "Rose Hill surgery keeps a homeless-friendly list and will register without proof of address.",
    "Rang the National Domestic Abuse Helpline (0808 2000 247) with her consent.",
    "Amber on the RAG rating because the tenancy is at risk.",
    "The Jimmy's night shelter in Cambridge has a waiting list of three weeks.",
    "St Mungo's outreach found him under the bridge by the station at 5am.",
    "Papyrus HOPELINE247 is on 0800 068 4141 for anyone under 35.",
    "He walked from Brighton to Lewes and back on Saturday to see the food bank.",
    "Her key worker at Turning Point left in April and nobody has replaced her yet.",
    "Queen Elizabeth Hospital discharged him with a week of Subutex and no follow-up.",
    "The Marie Curie hospice took the referral; Sue Ryder had no beds.",
    "The Salvation Army's Booth House has two beds free from 1 May.",
    "Call StepChange on 0800 138 1111 about the debt relief order.",
    "The Simon Community soup run comes on Tuesday and Thursday evenings.",
    "Meeting with the Probation Service and Nacro on 12/05/2025 to plan his release.",
    "The Drinkline number is 0300 123 1110; he said he would think about it.",
    "Macmillan helped with a grant for the cooker; Age UK sorted the attendance allowance.",
    "He volunteers at Emmaus and stays at Julian House on weekdays.",
    "Barnardo's and the NSPCC both ran sessions on the estate last summer.",
    "The Elizabeth Fry approved premises has a curfew at 11pm.",
    "She joined Andy's Man Club on Monday nights; her brother went to the Hearing Voices group.",
    "Leonard Cheshire run the supported flats; the Richmond Fellowship runs the crisis house.",
    "Rethink's advice line is 0808 801 0525 and the Mind legal line is 0300 466 6463.",
    "CALM on 0800 58 58 58 and Shout on 85258 were both offered.",
    "The Kingsley ward round is on Wednesdays; the Maudsley has a long wait for the eating disorder unit.",
    "Joy at the news of the flat did not last: the bond scheme fell through.",
]


def test_clean_passages_with_look_alikes_rarely_raise_anything() -> None:
    raised = {text: find_personal_data(text) for text in CLEAN_PASSAGES}
    with_findings = [(text, [(f.kind, f.text) for f in found]) for text, found in raised.items() if found]
    assert len(with_findings) / len(CLEAN_PASSAGES) <= 0.05, with_findings


@pytest.mark.parametrize(
    "text",
    [
        "She was referred to St Mungo\u2019s, Emmaus and the Brandon Trust.",
        "Marie Curie nurses visited; Sue Ryder hospice was full.",
        "Call Samaritans free on 116 123 or the Shelter helpline 0808 800 4444.",
        "The crisis line on 0800 952 1181 is open all night.",
    ],
)
def test_known_organisations_and_public_numbers_are_not_raised(text: str) -> None:
    assert find_personal_data(text) == []


def test_a_person_at_a_known_organisation_is_still_found() -> None:
    text = "Rose from the Brandon Trust rang; her mobile is 07700 900123 and Jade Hughes was with her."
    assert [(f.kind, f.text) for f in find_personal_data(text)] == [
        ("name", "Rose"),
        ("phone", "07700 900123"),
        ("name", "Jade Hughes"),
    ]


def test_extra_known_terms_from_the_caller() -> None:
    text = "Referred to the Okonjo Clinic; Okonjo said their duty number is 01273 555019."
    assert [(f.kind, f.text) for f in find_personal_data(text)] == [("name", "Okonjo"), ("phone", "01273 555019")]
    known = KnownTerms(organisations=["Okonjo Clinic", "Okonjo"], numbers=["01273555019"])
    assert find_personal_data(text, known=known) == []


def test_a_number_that_is_not_known_is_still_raised() -> None:
    known = KnownTerms(numbers=["01273 555019"])
    assert [f.kind for f in find_personal_data("Her landline is 01273 555018.", known=known)] == ["phone"]


def test_with_seed_false_uses_only_the_callers_list() -> None:
    text = "Gave her 0808 800 4444 to ring tonight."
    assert find_personal_data(text) == []
    assert [f.kind for f in find_personal_data(text, known=KnownTerms(with_seed=False))] == ["phone"]
    assert find_personal_data(text, known=seed_terms()) == []


def test_seed_list_is_plain_data() -> None:
    assert len(ORGANISATIONS) > 100 and all(isinstance(name, str) and name for name in ORGANISATIONS)
    assert all(name and any(char.isdigit() for char in number) for name, number in PUBLIC_NUMBERS)
    assert ("Samaritans", "116 123") in PUBLIC_NUMBERS
    terms = seed_terms()
    assert set(terms.organisations) == set(ORGANISATIONS) and not terms.with_seed
