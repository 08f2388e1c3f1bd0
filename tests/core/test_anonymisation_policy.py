"""The gate's policy on what is not personal data (core/anonymisation/policy.py), and the benchmark's reading of a
corpus that labels it otherwise. Every sentence here was written for this file."""

from __future__ import annotations

import pytest

from bench.anonymisation import measure, policy_report
from core.anonymisation import find_personal_data
from core.anonymisation.policy import initial_pseudonym, policy_of_span, service_line, team_mailbox


def kinds_of(text: str, kind: str) -> list[str]:
    return [finding.text for finding in find_personal_data(text) if finding.kind == kind]


# --- (a) An initial that is the anonymisation is never flagged ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mrs P said she would ring back after the weekend.",
        "J told me he had not eaten since Friday.",
        "Mr X and Child A came to the review together.",
        "Baby S went home with her grandmother on the Tuesday.",
        "Ms K (mum) and Mr D (dad) were both at the core group.",
        "I asked Y about the move and Y was pleased with it.",
        'The carer texted: "M had a calm night, ate all her tea."',
        "We agreed to call him Q in the write-up.",
        "Mr T. was seen on the ward by the registrar.",
    ],
)
def test_a_one_letter_pseudonym_is_never_flagged(text: str) -> None:
    assert kinds_of(text, "name") == []


def test_a_real_name_beside_a_pseudonym_is_still_found() -> None:
    text = "Mrs P's daughter Bernadette Okonjo rang on her behalf; Mrs P agreed."
    assert kinds_of(text, "name") == ["Bernadette Okonjo"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("P", True),
        ("Mrs P", True),
        ("Mr X.", True),
        ("Child A", True),
        ("Baby S", True),
        ("Service user B", True),
        ("KO", False),  # two letters: a team's shorthand for a real person, read in context
        ("Lil T", False),  # a street name, not a pseudonym
        ("Mrs Patel", False),
        ("Jo", False),
    ],
)
def test_what_counts_as_a_one_letter_pseudonym(text: str, expected: bool) -> None:
    assert initial_pseudonym(text) is expected


def test_two_letter_initials_of_a_person_are_still_found() -> None:
    assert kinds_of("Supervision notes taken by RW (student SW).", "name") == ["RW"]


# --- (b) A shared mailbox and a published service line are not personal; a worker's own address is -------------


@pytest.mark.parametrize(
    "text",
    [
        "Please send referrals to duty.adults@thornbury.gov.uk and copy me in.",
        "Anything urgent goes to frontdoor@northvale-homes.org.uk, not to me.",
        "The MASH inbox is mash-referrals@example.gov.uk.",
        "Write to adultsocialcare@thornbury.gov.uk for a carer's assessment.",  # service words run together
        "The housingoptions@northvale.gov.uk address is checked daily.",
    ],
)
def test_a_team_mailbox_is_not_flagged(text: str) -> None:
    assert kinds_of(text, "email") == []


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("The allocated worker is sarah.jones@thornbury.gov.uk.", "sarah.jones@thornbury.gov.uk"),
        ("You can reach me on k.ahmed@nhs.net any afternoon.", "k.ahmed@nhs.net"),
        ("Her own address is duty.mum77@hotmail.co.uk.", "duty.mum77@hotmail.co.uk"),  # webmail: always someone's
        ("Write to donnaclarke@thornbury.gov.uk about it.", "donnaclarke@thornbury.gov.uk"),  # a name run together
    ],
)
def test_a_named_worker_s_or_a_webmail_address_is_flagged(text: str, email: str) -> None:
    assert kinds_of(text, "email") == [email]


@pytest.mark.parametrize(
    "text",
    [
        "The emergency duty team is on 01632 960777 out of hours.",
        "Out of hours, ring 0113 496 0555 (24/7) and ask for the duty worker.",
        "Call the switchboard on 0161 496 0000 and ask for ward 4.",
        "I informed EDT 01632 960 771 at 22:10.",
    ],
)
def test_a_service_s_published_line_is_not_flagged(text: str) -> None:
    assert kinds_of(text, "phone") == []


@pytest.mark.parametrize(
    "text",
    [
        "Ring her landline 0121 496 0000 out of hours if you are worried.",
        "His mobile is 07700 900123, he answers 24/7.",
    ],
)
def test_a_person_s_line_stays_personal_whatever_the_hours(text: str) -> None:
    assert len(kinds_of(text, "phone")) == 1


# --- The benchmark counts what a corpus labels against the policy -----------------------------------------------


def test_policy_of_a_labelled_span() -> None:
    text = "Mrs P rang EDT 01632 960 771; copy duty.adults@thornbury.gov.uk and sarah.jones@thornbury.gov.uk."
    spans = {
        "Mrs P": "name",
        "01632 960 771": "phone",
        "duty.adults@thornbury.gov.uk": "email",
        "sarah.jones@thornbury.gov.uk": "email",
    }
    policies = {
        value: policy_of_span(text, text.index(value), text.index(value) + len(value), kind)
        for value, kind in spans.items()
    }
    assert policies == {
        "Mrs P": "initial",
        "01632 960 771": "service line",
        "duty.adults@thornbury.gov.uk": "team mailbox",
        "sarah.jones@thornbury.gov.uk": None,
    }
    assert team_mailbox("duty.adults@thornbury.gov.uk")
    assert service_line(text, text.index("01632"), text.index("01632") + 13)


def _span(text: str, value: str, kind: str) -> dict:
    start = text.index(value)
    return {"start": start, "end": start + len(value), "kind": kind}


def test_the_benchmark_reports_labelled_spans_under_the_policy_and_scores_without_them() -> None:
    one = "Mrs P said Darren Pike had moved out."
    two = "Referrals to duty.adults@thornbury.gov.uk please."
    three = "Nothing to report this week."
    corpus = [
        {"id": "t-1", "text": one, "spans": [_span(one, "P", "name"), _span(one, "Darren Pike", "name")]},
        {"id": "t-2", "text": two, "spans": [_span(two, "duty.adults@thornbury.gov.uk", "email")]},
        {"id": "t-3", "text": three, "spans": []},
    ]
    result = measure(corpus)
    assert sorted(policy for _id, _kind, policy, _text in result.policy_spans) == ["initial", "team mailbox"]
    assert result.kinds["name"].recall == 0.5  # as labelled: "P" is missed
    assert result.kinds["email"].recall == 0.0
    adjusted = result.under_policy
    assert adjusted is not None
    assert adjusted.kinds["name"].recall == 1.0 and adjusted.kinds["name"].labelled == 1
    assert adjusted.kinds["email"].labelled == 0
    assert (adjusted.clean_passages, adjusted.clean_with_findings) == (2, 0)  # t-2 has nothing personal left
    report = "\n".join(policy_report(result))
    assert "2 (1 initial, 1 team mailbox)" in report
