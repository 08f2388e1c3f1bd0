"""Find personal data in UK health and social care case notes.

Rule-based and dependency-free: regular expressions for structured identifiers
(NHS and National Insurance numbers, postcodes, phone numbers, emails, dates of
birth, street addresses, hospital and case references) and a context-driven
recogniser for people's names built on titles, word lists, capitalisation and
cues such as "her son" or "known as".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from core.anonymisation import names as words


@dataclass(frozen=True)
class Finding:
    start: int  # character offset into text
    end: int  # exclusive
    kind: str  # one of KINDS
    text: str  # text[start:end]


KINDS = (
    "name",
    "nhs_number",
    "ni_number",
    "postcode",
    "phone",
    "email",
    "date_of_birth",
    "address",
    "reference",
)

KIND_LABELS = {
    "name": "Person's name",
    "nhs_number": "NHS number",
    "ni_number": "National Insurance number",
    "postcode": "Postcode",
    "phone": "Phone number",
    "email": "Email address",
    "date_of_birth": "Date of birth",
    "address": "Street address",
    "reference": "Hospital or case reference",
}

# When two findings overlap, the more specific kind wins.
_PRIORITY = {
    "email": 9,
    "nhs_number": 8,
    "ni_number": 8,
    "reference": 7,
    "date_of_birth": 7,
    "phone": 6,
    "postcode": 6,
    "address": 5,
    "name": 3,
}

Span = tuple[int, int, str]


# --- Email -------------------------------------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


def _find_emails(text: str) -> Iterable[Span]:
    for match in _EMAIL.finditer(text):
        yield match.start(), match.end(), "email"


# --- NHS number --------------------------------------------------------------------------

_NHS_CANDIDATE = re.compile(r"(?<![\d/.£$-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\d/]|\.\d)")
_NHS_CUE = re.compile(r"\bNHS\s*(?:no\.?|num(?:ber)?\.?|#|number\s+is|no\s+is)?\s*[:.=-]?\s*(?:is\s+)?$", re.IGNORECASE)


def nhs_check_digit_ok(digits: str) -> bool:
    """Modulus 11 check used by NHS numbers."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _find_nhs_numbers(text: str) -> Iterable[Span]:
    for match in _NHS_CANDIDATE.finditer(text):
        digits = match.group(1) + match.group(3) + match.group(4)
        labelled = _NHS_CUE.search(text[max(0, match.start() - 24) : match.start()])
        if labelled or nhs_check_digit_ok(digits):
            yield match.start(), match.end(), "nhs_number"


# --- National Insurance number -----------------------------------------------------------

_NI = re.compile(
    r"(?<![A-Za-z0-9])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])[ ]?(\d{2})[ ]?(\d{2})[ ]?(\d{2})"
    r"(?:[ ]?([A-D]))?(?![A-Za-z0-9])"
)
_NI_BAD_PREFIXES = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})
_NI_CUE = re.compile(r"\b(?:NI|NINO|N\.I\.|national insurance)\b[^.\n]{0,20}$", re.IGNORECASE)


def _find_ni_numbers(text: str) -> Iterable[Span]:
    for match in _NI.finditer(text):
        if match.group(1) in _NI_BAD_PREFIXES:
            continue
        if match.group(5) is None and not _NI_CUE.search(text[max(0, match.start() - 30) : match.start()]):
            continue
        yield match.start(), match.end(), "ni_number"


# --- Postcode ----------------------------------------------------------------------------

_OUTWARD = r"(?:[A-PR-UWYZ](?:[0-9][0-9]?|[A-HK-Y][0-9][0-9]?|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRV-Y]))"
_POSTCODE = re.compile(rf"(?<![A-Za-z0-9])(?:{_OUTWARD} ?[0-9][ABD-HJLNP-UW-Z]{{2}}|GIR ?0AA)(?![A-Za-z0-9])")
_OUTWARD_ONLY = re.compile(rf"(?<![A-Za-z0-9&-]){_OUTWARD}(?![A-Za-z0-9&-])")
_OUTWARD_CUE_BEFORE = re.compile(
    r"(?:\bpost\s?code(?:\s+area)?|\bpostal district|\b(?:lives|living|lived|housed|placed|moved|moving|"
    r"relocated|staying|stays|address|based|flat|home|house)\b[^.\n]{0,20}?\b(?:in|to|at)(?:\s+the)?)"
    r"\s*(?:is|of|:)?\s*$",
    re.IGNORECASE,
)
_OUTWARD_CUE_AFTER = re.compile(r"^\s+(?:area|postcode|district)\b", re.IGNORECASE)


