"""People's names in case notes nobody here wrote: by class, each with hand-written UK social-care passages.

Classes: names in lower case where the context is strong (texts, quoted notes); names that are also English words
(names in context, words otherwise); names after a job title; after a greeting or "from"; a full name after a
title word that no list holds; names with accents.
"""

from __future__ import annotations

import pytest

from core.anonymisation import find_personal_data, load_name_data


def names_in(text: str) -> list[str]:
    return [finding.text for finding in find_personal_data(text) if finding.kind == "name"]


# --- lower case, strong context -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("txt from kayleigh 22:10: cant come 2moro, my nan is bad again", ["kayleigh"]),
        ("kayleigh rang the office twice before 9 asking about her PIP money.", ["kayleigh"]),
        ('Note on file: "tyrone kicked off at the hostel and was asked to leave"', ["tyrone"]),
        ("msg from aaliyah - can u ring me back, phone nearly dead", ["aaliyah"]),
        ("her cpn marek says the depot is due on the 14th", ["marek"]),
        ("hiya shannon, its Bev from the drop in, are u ok for thurs?", ["shannon"]),
        ("Voicemail from dwayne, slurred, said he had nowhere to sleep.", ["dwayne"]),
        ("spoke to bogdan on the phone, he has lost his job at the car wash", ["bogdan"]),
        ('Text 09:12: "its nicole, ryan is kicking off again pls send someone"', ["nicole", "ryan"]),
    ],
)
def test_lower_case_names_are_found_where_the_context_is_strong(text: str, expected: list[str]) -> None:
    assert [name for name in names_in(text) if name.islower()] == expected


@pytest.mark.parametrize(
    "text",
    [
        "txt from the pharmacy: script ready after 2pm",
        "rang the council and they will ring back tomorrow",
        "spoke to duty, no bed tonight, try again at 5",
        "hiya, its me from the hub, can u pop in?",
        "her support worker said the flat was in a bad state",
        "her carer fed her at 6 and her mum sang to her",
        "its me again, the heating is off, rang the landlord",
    ],
)
def test_lower_case_words_in_the_same_places_are_not_names(text: str) -> None:
    assert names_in(text) == []


def test_a_name_seen_capitalised_is_also_found_later_in_lower_case() -> None:
    text = "Kayleigh missed her appointment. Later a text came in: kayleigh says sorry, will come Friday."
    assert names_in(text) == ["Kayleigh", "kayleigh"]


# --- names that are also words ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Her daughter Summer, 15, has been staying with friends.", ["Summer"]),
        ("Faith said she would think about going back to rehab.", ["Faith"]),
        ("Spoke with Hope about the bidding; she wants to stay in Hastings.", ["Hope"]),
        ("Grace's mum rang the duty line about the arrears.", ["Grace"]),
        ("Rose from the Brandon Trust came to the strategy meeting.", ["Rose"]),
        ("Present: Kerry (chair), Joy (IDVA), Marcus (probation).", ["Kerry", "Joy", "Marcus"]),
        ("The support worker, Ivy, found him on the landing.", ["Ivy"]),
        ("Mark said the room was cold and the boiler had gone again.", ["Mark"]),
    ],
)
def test_word_like_names_are_names_when_the_context_says_so(text: str, expected: list[str]) -> None:
    assert names_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Summer is the hardest time for the outreach team: people stop coming in.",
        "We need more faith in people and some hope that the funding holds.",
        "There is a grace period of two weeks on the arrears.",
        "Mark the chronology as complete before the Safeguarding Adults Board.",
        "Will the commissioners fund a second navigator post?",
        "Amber on the RAG rating because the tenancy is at risk.",
        "Ivy grows over the back of the hostel and blocks the drains.",
        "Joy at the news of the flat did not last long.",
        "The Will and Lasting Power of Attorney were discussed with the solicitor.",
    ],
)
def test_word_like_names_are_words_otherwise(text: str) -> None:
    assert names_in(text) == []


# --- job titles, greetings, "from" -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Community Psychiatric Nurse Jo Baptiste visited on Tuesday.", ["Jo Baptiste"]),
        ("Her CPN Marek has been off sick, so the depot was missed.", ["Marek"]),
        ("Housing Officer Kev Maguire called back about the void.", ["Kev Maguire"]),
        ("Her social worker, Bronagh, is on leave until the 20th.", ["Bronagh"]),
        ("PC Hollins attended and took a statement.", ["Hollins"]),
        ("Dear Adaeze, thank you for coming to the review.", ["Adaeze"]),
        ("Hi Jade, just checking you got the letter about the hearing.", ["Jade"]),
        ("Letter from Ngozi's solicitor about the appeal.", ["Ngozi"]),
        ("WhatsApp from Kez: can u ring me back x", ["Kez"]),
    ],
)
def test_names_after_job_titles_greetings_and_from(text: str, expected: list[str]) -> None:
    assert names_in(text) == expected


