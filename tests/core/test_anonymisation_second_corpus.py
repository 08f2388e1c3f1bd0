"""Classes of miss and false finding seen on the second independent corpus's development half (issue 27).

Every sentence here was written for this file, not copied from the corpus: the rule is what is tested, so the next
member of each class fails too if the rule breaks.
"""

from __future__ import annotations

import pytest

from core.anonymisation import find_personal_data, fix_all


def kinds_of(text: str, kind: str) -> list[str]:
    return [finding.text for finding in find_personal_data(text) if finding.kind == kind]


# --- Addresses: the whole address, from the flat, room, house name or "c/o" up to the postcode ---------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # The town and district after the street, up to the postcode or the end of the clause.
        ("Home: 41 Marsh Lane, Lower Wortley, Leeds LS12 4HN.", "41 Marsh Lane, Lower Wortley, Leeds"),
        ("Visited 8 Kiln Road, Barrow-in-Furness today.", "8 Kiln Road, Barrow-in-Furness"),
        ("Home visit to 8b Green Lanes, Tottenham N17 6AA.", "8b Green Lanes, Tottenham"),
        ("She is at 3 Orchard Walks, Hebden Bridge HX7 8AB now.", "3 Orchard Walks, Hebden Bridge"),
        # What comes before the street: a care-of, a flat or room, a named building.
        ("Post goes c/o her aunt, 19 Pelham Road, Kettering NN16 8AB.", "c/o her aunt, 19 Pelham Road, Kettering"),
        ("Letters care of St Giles Trust, Ennis Road, Bracknell.", "care of St Giles Trust, Ennis Road, Bracknell"),
        ("Placed at Room 9, Premier Inn, Canal Street for now.", "Room 9, Premier Inn, Canal Street"),
        ("He is in Room 3, Grange Hostel, 14 Mill Road.", "Room 3, Grange Hostel, 14 Mill Road"),
        (
            "Missing from Oak Lodge Children's Home, 7 Holly Bank, Rochdale since Friday.",
            "Oak Lodge Children's Home, 7 Holly Bank, Rochdale",
        ),
        # A Welsh house name with no street, then its village and town before the postcode.
        ("He lives at Pen-y-Graig, Llanberis LL55 4UR with his father.", "Pen-y-Graig, Llanberis"),
        ("Her address is Bryn Hyfryd, Bethesda, Bangor LL57 3AA.", "Bryn Hyfryd, Bethesda, Bangor"),
        # In lower case, with the flat number first.
        ("texted: im living at flat 4 19 cedar rd now", "flat 4 19 cedar rd"),
    ],
)
def test_the_whole_address_is_found(text: str, address: str) -> None:
    assert kinds_of(text, "address") == [address]


@pytest.mark.parametrize(
    "text",
    [
        "The meeting is at 10am, Room 6, Lister House. Please bring notes.",
        "Panel at 14:30, Room 2, Elm House.",
        "Staff meeting in Conference Room 2, Elm House.",
        "Next steering group in Committee Room 4, Town Hall.",
        "Training in Interview Room 1, Beech Court, on Monday.",
    ],
)
def test_a_room_booked_for_a_meeting_is_not_an_address(text: str) -> None:
    assert kinds_of(text, "address") == []


def test_a_word_after_the_street_that_is_no_town_is_left_out() -> None:
    assert kinds_of("Visited Flat 7, 22 Queen Street, Thanks.", "address") == ["Flat 7, 22 Queen Street"]


def test_fix_it_for_me_keeps_the_town_taken_in_with_the_address() -> None:
    fixed = fix_all({"notes": "She lives at 41 Marsh Lane, Lower Wortley, Leeds LS12 4HN with her son."})
    assert fixed.texts["notes"] == "She lives at a street in Leeds with her son."