def _find_postcodes(text: str) -> Iterable[Span]:
    for match in _POSTCODE.finditer(text):
        yield match.start(), match.end(), "postcode"
    for match in _OUTWARD_ONLY.finditer(text):
        before = text[max(0, match.start() - 40) : match.start()]
        after = text[match.end() : match.end() + 12]
        if _OUTWARD_CUE_AFTER.search(after) or _OUTWARD_CUE_BEFORE.search(before) or _after_town(before):
            yield match.start(), match.end(), "postcode"


_TOWN_BEFORE = re.compile(r"([A-Z][a-z]+(?:[ -][A-Z][a-z]+)*),?\s$")


def _after_town(before: str) -> bool:
    match = _TOWN_BEFORE.search(before)
    return bool(match) and match.group(1).split()[-1].split("-")[-1] in words.TOWNS


# --- Phone number ------------------------------------------------------------------------

_PHONE_START = re.compile(r"(?<![\w+£$.,/:-])(?:\+44|0044|\(0|0)(?=[\d\s()-])")


def _find_phones(text: str) -> Iterable[Span]:
    for match in _PHONE_START.finditer(text):
        end = _phone_end(text, match.start(), match.group())
        if end is not None:
            yield match.start(), end, "phone"


def _phone_end(text: str, start: int, prefix: str) -> int | None:
    """Walk digits and single separators until a full UK number has been read."""
    international = prefix in ("+44", "0044")
    position = start + len(prefix)
    if international:
        position += _INTERNATIONAL_ZERO.match(text, position).end() - position
    digits, needed = ("", 10) if international else ("0", 11)
    may_separate = not international
    open_bracket = prefix == "(0"
    while position < len(text) and len(digits) < needed:
        char = text[position]
        if char.isdigit():
            digits += char
            may_separate = True
        elif char == ")" and open_bracket:
            open_bracket = False
        elif char in " -" and may_separate and text[position + 1 : position + 2].isdigit():
            may_separate = False
        else:
            return None
        position += 1
    if len(digits) != needed or text[position : position + 1].isdigit():
        return None
    national = digits if not international else "0" + digits
    return position if national[1] in "1235789" else None


_INTERNATIONAL_ZERO = re.compile(r"\s?(?:\(0\)\s?)?")


# --- Date of birth -----------------------------------------------------------------------

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_ORDINAL = r"(?:st|nd|rd|th)?"
_DATE = re.compile(
    rf"(?<![\d/.-])(?:"
    rf"(?P<d1>\d{{1,2}})[/.-](?P<m1>\d{{1,2}})[/.-](?:\d{{4}}|\d{{2}})(?![\d/.]\d)"
    rf"|(?P<d2>\d{{1,2}}){_ORDINAL}(?:\s+of)?\s+{_MONTH}\.?,?\s+(?:\d{{4}}|'\d{{2}})"
    rf"|{_MONTH}\.?\s+(?P<d3>\d{{1,2}}){_ORDINAL},?\s+\d{{4}}"
    rf")(?!\d)",
    re.IGNORECASE,
)
_DOB_CUE = re.compile(
    r"(?:(?<![A-Za-z])d\.?o\.?b\.?(?![A-Za-z])|\bdate\s+of\s+birth\b|\bborn\b|(?<![A-Za-z.])b\.|\bbirthday\b|\bDoB\b)",
    re.IGNORECASE,
)
_DOB_GAP = re.compile(
    r"^[\s:;,(\-–]*(?:(?:is|was|on|of|the|as|given|recorded|listed|noted|dated|given as)[\s:,]+)*[\s:;,(\-–]*$",
    re.IGNORECASE,
)