# --- titles, lists and names from every community -------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mrs Hope Marsh attended with her advocate.", ["Hope Marsh"]),
        ("Mr Adebayo Oyelaran-Williams was discharged from the ward.", ["Adebayo Oyelaran-Williams"]),
        ("Ms Ngozi Eze-Okonkwo has signed for the flat.", ["Ngozi Eze-Okonkwo"]),
        ("Outcome: Ms Tshabalala to be offered a Care Act assessment.", ["Tshabalala"]),
        ("Referral for Mr Tomasz Wiśniewski, seen at the hub on Tuesday.", ["Tomasz Wiśniewski"]),
        ("Siân Prys-Jones said she would come to the next meeting.", ["Siân Prys-Jones"]),
        ("Zoë told me she had moved back in with her ex.", ["Zoë"]),
        ("Łukasz rang about the deposit.", ["Łukasz"]),
        ("Concern raised by the nursery about Kaiden (4), brother of Lacey-Mae.", ["Kaiden", "Lacey-Mae"]),
        ("Agreed that Ifeoma will accompany Yusra to the appointment.", ["Ifeoma", "Yusra"]),
    ],
)
def test_full_names_titles_and_names_from_every_community(text: str, expected: list[str]) -> None:
    assert names_in(text) == expected


def test_names_with_invisible_characters_are_reported_whole() -> None:
    text = "Sha\u200bnnon said she was fine, but Ta\u00adnisha disagreed."
    assert names_in(text) == ["Sha\u200bnnon", "Ta\u00adnisha"]


# --- the name data -----------------------------------------------------------------------------


def test_name_data_is_large_loaded_once_and_keeps_word_names_apart() -> None:
    data = load_name_data()
    assert data is load_name_data()
    assert len(data.given_names) > 10_000 and len(data.surnames) > 10_000
    assert {"Kayleigh", "Łukasz", "Siobhan", "Dwayne", "Florin"} <= data.given_names
    assert data.load_seconds < 5 and 0 < data.memory_bytes < 50_000_000
    assert {"Hope", "Case", "Major"} <= data.english_words
    assert not {"Hope", "Case", "Major", "Monday", "Brighton"} & data.given_names


# --- first names that are also places --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He sleeps down by the Marina most nights and begs outside Tesco.", []),
        ("She got the train from Victoria to Brighton and then the bus.", []),
        ("He supports Chelsea and spends his PIP on the Lottery.", []),
        ("He worked in Jordan and Dubai before coming to the UK.", []),
        ("Chelsea said she would come back on Monday.", ["Chelsea"]),
        ("Jordan, 19, has been sofa surfing since Christmas.", ["Jordan"]),
        ("Her daughter Victoria is in foster care in Kent.", ["Victoria"]),
        ("jordan's mum says he hasnt been home since fri", ["jordan"]),
    ],
)
def test_names_that_are_also_places_need_context(text: str, expected: list[str]) -> None:
    assert names_in(text) == expected


# --- lists of people and texts signed by their sender ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Present: Lorraine (chair), Tariq, Bex, Siobhan. Apologies: Nkechi.",
            ["Lorraine", "Tariq", "Bex", "Siobhan", "Nkechi"],
        ),
        ("hi its me kez, im outside the hub, can u come down", ["kez"]),
        ("hiya this is dee here, lost my phone again", ["dee"]),
        ("its me again, can u ring me back", []),
        ("this is urgent. please ring the duty line", []),
        ("Referral from CGL: Liam Ashworth, 31, injecting in his groin.", ["Liam Ashworth"]),
    ],
)
def test_lists_of_people_and_texts_signed_by_their_sender(text: str, expected: list[str]) -> None:
    assert names_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Commissioners said the contract would not be renewed.",
        "Councillors asked why the night shelter had closed early.",
        "Bailiffs arrived at 8am and changed the locks.",
        "Interpreters are hard to book for Tigrinya and Sylheti.",
        "Post goes to the hostel office now, not to the flat.",
        "Sort out the Blue Badge and the Freedom Pass before the housing panel.",
    ],
)
def test_trades_languages_and_things_starting_a_sentence_are_not_names(text: str) -> None:
    assert names_in(text) == []
