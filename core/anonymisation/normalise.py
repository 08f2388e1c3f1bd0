"""Fold the many ways of writing the same characters into one before detecting, keeping a map back.

Text pasted from Word, phones and PDFs carries no-break and thin spaces, en dashes, zero-width characters and
full-width forms. They look the same on screen, so they must read the same to the detector: otherwise an NHS
number with no-break spaces walks through the gate. `normalise` returns the folded text and, for every folded
character, the span of original characters it came from, so findings can be reported on the caller's text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\uff07"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\uff02"
_LINE_BREAKS = "\u2028\u2029\u0085"


@dataclass(frozen=True)
class Normalised:
    text: str  # the folded text the recognisers read
    starts: tuple[int, ...] | None  # original offset where each folded character starts; None: same as text
    ends: tuple[int, ...] | None  # original offset where each folded character ends (exclusive)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the folded text back to the caller's text."""
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            position = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return position, position
        return self.starts[start], self.ends[end - 1]


@lru_cache(maxsize=4096)
def _fold(char: str) -> str:
    """What one character (or a base character with its combining marks) becomes."""
    if char in _SPACES:
        return " "
    if char in _DASHES:
        return "-"
    if char in _SINGLE_QUOTES:
        return "'"
    if char in _DOUBLE_QUOTES:
        return '"'
    if char in _LINE_BREAKS:
        return "\n"
    if len(char) == 1:
        category = unicodedata.category(char)
        if category == "Cf" or char == "\u034f":  # zero-width and other invisible format characters, soft hyphen
            return ""
        if category == "Nd":
            return str(unicodedata.decimal(char))  # Arabic-Indic, Devanagari, full-width... digits to 0-9
        if category == "Zs":
            return " "
        if category == "Pd":
            return "-"
    folded = unicodedata.normalize("NFKC", char)
    if folded != char:
        return "".join(_fold(part) if part != char else part for part in folded)
    return folded


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


_SPACE_RUN = re.compile(r"  +")


def normalise(text: str) -> Normalised:
    """NFKC, one kind of space, dash and quote, invisible characters removed, any decimal digit as 0-9,
    and a run of spaces read as one ("943  476  5919" from justified text), except a gap of three or more between
    words, which stays a gap of two (a form's columns)."""
    folded = _fold_characters(text)
    if "  " not in folded.text:
        return folded
    return _collapse_spaces(folded)


def _column_gap(text: str, run: re.Match[str]) -> bool:
    """Three spaces or more between words: a gap between a form's fields, not justified text's word spacing."""
    if run.end() - run.start() < 3:
        return False
    before = text[run.start() - 1] if run.start() else ""
    after = text[run.end()] if run.end() < len(text) else ""
    return not (before.isdigit() and after.isdigit())


def _collapse_spaces(folded: Normalised) -> Normalised:
    text = folded.text
    starts = folded.starts or tuple(range(len(text)))
    ends = folded.ends or tuple(range(1, len(text) + 1))
    pieces: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    copied = 0
    for match in _SPACE_RUN.finditer(text):
        pieces.append(text[copied : match.start()])
        new_starts.extend(starts[copied : match.start()])
        new_ends.extend(ends[copied : match.start()])
        if _column_gap(text, match):
            # "Client: Marcus Okoro   NHS: ...": a form's columns stay apart, so a name does not run on into the
            # next field's label ("Okoro NHS" read as an NHS body).
            pieces.append("  ")
            new_starts.extend((starts[match.start()], starts[match.end() - 1]))
            new_ends.extend((ends[match.start()], ends[match.end() - 1]))
        else:
            pieces.append(" ")
            new_starts.append(starts[match.start()])
            new_ends.append(ends[match.end() - 1])
        copied = match.end()
    pieces.append(text[copied:])
    new_starts.extend(starts[copied:])
    new_ends.extend(ends[copied:])
    return Normalised("".join(pieces), tuple(new_starts), tuple(new_ends))


def _fold_characters(text: str) -> Normalised:
    if text.isascii():
        return Normalised(text, None, None)
    if all(_unchanged(text, match) for match in _NON_ASCII.finditer(text)):
        return Normalised(text, None, None)  # "£", "é" and the like stay as they are: nothing to map
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    copied = 0  # text[:copied] is done
    length = len(text)
    for match in _NON_ASCII.finditer(text):
        index = match.start()
        if index < copied:
            continue
        if index > 0 and unicodedata.combining(text[index]) and text[index - 1] < "\x80":
            index -= 1  # an ASCII letter carrying accents: fold it with them
        pieces.append(text[copied:index])
        starts.extend(range(copied, index))
        ends.extend(range(copied + 1, index + 1))
        stop = match.end()
        while index < stop:
            end = index + 1
            while end < length and unicodedata.combining(text[end]):
                end += 1  # keep a letter and its accents together so NFKC can compose them
            folded = _fold(text[index:end])
            pieces.append(folded)
            starts.extend([index] * len(folded))
            ends.extend([end] * len(folded))
            index = end
            stop = max(stop, end)
        copied = index
    pieces.append(text[copied:])
    starts.extend(range(copied, length))
    ends.extend(range(copied + 1, length + 1))
    return Normalised("".join(pieces), tuple(starts), tuple(ends))


def _unchanged(text: str, match: re.Match[str]) -> bool:
    end = match.end()
    if end < len(text) and unicodedata.combining(text[end]):
        return False
    return all(_fold(char) == char and not unicodedata.combining(char) for char in match.group())