def _find_dates_of_birth(text: str) -> Iterable[Span]:
    for match in _DATE.finditer(text):
        if not _plausible_date(match):
            continue
        window_start = max(0, match.start() - 40)
        cues = list(_DOB_CUE.finditer(text, window_start, match.start()))
        if not cues:
            continue
        gap = text[cues[-1].end() : match.start()]
        short_gap = len(gap) <= 16 and not re.search(r"[.!?;\n]", gap)
        if _DOB_GAP.match(gap) or short_gap:
            yield match.start(), match.end(), "date_of_birth"


def _plausible_date(match: re.Match[str]) -> bool:
    day = match.group("d1") or match.group("d2") or match.group("d3")
    if not day or not 1 <= int(day) <= 31:
        return False
    month = match.group("m1")
    return month is None or 1 <= int(month) <= 12


# --- Street address ----------------------------------------------------------------------

_STREET_SUFFIX = (
    r"(?:Road|Rd|Street|Lane|Ln|Avenue|Ave|Close|Court|Ct|Drive|Way|Crescent|Cres|Terrace|Tce|Place|"
    r"Gardens|Gdns|Grove|Walk|Row|Hill|Mews|Square|Sq|Parade|Rise|View|Green|Park|Vale|Gate|Mount|"
    r"Wharf|Yard|Approach|Boulevard|Villas|Cottages|Heights|Fields|Meadow|Meadows|Esplanade|"
    r"Promenade|Embankment|Chase|Croft|Dene|Drove|Glade|Lea|Orchard|Passage|Path|Ridge|Wynd|Brow|"
    r"Causeway|Dale|Quay|Reach|Strand|End|Side|Bank|Common|Wood|St(?![A-Za-z'’]|\s+[A-Z]))"
)
_STREET_WORD = r"(?:[A-Z][A-Za-z'’]+(?:-[A-Za-z][A-Za-z'’]*)*)"
_BUILDING_SUFFIX = r"(?:House|Court|Lodge|Mansions|Point|Tower|Heights|Buildings|Block|Hostel|Hall|Villas)"
_BUILDING = rf"(?:{_STREET_WORD}\s+){{1,3}}{_BUILDING_SUFFIX}"
_ADDRESS = re.compile(
    rf"(?:(?:Flat|Apartment|Apt|Room|Unit|Studio|Maisonette)\.?\s+\d{{1,4}}[A-Za-z]?,?\s+(?:{_BUILDING},?\s+)?)?"
    rf"(?<![\d£$.,:/-])\d{{1,4}}[A-Za-z]?(?:\s?[-–]\s?\d{{1,4}}[A-Za-z]?)?,?\s+"
    rf"(?:(?:The\s+)?(?:{_STREET_WORD}\s+){{1,3}}{_STREET_SUFFIX}|The\s+{_STREET_SUFFIX}|Broadway|The\s+Broadway)"
    rf"(?![A-Za-z])"
)
_ADDRESS_FALSE_LEAD = re.compile(r"(?:aged|age|bus|route|number|no\.?|section|s\.)\s*$", re.IGNORECASE)


def _find_addresses(text: str) -> Iterable[Span]:
    for match in _ADDRESS.finditer(text):
        if _ADDRESS_FALSE_LEAD.search(text[max(0, match.start() - 10) : match.start()]):
            continue
        yield match.start(), match.end(), "address"


# --- Hospital and case references --------------------------------------------------------

