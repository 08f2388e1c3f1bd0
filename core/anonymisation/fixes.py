"""'Fix it for me': readable stand-ins for personal data, consistent across all the texts of one case.

A case has several fields. `propose_fixes` reads them together and proposes one `Replacement` per finding:
- people become "Person A", "Person B"... in order of first mention, the same letter for the same person in every
  field, whether written in full ("Jade Hughes"), by first name ("Jade"), by surname ("Ms Hughes") or in lower case;
  a first name that two people share becomes "Person A or B", for the presenter to settle;
- a relation introduced as "her sister Jade" becomes "A's sister", here and wherever Jade is named again;
- structured identifiers become labels ("[NHS number removed]");
- an address becomes "a street in Brighton" when the town follows it (the town and a following postcode are
  taken in too), else "an address";
- a date of birth becomes an age band ("aged 30-39") given a reference date, else "[date of birth removed]".
`apply_fixes` applies the chosen replacements and returns the new texts with a summary of kinds and counts only,
never the text that was replaced.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from core.anonymisation import names as words
from core.anonymisation.detector import KIND_LABELS, Finding, find_personal_data
from core.anonymisation.identifiers import address_town
from core.anonymisation.known import KnownTerms

LABELS = {
    "nhs_number": "[NHS number removed]",
    "ni_number": "[NI number removed]",
    "postcode": "[postcode removed]",
    "phone": "[phone number removed]",
    "email": "[email removed]",
    "reference": "[reference removed]",
    "date_of_birth": "[date of birth removed]",
    "address": "an address",
}

_TITLE_BEFORE = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Cllr|Sir|Dame|Rev|Revd)\.?\s+(?:[A-Z]\.?\s+)?)$")
_RELATION_BEFORE = re.compile(
    r"\b(?P<pronoun>[Hh]er|[Hh]is|[Tt]heir)\s+(?P<relation>(?:[a-z]+-)*(?:"
    + "|".join(sorted((re.escape(word) for word in words.RELATION_WORDS), key=len, reverse=True))
    + r"))\s*,?\s*$"
)
_DOB_CUE_BEFORE = re.compile(
    r"(?:\b(?:DOB|D\.O\.B\.?|DoB|date of birth|born(?:\s+on)?)|(?<![A-Za-z.])b\.)\s*[:\-]?\s*$", re.IGNORECASE
)
_NICKNAME_GAP = re.compile(r"\s*\(?\s*[\"“'‘]")
_TOWN_AFTER = re.compile(r",?\s+(?P<town>[A-Z][a-z]+(?:[ -](?:on|upon|in|under|le|by|the|[A-Z][a-z]+))*)")
_DATE_PARTS = re.compile(r"(\d{1,4})[^\dA-Za-z]+(\d{1,2}|[A-Za-z]+)[^\dA-Za-z]+(\d{2,4})")
_MONTH_FIRST = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
            ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
            ("nov", "november"), ("dec", "december"),
        ),
        start=1,
    )
    for name in names
} | {
    name: number  # Welsh month names
    for number, name in enumerate(
        ("ionawr", "chwefror", "mawrth", "ebrill", "mai", "mehefin", "gorffennaf", "awst", "medi", "hydref",
         "tachwedd", "rhagfyr"),
        start=1,
    )
}  # fmt: skip


@dataclass(frozen=True)
class Replacement:
    """Replace text[start:end] of one field with `text`. Covers one finding, or an address with its town."""

    field: str
    start: int
    end: int
    kinds: tuple[str, ...]  # kinds of the findings covered, e.g. ("address", "postcode")
    text: str
    person: str | None = None  # the person's letter, for names and relations


@dataclass(frozen=True)
class FixResult:
    texts: dict[str, str]
    summary: dict[str, int] = field(default_factory=dict)  # kind -> how many were replaced; never the text

    def summary_lines(self) -> list[str]:
        return [f"{KIND_LABELS.get(kind, kind)}: {count}" for kind, count in sorted(self.summary.items())]


@dataclass
class _Person:
    letter: str = ""
    first: str | None = None  # casefolded
    last: str | None = None
    relation: tuple[_Person, str] | None = None  # (the related person, "sister")
    first_seen: tuple[int, int] = (0, 0)  # (field order, offset)
    aliases: set[str] = field(default_factory=set)  # nicknames given in quotes after the name ("Kaz")


@dataclass
class _Mention:
    field: str
    order: int
    finding: Finding
    words: tuple[str, ...]
    person: _Person | None = None
    relation_start: int | None = None  # where "her sister" begins, when the name follows one
    relation: str | None = None
    could_be: list[_Person] = field(default_factory=list)  # "Jade" when two people are called Jade
    alias_of: _Mention | None = None  # 'Karen Doyle ("Kaz")': Kaz is Karen Doyle's nickname


def propose_fixes(
    texts: Mapping[str, str],
    findings: Mapping[str, Sequence[Finding]] | None = None,
    *,
    reference_date: date | None = None,
    known: KnownTerms | None = None,
    age_in_words: bool = False,
) -> list[Replacement]:
    """One replacement per finding in every text, consistent across the texts (in the order given).

    `reference_date` turns dates of birth into age bands (the case's date, or today); `age_in_words` writes
    "in their thirties" instead of "aged 30-39"."""
    if findings is None:
        findings = {name: find_personal_data(text, known=known) for name, text in texts.items()}
    mentions = _people(texts, findings)
    replacements: list[Replacement] = []
    for order, (name, text) in enumerate(texts.items()):
        taken: list[tuple[int, int]] = []
        for finding in sorted(findings.get(name, ()), key=lambda f: f.start):
            if any(start <= finding.start < end for start, end in taken):
                continue  # already covered, e.g. a postcode taken in with its address
            if finding.kind == "name":
                replacement = _name_replacement(name, text, mentions[(order, finding.start)])
            elif finding.kind == "address":
                replacement = _address_replacement(name, text, finding, findings.get(name, ()))
            elif finding.kind == "date_of_birth":
                replacement = _date_of_birth_replacement(name, text, finding, reference_date, age_in_words)
            else:
                replacement = Replacement(name, finding.start, finding.end, (finding.kind,), LABELS[finding.kind])
            taken.append((replacement.start, replacement.end))
            replacements.append(replacement)
    return replacements


def apply_fixes(texts: Mapping[str, str], replacements: Sequence[Replacement]) -> FixResult:
    """The texts with the replacements made, and how many of each kind were replaced."""
    by_field: dict[str, list[Replacement]] = {}
    for replacement in replacements:
        by_field.setdefault(replacement.field, []).append(replacement)
    new_texts = dict(texts)
    summary: Counter[str] = Counter()
    for name, field_replacements in by_field.items():
        text = texts[name]
        last_start = len(text) + 1
        for replacement in sorted(field_replacements, key=lambda r: r.start, reverse=True):
            if replacement.end > last_start:
                continue  # overlaps one already applied
            text = text[: replacement.start] + replacement.text + text[replacement.end :]
            last_start = replacement.start
            summary.update(replacement.kinds)
        new_texts[name] = text
    return FixResult(new_texts, dict(summary))


def fix_all(
    texts: Mapping[str, str],
    *,
    reference_date: date | None = None,
    known: KnownTerms | None = None,
    age_in_words: bool = False,
) -> FixResult:
    """Find and replace everything in one go ("Fix all"), for the presenter to confirm."""
    replacements = propose_fixes(texts, reference_date=reference_date, known=known, age_in_words=age_in_words)
    return apply_fixes(texts, replacements)


# --- People --------------------------------------------------------------------------------


def _people(texts: Mapping[str, str], findings: Mapping[str, Sequence[Finding]]) -> dict[tuple[int, int], _Mention]:
    """Group name mentions into people and give each a letter (or a relation to a lettered person)."""
    mentions: list[_Mention] = []
    for order, (name, text) in enumerate(texts.items()):
        for finding in findings.get(name, ()):
            if finding.kind == "name":
                name_words = tuple(word.casefold() for word in re.findall(r"[^\W\d_][\w'-]*", finding.text))
                mention = _Mention(name, order, finding, name_words or (finding.text.casefold(),))
                relation = _RELATION_BEFORE.search(text, max(0, finding.start - 40), finding.start)
                if relation:
                    mention.relation_start = relation.start()
                    mention.relation = relation.group("relation")
                if mentions and mentions[-1].order == order and len(name_words) == 1:
                    gap = text[mentions[-1].finding.end : finding.start]
                    if _NICKNAME_GAP.fullmatch(gap):
                        mention.alias_of = mentions[-1]
                mentions.append(mention)
    people: list[_Person] = []
    # Full names first, so that "Jade" and "Ms Hughes" can find "Jade Hughes" wherever it is written; then
    # nicknames given beside a name, so that "Kaz" later on is the same person as 'Karen Doyle ("Kaz")'.
    for mention in sorted(
        mentions, key=lambda m: (len(m.words) < 2, m.alias_of is None, len(m.words) < 2 and m.order, m.finding.start)
    ):
        named = mention.alias_of
        if named is not None and named.person is None and len(named.words) == 1:
            named.person = _match_person(named, people)
        if named is not None and named.person is not None:
            mention.person = named.person
            mention.person.aliases.add(mention.words[0])
            continue
        mention.person = _match_person(mention, people)
        if mention.person is None and len(mention.words) == 1:
            mention.could_be = [p for p in people if mention.words[0] in (p.first, p.last)]
            if mention.could_be:
                continue  # cannot tell which of them: named as either when replaced
        if mention.person is None:
            mention.person = _Person(
                first=mention.words[0] if len(mention.words) >= 2 else None,
                last=mention.words[-1] if len(mention.words) >= 2 else mention.words[0],
                first_seen=(mention.order, mention.finding.start),
            )
            people.append(mention.person)
        mention.person.first_seen = min(mention.person.first_seen, (mention.order, mention.finding.start))
    _letter_people(people, mentions)
    return {(mention.order, mention.finding.start): mention for mention in mentions}


def _match_person(mention: _Mention, people: list[_Person]) -> _Person | None:
    if len(mention.words) >= 2:
        for person in people:
            if person.first == mention.words[0] and person.last == mention.words[-1]:
                return person
        return None
    word = mention.words[0]
    candidates = [p for p in people if word in (p.first, p.last) or word in p.aliases]
    return candidates[0] if len(candidates) == 1 else None  # two people share the name: cannot tell


def _letter_people(people: list[_Person], mentions: list[_Mention]) -> None:
    # "her sister Jade": Jade is A's sister, where A is the person named last before, else the first person.
    ordered = sorted((m for m in mentions if m.person is not None), key=lambda m: (m.order, m.finding.start))
    first_mentioned = sorted(people, key=lambda p: p.first_seen)
    for position, mention in enumerate(ordered):
        if mention.relation is None or mention.person is None or mention.person.relation is not None:
            continue
        earlier = [m.person for m in ordered[:position] if m.order == mention.order and m.person is not mention.person]
        candidates = [p for p in reversed(earlier) if p is not None] + first_mentioned
        anchor = next((p for p in candidates if p is not mention.person and p.relation is None), None)
        if anchor is not None:
            mention.person.relation = (anchor, mention.relation)
    lettered = [person for person in first_mentioned if person.relation is None]
    for index, person in enumerate(lettered):
        person.letter = _letter(index)
    for person in people:
        if person.relation is not None:
            person.letter = person.relation[0].letter


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def _name_replacement(field_name: str, text: str, mention: _Mention) -> Replacement:
    person = mention.person
    start, end = mention.finding.start, mention.finding.end
    if person is None:  # "Jade" with two Jades in the case: "Person A or B", for the presenter to settle
        letters = sorted({p.letter for p in mention.could_be})
        stand_in = "Person " + " or ".join(letters) if len(letters) > 1 else _relation_label(mention.could_be[0])
        return Replacement(field_name, start, end, ("name",), stand_in)
    if person.relation is not None:
        if mention.relation_start is not None:
            start = mention.relation_start  # "her sister Jade" -> "A's sister"
        return Replacement(field_name, start, end, ("name",), _relation_label(person), person.letter)
    title = _TITLE_BEFORE.search(text, max(0, start - 12), start)
    if title:
        start = title.start()  # "Mr Okafor" -> "Person B", not "Mr Person B"
    return Replacement(field_name, start, end, ("name",), f"Person {person.letter}", person.letter)


def _relation_label(person: _Person) -> str:
    if person.relation is None:
        return f"Person {person.letter}"
    anchor, relation = person.relation
    return f"{anchor.letter}'s {relation}"


# --- Addresses and dates of birth ----------------------------------------------------------


def _address_replacement(field_name: str, text: str, finding: Finding, findings: Sequence[Finding]) -> Replacement:
    own_town = address_town(finding.text)  # the detector takes the town in: "12 Park Road, Brighton"
    town = None if own_town else _TOWN_AFTER.match(text, finding.end)
    if own_town is None and (town is None or _inside_other_finding(town.start("town"), findings, finding)):
        return Replacement(field_name, finding.start, finding.end, ("address",), LABELS["address"])
    end = finding.end if town is None else town.end()
    kinds: tuple[str, ...] = ("address",)
    postcode = next((f for f in findings if f.kind == "postcode" and 0 <= f.start - end <= 2), None)
    if postcode is not None:
        end = postcode.end  # "12 Park Road, Brighton BN2 1AB" -> "a street in Brighton"
        kinds += ("postcode",)
    name = own_town or town.group("town")
    return Replacement(field_name, finding.start, end, kinds, f"a street in {name}")


def _inside_other_finding(position: int, findings: Sequence[Finding], own: Finding) -> bool:
    return any(f is not own and f.kind != "postcode" and f.start <= position < f.end for f in findings)


def _date_of_birth_replacement(
    field_name: str, text: str, finding: Finding, reference_date: date | None, in_words: bool
) -> Replacement:
    start = finding.start
    cue = _DOB_CUE_BEFORE.search(text, max(0, start - 20), start)
    if cue:
        start = cue.start()  # "DOB: 12/03/1989" -> "aged 30-39"
    born = _parse_date(finding.text)
    if born is None or reference_date is None or born > reference_date:
        return Replacement(field_name, start, finding.end, ("date_of_birth",), LABELS["date_of_birth"])
    band = age_band(born, reference_date, in_words=in_words)
    return Replacement(field_name, start, finding.end, ("date_of_birth",), band)


_DECADES = {20: "twenties", 30: "thirties", 40: "forties", 50: "fifties", 60: "sixties", 70: "seventies",
            80: "eighties", 90: "nineties"}  # fmt: skip


def age_band(born: date, on: date, *, in_words: bool = False) -> str:
    """'aged 30-39' (or 'in their thirties') for adults, narrower bands for children ('aged 5-9'), never the
    exact age."""
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    if age < 18:
        low = age - age % 5
        return f"aged {low}-{min(low + 4, 17)}"
    if age < 20:
        return "aged 18-19"
    low = age - age % 10
    if in_words and low in _DECADES:
        return f"in their {_DECADES[low]}"
    return f"aged {low}-{low + 9}" if low < 100 else "aged 100 or over"


def _parse_date(text: str) -> date | None:
    """Read the dates the detector finds: 12/03/1989, 12.3.89, 3rd May 1971, May 3 1971, 1989-03-12."""
    cleaned = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text.replace("'", ""))
    cleaned = re.sub(r"\bof\b", " ", cleaned)
    month_first = _MONTH_FIRST.search(cleaned)
    if month_first and _month(month_first.group(1)):
        day, month, year = int(month_first.group(2)), _month(month_first.group(1)), int(month_first.group(3))
    else:
        match = _DATE_PARTS.search(cleaned)
        if match is None:
            return None
        first, middle, last = match.groups()
        month = _month(middle)
        year, day = (int(first), int(last)) if len(first) == 4 else (int(last), int(first))
    if month is None:
        return None
    if year < 100:
        year += 1900 if year > date.today().year % 100 else 2000
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month(part: str) -> int | None:
    if part.isdigit():
        return int(part)
    return _MONTHS.get(part.lower()) or _MONTHS.get(part.lower()[:3])
