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


# A scan's text recognition reads a zero as the letter O and a one as l or I: "O77OO 9OO 344", "l4/O2/1946". In a run of
# digits and those letters with a digit in it and no other letter beside it, the letters are the digits they stand
# for ("PO1", "CO2" and "Apri1" touch other letters and stay as they are; "ol2 6hb" is a postcode in lower case).
# And the other way round, a zero among capitals is the letter: "D0B".
_OCR_DIGIT_RUN = re.compile(
    r"(?<![^\W\d_])(?=[0-9OolI]*\d)(?=[0-9]*[OolI])[0-9OolI]{2,}(?![^\W\d_]|[0-9])"
    r"(?! ?\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2}\b)"
)
_OCR_DATE_PART = re.compile(r"(?<=\d[./-])[OolI]{1,2}(?=[./-]\d)")  # "3O.Ol.l992" once its neighbours are read
_OCR_DIGITS = str.maketrans("OolI", "0011")
_OCR_CAPITALS = re.compile(r"(?<!\w)(?=[A-Z]+0)[A-Z][A-Z0]*[A-Z](?!\w)")


def _read_scanned_digits(folded: Normalised) -> Normalised:
    """The same length: each character keeps its place, so the map back is unchanged."""
    text = _OCR_DIGIT_RUN.sub(lambda run: run.group().translate(_OCR_DIGITS), folded.text)
    text = _OCR_DATE_PART.sub(lambda run: run.group().translate(_OCR_DIGITS), text)
    text = _OCR_CAPITALS.sub(lambda word: word.group().replace("0", "O"), text)
    return folded if text == folded.text else Normalised(text, folded.starts, folded.ends)


def normalise(text: str) -> Normalised:
    """NFKC, one kind of space, dash and quote, invisible characters removed, any decimal digit as 0-9, a scan's O
    and l read as 0 and 1 among digits, and a run of spaces read as one ("943  476  5919" from justified text), except
    a gap of three or more between words, which stays a gap of two (a form's columns)."""
    folded = _read_scanned_digits(_fold_characters(text))
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


_DIGIT_GROUP_BEFORE = re.compile(r"\d{4,}$")


def _gap_after_a_whole_number(text: str, run: re.Match[str]) -> bool:
    """Three spaces or more between digits, after a group of four digits or more (the last group of an NHS or phone
    number): two fields of a form. A number spaced out within itself ("943   476   5919") has shorter groups."""
    if run.end() - run.start() < 3 or run.end() >= len(text) or not text[run.end()].isdigit():
        return False
    return _DIGIT_GROUP_BEFORE.search(text, max(0, run.start() - 12), run.start()) is not None


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
        if _gap_after_a_whole_number(text, match):
            # "NHS 141 087 8953   7 Nelson Street": a form's next field starts with a number; the gap stays wide
            # enough that no number's grouping runs over it
            pieces.append("   ")
            new_starts.extend((starts[match.start()], starts[match.start()], starts[match.end() - 1]))
            new_ends.extend((ends[match.start()], ends[match.end() - 1], ends[match.end() - 1]))
        elif _column_gap(text, match):
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
