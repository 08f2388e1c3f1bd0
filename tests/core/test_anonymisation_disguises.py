"""Identifiers disguised by Unicode (pasted from Word, phones, PDFs) are found, and reported on the original text.

One table of identifiers, one table of disguises, one test that walks every pair: a disguise that works on one
NHS number works on every NHS number, so the test is over kinds and disguises, not instances.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from core.anonymisation import find_personal_data
from core.anonymisation.normalise import normalise


@dataclass(frozen=True)
class Identifier:
    kind: str
    groups: tuple[str, ...]  # the parts a writer separates: "943 476 5919"
    separator: str  # how it is normally written between the groups
    sentence: str  # where it sits; {} is the identifier
    separable: frozenset[str]  # which separator disguises apply ("space", "dash", "dot")


SEPARATORS = ("space", "dash", "dot")

IDENTIFIERS = (
    Identifier(
        "nhs_number",
        ("943", "476", "5919"),
        " ",
        "Referral form gives {} for him.",
        frozenset({"space", "dash", "dot"}),
    ),
    Identifier(
        "ni_number",
        ("JT", "45", "67", "12", "B"),
        " ",
        "Her National Insurance number is {} on the letter.",
        frozenset({"space", "dash", "dot"}),
    ),
    Identifier("postcode", ("BN2", "1AB"), " ", "She now lives near {} with a friend.", frozenset({"space"})),
    Identifier(
        "phone",
        ("07700", "900", "123"),
        " ",
        "Best number for him is {} after six.",
        frozenset({"space", "dash", "dot"}),
    ),
    Identifier("email", ("kayleigh.b84@example.org",), "", "She emails from {} most days.", frozenset()),
    Identifier(
        "date_of_birth", ("12", "03", "1989"), "/", "Shannon Okafor, DOB {}, was seen.", frozenset({"dash", "dot"})
    ),
    Identifier("name", ("Shannon", "Okafor"), " ", "Spoke to {} at the hub.", frozenset({"space"})),
    Identifier("address", ("14", "Larkspur", "Close"), " ", "He is staying at {} for now.", frozenset({"space"})),
    Identifier("reference", ("RXH0047721",), "", "Hospital number {} is on the discharge letter.", frozenset()),
)

SPACES = {
    "no-break space": "\u00a0",
    "thin space": "\u2009",
    "narrow no-break space": "\u202f",
    "figure space": "\u2007",
    "punctuation space": "\u2008",
    "en space": "\u2002",
    "ideographic space": "\u3000",
    "two spaces": "  ",
}
DASHES = {
    "hyphen-minus": "-",
    "en dash": "\u2013",
    "em dash": "\u2014",
    "non-breaking hyphen": "\u2011",
    "hyphen": "\u2010",
    "minus sign": "\u2212",
    "figure dash": "\u2012",
}
INVISIBLES = {
    "zero-width space": "\u200b",
    "zero-width non-joiner": "\u200c",
    "zero-width joiner": "\u200d",
    "word joiner": "\u2060",
    "byte order mark": "\ufeff",
    "soft hyphen": "\u00ad",
    "left-to-right mark": "\u200e",
}


def _full_width(text: str) -> str:
    return "".join(chr(ord(char) + 0xFEE0) if char.isascii() and char.isalnum() else char for char in text)


def _disguises(identifier: Identifier) -> dict[str, Callable[[], str]]:
    groups, separator = identifier.groups, identifier.separator
    disguises: dict[str, Callable[[], str]] = {"as written": lambda: separator.join(groups)}
    if "space" in identifier.separable:
        for name, space in SPACES.items():
            disguises[name] = lambda space=space: space.join(groups)
    if "dash" in identifier.separable:
        for name, dash in DASHES.items():
            disguises[name] = lambda dash=dash: dash.join(groups)
    if "dot" in identifier.separable:
        disguises["dots"] = lambda: ".".join(groups)
    for name, invisible in INVISIBLES.items():
        # between every two characters of every group: "9\u200b4\u200b3 4\u200b7\u200b6 ..."
        disguises[name] = lambda invisible=invisible: separator.join(invisible.join(group) for group in groups)
    disguises["full-width"] = lambda: _full_width(separator.join(groups))
    if identifier.kind in {"postcode", "ni_number"}:
        disguises["lower case"] = lambda: separator.join(groups).lower()
        disguises["lower case, no space"] = lambda: "".join(groups).lower()
    return disguises


FAMILY = [
    pytest.param(identifier, name, make, id=f"{identifier.kind}-{name}")
    for identifier in IDENTIFIERS
    for name, make in _disguises(identifier).items()
]


@pytest.mark.parametrize(("identifier", "disguise", "make"), FAMILY)
def test_every_identifier_is_found_through_every_disguise_on_the_original_offsets(
    identifier: Identifier, disguise: str, make: Callable[[], str]
) -> None:
    written = make()
    text = identifier.sentence.format(written)
    start = text.index(written)
    findings = [(f.start, f.end, f.text) for f in find_personal_data(text) if f.kind == identifier.kind]
    assert findings == [(start, start + len(written), written)], disguise


def test_normalised_offsets_map_back_to_every_original_character() -> None:
    text = "Ｊａｄｅ\u00a0said ９４３\u200b476\u20135919 — e\u0301 ok"
    folded = normalise(text)
    assert folded.text == "Jade said 943476-5919 - é ok"
    for position, char in enumerate(folded.text):
        start, end = folded.original_span(position, position + 1)
        assert start < end
        assert normalise(text[start:end]).text == char


def test_plain_ascii_and_harmless_non_ascii_are_left_alone() -> None:
    for text in ("Seen at 10:00 by the duty team.", "Owes £40 to the café; naïve plan."):
        assert normalise(text).text == text
        assert normalise(text).starts is None
