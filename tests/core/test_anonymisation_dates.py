"""A date right after a person's name is their date of birth, in any common UK format; other dates are not."""

from __future__ import annotations

import pytest

from core.anonymisation import find_personal_data


def dates_of_birth(text: str) -> list[str]:
    return [finding.text for finding in find_personal_data(text) if finding.kind == "date_of_birth"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Shannon (12/03/1989) was seen at the drop-in.", "12/03/1989"),
        ("Mr Okafor, 3rd May 1971, has been street homeless since March.", "3rd May 1971"),
        ("Kyle Barnes, 12-03-1990, lives with his mum in a one-bed flat.", "12-03-1990"),
        ("Referral for Precious Mensah (04.07.86) from the GP.", "04.07.86"),
        ("Mrs Adeyemi - 21st of September 1958 - lives alone.", "21st of September 1958"),
        ("Tyrese Campbell (14/6/01) was arrested on Friday.", "14/6/01"),
        ("Ms Kowalczyk, aged 44 (2 February 1981), declined the offer.", "2 February 1981"),
        ("Her son Kai (b. 14th June 2015) is in foster care.", "14th June 2015"),
        ("Okonkwo (March 12th, 1979) did not attend.", "March 12th, 1979"),
        ("Bartholomew Reid, 1964-11-30, NFA.", "1964-11-30"),
        ("Subject: Jade Hughes 12.03.1989\nConcern: financial abuse by her partner.", "12.03.1989"),
        ("DOB\u00a012/03/1989 on the form.", "12/03/1989"),
        ("Referral for a woman aged 34 (12.03.89), no fixed abode.", "12.03.89"),
    ],
)
def test_date_right_after_a_name_or_a_cue_is_a_date_of_birth(text: str, date: str) -> None:
    assert dates_of_birth(text) == [date]


@pytest.mark.parametrize(
    "text",
    [
        "The review on 12/03/2024 with Shannon was cancelled by the ward.",
        "Shannon, on 12 March 2024, missed her appointment at the clinic.",
        "Saw Jade 14 May 2025 at the hub; she looked well.",
        "Kyle's tenancy started 01-09-2023 and the first review is due in March.",
        "Incident on 3rd May 2024: Mr Okafor's door was kicked in.",
        "Strategy meeting 12.03.2025, chaired by the safeguarding lead.",
        "She has been homeless since 2019 and was last housed in May 2016.",
    ],
)
def test_appointments_incidents_and_other_dates_are_not_dates_of_birth(text: str) -> None:
    assert dates_of_birth(text) == []