_REF_CUE = (
    r"(?:MRN|hospital\s+(?:number|no\.?|num|ref(?:erence)?|id)|hosp\.?\s+no\.?|unit\s+number|"
    r"case\s+(?:ref(?:erence)?|number|no\.?|id)(?:\s+(?:number|no\.?))?|"
    r"client\s+(?:ref(?:erence)?|id|number|no\.?)|our\s+ref(?:erence)?|your\s+ref(?:erence)?|"
    r"ref(?:erence)?(?:\s+(?:no\.?|number))?|CRN|probation\s+(?:case\s+)?(?:ref(?:erence)?|number)|"
    r"PNC(?:\s+(?:id|no\.?|number|ref))?|crime\s+(?:ref(?:erence)?|number|no\.?)|"
    r"incident\s+(?:number|no\.?|ref(?:erence)?)|custody\s+(?:number|no\.?|ref(?:erence)?)|"
    r"prison(?:er)?\s+(?:number|no\.?)|NOMIS(?:\s+(?:id|number|no\.?))?|"
    r"(?:mosaic|liquidlogic|rio|emis|systmone|delius|person|record|patient|system|file)\s+(?:id|number|no\.?)|"
    r"home\s+office\s+ref(?:erence)?|HO\s+ref(?:erence)?|claim\s+(?:number|ref(?:erence)?)|"
    r"tenancy\s+(?:ref(?:erence)?|number)|ID)"
)
_REFERENCE = re.compile(
    rf"\b{_REF_CUE}\b\.?\s*(?:is|was|=|:|#|-|–)?\s*(?:is\s+)?(?P<token>[A-Za-z0-9][A-Za-z0-9/-]{{3,20}}[A-Za-z0-9])",
    re.IGNORECASE,
)
_PNC = re.compile(r"(?<![\w/])\d{2}/\d{4,7}[A-Z](?![\w/])")
_PRISON_NUMBER = re.compile(r"(?<![\w/])[A-Z]\d{4}[A-Z]{2}(?![\w/])")


def _find_references(text: str) -> Iterable[Span]:
    for match in _REFERENCE.finditer(text):
        token = match.group("token")
        if sum(char.isdigit() for char in token) >= 3 and not _looks_like_date(token):
            yield match.start("token"), match.end("token"), "reference"
    for pattern in (_PNC, _PRISON_NUMBER):
        for match in pattern.finditer(text):
            yield match.start(), match.end(), "reference"


