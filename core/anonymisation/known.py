"""Known organisations and public numbers: mentions of them are not personal data.

`KnownTerms` carries a caller's extra terms (the programme's own list, kept in the database) on top of the seed
list in `known_services.py`. `matcher_for(known)` compiles them once per distinct list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from core.anonymisation import known_services
from core.anonymisation.normalise import normalise

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


def _key(word: str) -> str:
    return word.lower().replace("'", "").replace("\u2019", "")


@dataclass(frozen=True)
class KnownTerms:
    """Organisations and public phone numbers that are never personal data.

    `with_seed=False` uses these terms alone, for a caller whose list was itself seeded from
    `known_services` and may have had entries removed.
    """

    organisations: tuple[str, ...] = field(default=())
    numbers: tuple[str, ...] = field(default=())
    with_seed: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "organisations", tuple(self.organisations))
        object.__setattr__(self, "numbers", tuple(self.numbers))


def seed_terms() -> KnownTerms:
    """The seed list as `KnownTerms`, e.g. to fill the programme's editable list."""
    return KnownTerms(
        organisations=known_services.ORGANISATIONS,
        numbers=tuple(number for _, number in known_services.PUBLIC_NUMBERS),
        with_seed=False,
    )


def digits_of(number: str) -> str:
    """The digits of a phone number, national form ("+44 (0)20..." and "0044 20..." read as "020...")."""
    digits = "".join(char for char in number if char.isdigit())
    if digits.startswith("0044"):
        digits = "0" + digits[4:]
    elif number.lstrip().startswith("+44"):
        digits = "0" + digits[2:]
    return digits[1:] if digits.startswith("00") else digits


def _words_of(phrase: str) -> tuple[str, ...]:
    return tuple(_key(word) for word in _WORD.findall(phrase))


class KnownMatcher:
    """Finds mentions of known organisations in a text and recognises known numbers."""

    def __init__(self, organisations: Iterable[str], numbers: Iterable[str]) -> None:
        self._by_first_word: dict[str, list[tuple[str, ...]]] = {}
        self._capitals_only: set[str] = set()  # one-word names listed in capitals: "FRANK", not "Frank Hollins"
        for phrase in organisations:
            phrase_words = _words_of(normalise(phrase).text)  # read as the text will be: "Esme\u0301e" as "Esmée"
            if phrase_words:
                self._by_first_word.setdefault(phrase_words[0], []).append(phrase_words)
                if len(phrase_words) == 1 and phrase.strip().isupper():
                    self._capitals_only.add(phrase_words[0])
        # By first word: each length of phrase it starts, longest first, with the set of phrases of that length.
        self._lengths: dict[str, list[tuple[int, frozenset[tuple[str, ...]]]]] = {
            first: [
                (length, frozenset(phrase for phrase in phrases if len(phrase) == length))
                for length in sorted({len(phrase) for phrase in phrases}, reverse=True)
            ]
            for first, phrases in self._by_first_word.items()
        }
        self.numbers = frozenset(digits for digits in map(digits_of, numbers) if digits)

    def organisation_spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans of known organisations in `text` (apostrophes, case and spacing ignored)."""
        if not self._by_first_word:
            return []
        lowered = text.lower()
        keys = [word.replace("'", "") if "'" in word else word for word in _WORD.findall(lowered)]
        if not any(key in self._by_first_word for key in keys):
            return []  # the usual case, decided without building match objects
        matches = list(_WORD.finditer(text))
        found: list[tuple[int, int]] = []
        index = 0
        while index < len(matches):
            end_index = self._match_at(keys, index, matches) if keys[index] in self._by_first_word else None
            if end_index is None:
                index += 1
                continue
            found.append((matches[index].start(), matches[end_index].end()))
            index = end_index + 1
        return found

    def _match_at(self, keys: list[str], index: int, matches: list[re.Match[str]]) -> int | None:
        for length, phrases in self._lengths.get(keys[index], ()):
            if index + length > len(keys) or tuple(keys[index : index + length]) not in phrases:
                continue
            if length == 1 and matches[index].group().islower():
                continue  # a one-word name written in lower case is the ordinary word ("mind", "crisis")
            if length == 1 and keys[index] in self._capitals_only and not matches[index].group().isupper():
                continue  # "FRANK" the drugs service, listed in capitals; "Frank" is a person
            return index + length - 1
        return None

    def is_known_number(self, number: str) -> bool:
        return digits_of(number) in self.numbers


@lru_cache(maxsize=32)
def matcher_for(known: KnownTerms | None) -> KnownMatcher:
    organisations: list[str] = []
    numbers: list[str] = []
    if known is None or known.with_seed:
        organisations += known_services.ORGANISATIONS
        numbers += [number for _, number in known_services.PUBLIC_NUMBERS]
    if known is not None:
        organisations += known.organisations
        numbers += known.numbers
    return KnownMatcher(organisations, numbers)