def _looks_like_date(token: str) -> bool:
    return bool(re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", token))


# --- Names -------------------------------------------------------------------------------

_TOKEN = re.compile(r"[A-Za-z0-9&][A-Za-z0-9&'’-]*")
_NAME_SHAPE = re.compile(r"^(?:[A-Z][a-z]+|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|[OD]['’][A-Z][a-z]+)(?:-[A-Z][a-z]+)*$")
_POSSESSIVE = re.compile(r"['’]s?$")
_SENTENCE_BREAK = re.compile(r"(?:[.!?:;•*\n\u2022]|\s[-–]\s|^\s*[-–])[\s\"'“‘(\[]*$")
_INITIAL = re.compile(r"[A-Z]\.?")
_AGE_AFTER = re.compile(
    r"^(?:['’]s)?(?:\s*,\s*(?:aged?\s*)?\d{1,2}\s*(?:,|years|yrs|y/o)|\s*\(\s*(?:aged?\s*)?\d{1,2}\s*\)"
    r"|,?\s*\(\s*(?:DOB|D\.O\.B|b\.|born|aged|age|NHS|date of birth)|\s*,\s*(?:who|whose|aged|age)\b"
    r"|\s*,\s*(?:DOB|D\.O\.B|born|date of birth|NI|NHS|MRN|CRN|known as|aka|a\.k\.a\.)\b"
    r"|\s+and\s+(?:his|her|their)\b)",
    re.IGNORECASE,
)
_CUE_GAP = re.compile(r"^[\s,\"'“‘(]*$")
_FIELD_GAP = re.compile(r"^\s*[:\-–]\s*$")
_FIELD_LABELS = words.word_set(
    "name client patient re mother father mum dad son daughter partner carer nok kin nickname alias aka"
)
_TWO_WORD_CUES = frozenset(
    {
        ("known", "as"),
        ("service", "user"),
        ("young", "person"),
        ("goes", "by"),
        ("spoke", "to"),
        ("spoke", "with"),
        ("talked", "to"),
        ("talked", "with"),
        ("chatted", "with"),
        ("met", "with"),
        ("in", "with"),
        ("check", "on"),
        ("checked", "on"),
        ("referred", "by"),
        ("named", "as"),
        ("is", "called"),
        ("was", "called"),
        ("name", "is"),
        ("name", "was"),
        ("name", "of"),
        ("him", "as"),
        ("her", "as"),
        ("them", "as"),
    }
)
_UPPER_CUES = frozenset({"YP", "CYP", "SU", "aka", "AKA", "a.k.a."})
_MONTH_NAMES = words.MONTHS | words.WEEKDAYS
_DATE_NEIGHBOUR = re.compile(r"(?:\d|\b(?:in|of|since|until|till|by|early|late|mid|end|from|last|next|this)\s*)$")
_ENGLISH_SUFFIX = re.compile(
    r"(?:ion|ment|ness|ity|ance|ence|ing|ed|ly|ful|less|ous|ive|ure|ship|hood|ism|ist|ics|ies|ings|ents|ions)$"
)
_NOUN_SUFFIX = re.compile(r"(?:ion|ment|ness|ity|ance|ence|ies|ics|ism|ship|hood|ure|ful|less|ous|ive|ery)$")


def _looks_like_noun(word: str) -> bool:
    return not re.match(r"(?:Mc|Mac|O['’])", word) and bool(_NOUN_SUFFIX.search(word))


_AUXILIARY_VERBS = words.word_set(
    "is was has had will would can could might should did does seems seemed remains remained became becomes "
    "isn't wasn't hasn't hadn't won't can't couldn't wouldn't didn't doesn't"
)
_PLACE_PREPOSITIONS = words.word_set("in at from near to into around outside across towards via of")


def _with_possessive_bases(entries: frozenset[str]) -> frozenset[str]:
    return entries | {re.sub(r"['’]s?$", "", entry) for entry in entries}


_NEVER_NAMES = _with_possessive_bases(
    words.COMMON_WORDS | words.ORGANISATION_WORDS | words.TOWNS | words.DRUGS | _MONTH_NAMES
)


@dataclass
class _Token:
    start: int
    end: int
    raw: str
    base: str  # raw without a possessive ending
    capitalised: bool
    sentence_start: bool
    possessive: bool


def _tokenise(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    previous_end = 0
    for match in _TOKEN.finditer(text):
        raw = match.group()
        base = raw
        if len(raw) > 2 and raw.endswith(("'s", "’s", "'", "’")):
            base = _POSSESSIVE.sub("", raw)
        start = match.start()
        gap = text[previous_end:start]
        sentence_start = not tokens or (gap != " " and bool(_SENTENCE_BREAK.search(gap)))
        tokens.append(
            _Token(
                start=start,
                end=start + len(base),
                raw=raw,
                base=base,
                capitalised=base[0].isupper() and bool(_NAME_SHAPE.match(base)),
                sentence_start=sentence_start,
                possessive=base != raw,
            )
        )
        previous_end = match.end()
    return tokens


class _NameFinder:
    """Decides which capitalised tokens in one passage are people's names."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokenise(text)
        self.flagged: set[int] = set()
        self.blocked: set[int] = set()  # tokens inside an institution, street or stop phrase

    def run(self) -> list[Span]:
        self._block_stop_phrases()
        self._flag_after_titles()
        for run in self._capitalised_runs():
            self._judge_run(run)
        self._flag_and_pairs()
        self._propagate()
        self._flag_and_pairs()
        return self._spans()

    # -- helpers --------------------------------------------------------------------------

    def _word(self, index: int) -> str:
        return self.tokens[index].raw.lower() if 0 <= index < len(self.tokens) else ""

    def _joined(self, left: int, right: int) -> bool:
        """True when two neighbouring tokens are separated by a single space."""
        return self.text[self.tokens[left].end : self.tokens[right].start] == " " and not self.tokens[left].possessive

    def _block_stop_phrases(self) -> None:
        lowered = self.text.lower()
        for phrase in words.STOP_PHRASES:
            position = lowered.find(phrase)
            while position != -1:
                for index, token in enumerate(self.tokens):
                    if token.start >= position and token.end <= position + len(phrase):
                        self.blocked.add(index)
                position = lowered.find(phrase, position + 1)

    def _flag_after_titles(self) -> None:
        for index, token in enumerate(self.tokens):
            if token.raw not in words.TITLES or token.possessive:
                continue
            following = self.text[token.end : token.end + 2]
            if token.raw in {"Sister", "Father", "Lady", "Lord", "Master", "Madam"} and token.sentence_start:
                continue
            if not re.match(r"\.?\s", following):
                continue
            self._flag_title_name(index + 1)

    def _flag_title_name(self, index: int) -> None:
        # Skip initials such as "Mr J. Smith" or "Dr A Patel".
        while index < len(self.tokens) and _INITIAL.fullmatch(self.tokens[index].raw):
            index += 1
        taken = 0
        while index < len(self.tokens) and taken < 3:
            token = self.tokens[index]
            if not token.capitalised or index in self.blocked or not self._surname_like(token.base, taken == 0):
                break
            self.flagged.add(index)
            taken += 1
            if token.possessive or index + 1 >= len(self.tokens) or not self._joined(index, index + 1):
                break
            index += 1

    def _surname_like(self, word: str, first: bool) -> bool:
        if word in words.SURNAMES or word in words.GIVEN_NAMES:
            return word not in words.RUN_KILLERS or first
        if word in words.RUN_KILLERS:
            return False
        return word not in _NEVER_NAMES or (first and word not in words.COMMON_WORDS and word not in _MONTH_NAMES)

    def _capitalised_runs(self) -> list[list[int]]:
        runs: list[list[int]] = []
        current: list[int] = []
        for index, token in enumerate(self.tokens):
            joined = current and self._joined(current[-1], index)
            if token.capitalised or (token.raw in words.ROLE_CUES and not token.raw.islower()):
                if current and not joined:
                    runs.append(current)
                    current = []
                current.append(index)
            else:
                if current:
                    runs.append(current)
                current = []
        if current:
            runs.append(current)
        return runs

    # -- judging a run of capitalised words ------------------------------------------------

    def _judge_run(self, run: list[int]) -> None:
        if any(self.tokens[i].base in words.RUN_KILLERS or i in self.blocked for i in run):
            if not any(i in self.flagged for i in run):
                self.blocked.update(run)
            return
        run = [i for i in run if i not in self.flagged]
        if not run:
            return
        role_cue = False
        inside_phrase = False  # "the Local Welfare Assistance fund": a capitalised phrase, not a person
        # Drop leading sentence words and role titles ("Yesterday Tanisha", "Nurse Jamie").
        while run and self._leading_filler(run[0]):
            token = self.tokens[run[0]]
            role_cue = role_cue or token.raw in words.ROLE_CUES
            inside_phrase = inside_phrase or (not token.sentence_start and token.raw not in words.ROLE_CUES)
            run = run[1:]
        if not run:
            return
        bases = [self.tokens[i].base for i in run]
        if any(base in _NEVER_NAMES and not self._known_name(base) for base in bases):
            # Mixed runs such as "Citizens Advice" or "Jamie Methadone": only sure names survive.
            for i in run:
                if self.tokens[i].base in words.GIVEN_NAMES and self.tokens[i].base not in _NEVER_NAMES:
                    self.flagged.add(i)
            return
        evidence = role_cue or self._evidence(run)
        if inside_phrase:
            self.flagged.update(i for i in run if self.tokens[i].base in words.GIVEN_NAMES)
        elif len(run) >= 2:
            self._judge_multi(run, evidence)
        else:
            self._judge_single(run[0], evidence)

    def _leading_filler(self, index: int) -> bool:
        token = self.tokens[index]
        if token.raw in words.ROLE_CUES:
            return True
        return token.base in words.COMMON_WORDS and not self._known_name(token.base)

    @staticmethod
    def _known_name(word: str) -> bool:
        return word in words.GIVEN_NAMES or word in words.SURNAMES or word in words.AMBIGUOUS_GIVEN_NAMES

    def _judge_multi(self, run: list[int], evidence: bool) -> None:
        bases = [self.tokens[i].base for i in run[:3]]
        run = run[:3]
        first = bases[0]
        if first in words.GIVEN_NAMES and first not in _NEVER_NAMES:
            self.flagged.update(run)
        elif first in words.AMBIGUOUS_GIVEN_NAMES:
            mid_sentence = not self.tokens[run[0]].sentence_start and self._name_like_unknown(bases[1])
            if bases[1] in words.SURNAMES or bases[1] in words.GIVEN_NAMES or evidence or mid_sentence:
                self.flagged.update(run)
        elif any(base in words.GIVEN_NAMES or base in words.SURNAMES for base in bases):
            if evidence or not self.tokens[run[0]].sentence_start:
                self.flagged.update(run)
        elif all(self._name_like_unknown(base) and not _looks_like_noun(base) for base in bases) and (
            evidence or not self.tokens[run[0]].sentence_start
        ):
            # Two or three unlisted capitalised words inside a sentence, with no organisation
            # word among them, read as a full name ("referral for Anastasia Nwosu from ...").
            self.flagged.update(run)

    def _judge_single(self, index: int, evidence: bool) -> None:
        token = self.tokens[index]
        word = token.base
        if word in _MONTH_NAMES:
            if word in words.AMBIGUOUS_GIVEN_NAMES and self._cue_before(index) and not self._date_context(index):
                self.flagged.add(index)
            return
        if word in words.AMBIGUOUS_GIVEN_NAMES:
            if token.sentence_start and not self._cue_before(index) and not self._human_after(index):
                return
            if evidence or (self._weak_cue_before(index) and not token.sentence_start):
                self.flagged.add(index)
            return
        if word in words.GIVEN_NAMES:
            self.flagged.add(index)
            return
        if word in words.SURNAMES:
            if evidence:
                self.flagged.add(index)
            return
        if not self._name_like_unknown(word):
            return
        if token.sentence_start and _ENGLISH_SUFFIX.search(word.lower()) and not self._cue_before(index):
            return
        if self._place_preposition_before(index) and not self._cue_before(index):
            return
        if evidence or (self._weak_cue_before(index) and not token.sentence_start):
            self.flagged.add(index)

    def _place_preposition_before(self, index: int) -> bool:
        """Unlisted words after "in", "from" and the like are usually places ("in Peacehaven")."""
        return (
            index > 0
            and self.tokens[index - 1].raw.lower() in _PLACE_PREPOSITIONS
            and (self._word(index - 2) not in {"spoke", "talked", "chatted", "write", "wrote", "sent", "gave", "went"})
        )

    @staticmethod
    def _name_like_unknown(word: str) -> bool:
        return word not in _NEVER_NAMES and len(word) >= 2

    # -- context evidence ------------------------------------------------------------------

    def _evidence(self, run: list[int]) -> bool:
        return self._cue_before(run[0]) or self._after_evidence(run[-1])

    def _cue_before(self, index: int) -> bool:
        if index == 0:
            return False
        gap = self.text[self.tokens[index - 1].end : self.tokens[index].start]
        previous = self.tokens[index - 1].raw
        if _FIELD_GAP.match(gap) and previous.lower() in _FIELD_LABELS:
            return True  # form fields: "Name: Precious Adeyemi", "Mother: Marie"
        if not _CUE_GAP.match(gap):
            return False
        if previous in _UPPER_CUES or previous.lower() in words.STRONG_CUES:
            return True
        if previous in words.ROLE_CUES and not previous.islower():
            return True
        pair = (self._word(index - 2), previous.lower())
        return pair in _TWO_WORD_CUES and pair[0] != "spoke" and pair[1] not in {"to", "with", "on"}

    def _weak_cue_before(self, index: int) -> bool:
        if index == 0:
            return False
        gap = self.text[self.tokens[index - 1].end : self.tokens[index].start]
        if not _CUE_GAP.match(gap):
            return False
        previous = self.tokens[index - 1].raw.lower()
        if previous in words.WEAK_CUES:
            return True
        return (self._word(index - 2), previous) in _TWO_WORD_CUES

    def _after_evidence(self, index: int) -> bool:
        token = self.tokens[index]
        after = self.text[token.end : token.end + 40]
        if _AGE_AFTER.match(after):
            return True
        if token.possessive:
            following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
            return following is not None and (following.raw.islower() or following.raw in words.ROLE_CUES)
        next_index = index + 1
        if next_index < len(self.tokens) and self.text[token.end : self.tokens[next_index].start] == " ":
            return self.tokens[next_index].raw.lower() in words.NAME_VERBS and self.tokens[next_index].raw.islower()
        return False

    def _human_after(self, index: int) -> bool:
        """Sentence-initial "Grace told me" is a person; "Hope is scarce" is not."""
        token = self.tokens[index]
        if _AGE_AFTER.match(self.text[token.end : token.end + 40]):
            return True
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        if following is None or self.text[token.end : following.start] != " ":
            return False
        if token.possessive:
            return following.raw.islower()
        return following.raw in words.NAME_VERBS and following.raw not in _AUXILIARY_VERBS

    def _date_context(self, index: int) -> bool:
        token = self.tokens[index]
        before = self.text[max(0, token.start - 12) : token.start]
        after = self.text[token.end : token.end + 6]
        return bool(_DATE_NEIGHBOUR.search(before.lower()) or re.match(r"\s*\d", after))

    # -- spreading from sure names ----------------------------------------------------------

    def _flag_and_pairs(self) -> None:
        changed = True
        while changed:
            changed = False
            for index, token in enumerate(self.tokens):
                if token.raw.lower() not in {"and", "&", "or"} or index == 0 or index + 1 >= len(self.tokens):
                    continue
                left, right = index - 1, index + 1
                for known, other in ((left, right), (right, left)):
                    if known in self.flagged and other not in self.flagged and self._pairable(other):
                        self.flagged.add(other)
                        changed = True

    def _pairable(self, index: int) -> bool:
        token = self.tokens[index]
        if not token.capitalised or index in self.blocked:
            return False
        if token.base in words.RUN_KILLERS or token.base in _MONTH_NAMES:
            return False
        if token.base in _NEVER_NAMES and not self._known_name(token.base):
            return False
        following = index + 1
        if following < len(self.tokens) and self._joined(index, following):
            nxt = self.tokens[following]
            if nxt.capitalised and (nxt.base in words.RUN_KILLERS or nxt.base in _NEVER_NAMES):
                return False
        return True

    def _propagate(self) -> None:
        sure = {
            self.tokens[i].base
            for i in self.flagged
            if self.tokens[i].base not in _NEVER_NAMES and self.tokens[i].base not in words.AMBIGUOUS_GIVEN_NAMES
        }
        ambiguous = {self.tokens[i].base for i in self.flagged} & words.AMBIGUOUS_GIVEN_NAMES
        for index, token in enumerate(self.tokens):
            if index in self.flagged or index in self.blocked or not token.capitalised:
                continue
            if token.base in sure or (
                token.base in ambiguous
                and not self._date_context(index)
                and (not token.sentence_start or self._after_evidence(index))
            ):
                self.flagged.add(index)

    def _spans(self) -> list[Span]:
        spans: list[Span] = []
        for index in sorted(self.flagged):
            token = self.tokens[index]
            if spans and index - 1 in self.flagged and self._joined(index - 1, index):
                spans[-1] = (spans[-1][0], token.end, "name")
            else:
                spans.append((token.start, token.end, "name"))
        return spans


def _find_names(text: str) -> Iterable[Span]:
    return _NameFinder(text).run()


# --- Putting it together -----------------------------------------------------------------

_RECOGNISERS: tuple[Callable[[str], Iterable[Span]], ...] = (
    _find_emails,
    _find_nhs_numbers,
    _find_ni_numbers,
    _find_references,
    _find_dates_of_birth,
    _find_phones,
    _find_postcodes,
    _find_addresses,
    _find_names,
)


def find_personal_data(text: str) -> list[Finding]:
    """Return findings sorted by start; overlaps resolved in favour of the more specific kind."""
    candidates: list[Span] = []
    for recogniser in _RECOGNISERS:
        candidates.extend(recogniser(text))
    chosen: list[Span] = []
    ranked = sorted(candidates, key=lambda span: (-_PRIORITY[span[2]], -(span[1] - span[0]), span[0]))
    for start, end, kind in ranked:
        if all(end <= other_start or start >= other_end for other_start, other_end, _ in chosen):
            chosen.append((start, end, kind))
    chosen.sort()
    return [Finding(start, end, kind, text[start:end]) for start, end, kind in chosen]
