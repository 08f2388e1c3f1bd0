"""Recognisers for structured identifiers in UK case notes.

NHS and National Insurance numbers, postcodes, phone numbers, emails, dates of birth, street addresses, hospital
and case references. Each reads already-normalised text (`normalise.py`) and yields (start, end, kind) spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from core.anonymisation import names as words

Span = tuple[int, int, str]

# --- Email -------------------------------------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


def find_emails(text: str) -> Iterable[Span]:
    for match in _EMAIL.finditer(text):
        yield match.start(), match.end(), "email"


# --- NHS number --------------------------------------------------------------------------

_NHS_SEPARATOR = r"(?:\s?[.-]\s?|\s{1,2})?"
_NHS_CANDIDATE = re.compile(
    rf"(?<![\d/.£$-])(\d{{3}}){_NHS_SEPARATOR}(\d{{3}}){_NHS_SEPARATOR}(\d{{4}})(?![\d/]|[.-]\d|\s[.-]?\s?\d)"
)
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


def find_nhs_numbers(text: str) -> Iterable[Span]:
    for match in _NHS_CANDIDATE.finditer(text):
        digits = match.group(1) + match.group(2) + match.group(3)
        labelled = _NHS_CUE.search(text[max(0, match.start() - 24) : match.start()])
        if labelled or nhs_check_digit_ok(digits):
            yield match.start(), match.end(), "nhs_number"


# --- National Insurance number -----------------------------------------------------------

_NI = re.compile(
    r"(?<![A-Za-z0-9])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])[ .-]?(\d{2})[ .-]?(\d{2})[ .-]?(\d{2})"
    r"(?:[ .-]?([A-D]))?(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_NI_BAD_PREFIXES = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})
_NI_CUE = re.compile(r"\b(?:NI|NINO|N\.I\.|national insurance)\b[^.\n]{0,20}$", re.IGNORECASE)


def find_ni_numbers(text: str) -> Iterable[Span]:
    for match in _NI.finditer(text):
        if match.group().islower() and match.group(5) is None:
            continue  # "ab 12 34 56" in lower case without the final letter is too weak
        prefix = match.group(1).upper()
        if prefix in _NI_BAD_PREFIXES:
            continue
        if match.group(5) is None and not _NI_CUE.search(text[max(0, match.start() - 30) : match.start()]):
            continue
        yield match.start(), match.end(), "ni_number"


# --- Postcode ----------------------------------------------------------------------------

_OUTWARD = r"(?:[A-PR-UWYZ](?:[0-9][0-9]?|[A-HK-Y][0-9][0-9]?|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRV-Y]))"
_POSTCODE = re.compile(
    rf"(?<![A-Za-z0-9])(?:{_OUTWARD} ?[0-9][ABD-HJLNP-UW-Z]{{2}}|GIR ?0AA)(?![A-Za-z0-9])", re.IGNORECASE
)
_ORDINAL_INWARD = re.compile(r"\s?\d(?:st|nd|rd|th)$", re.IGNORECASE)
_OUTWARD_ONLY = re.compile(rf"(?<![A-Za-z0-9&-]){_OUTWARD}(?![A-Za-z0-9&-])")
_OUTWARD_CUE_BEFORE = re.compile(
    r"(?:\bpost\s?code(?:\s+area)?|\bpostal district|\b(?:lives|living|lived|housed|placed|moved|moving|"
    r"relocated|staying|stays|address|based|flat|home|house)\b[^.\n]{0,20}?\b(?:in|to|at)(?:\s+the)?)"
    r"\s*(?:is|of|:)?\s*$",
    re.IGNORECASE,
)
_OUTWARD_CUE_AFTER = re.compile(r"^\s+(?:area|postcode|district)\b", re.IGNORECASE)


def find_postcodes(text: str) -> Iterable[Span]:
    for match in _POSTCODE.finditer(text):
        code = match.group()
        if not code.isupper() and _ORDINAL_INWARD.search(code):
            continue  # "w1 2nd floor"
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

_PHONE_START = re.compile(r"(?<![\w+£$.,/:-])(?:\+44|0044|\(0|0)(?=[\d\s().-])")


def find_phones(text: str) -> Iterable[Span]:
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
        elif char in " -." and may_separate and text[position + 1 : position + 2].isdigit():
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
    rf"(?:(?=\d)(?<![\d/-])(?<!\d\.)(?:"  # the digit look-ahead lets every other position fail at once
    rf"(?P<d1>\d{{1,2}})\s?[/.-]\s?(?P<m1>\d{{1,2}})\s?[/.-]\s?(?P<y1>\d{{4}}|\d{{2}})(?![\d/.]\d)"
    rf"|(?P<d2>\d{{1,2}}){_ORDINAL}(?:\s+of)?[\s-]+{_MONTH}\.?,?[\s-]+(?P<y2>\d{{4}}|'?\d{{2}})"
    rf"|(?P<y4>(?:19|20)\d{{2}})-(?P<m4>\d{{1,2}})-(?P<d4>\d{{1,2}})"
    rf")|\b{_MONTH}\.?\s+(?P<d3>\d{{1,2}}){_ORDINAL},?\s+(?P<y3>\d{{4}}))(?!\d)",
    re.IGNORECASE,
)
_DOB_CUE = re.compile(
    r"(?:(?<![A-Za-z])d\.?o\.?b\.?(?![A-Za-z])|\bdate\s+of\s+birth\b|\bborn\b|(?<![A-Za-z.])b\.|\bbirthday\b|\bDoB\b)",
    re.IGNORECASE,
)
_DOB_GAP = re.compile(
    r"^[\s:;,(\-]*(?:(?:is|was|on|of|the|as|given|recorded|listed|noted|dated|given as)[\s:,]+)*[\s:;,(\-]*$",
    re.IGNORECASE,
)
# What may stand between a person's name and their date of birth when no cue word is given:
# "Shannon (12/03/1989)", "Mr Okafor, 3rd May 1971", "Jade Hughes - 12.3.89", "Kyle, 34, (4/5/1990)".
_NAME_DATE_GAP = re.compile(
    r"^(?:'s?)?\s*(?:[,(\[:;/-]\s*)?"
    r"(?:(?:aged?\s*)?\d{1,3}\s*(?:yrs?|years?(?:\s+old)?|y/?o)?\s*[,;)/-]?\s*)?"
    r"(?:[(\[]\s*)?(?:(?:dob|d\.o\.b\.?|date of birth|born|b\.)\s*:?\s*)?$",
    re.IGNORECASE,
)
_LINE_START = re.compile(r"(?:^|\n)[\s\-*\d.)]*(?:[A-Za-z][A-Za-z ]{0,20}:\s*)?$")  # "- ", "Subject: "
_AFTER_LONE_DATE = re.compile(r"\s*(?:[,;)\]]|$|\n)")


def find_dates_of_birth(text: str, names: Sequence[Span] = ()) -> Iterable[Span]:
    """Dates given as a date of birth: after a cue ("DOB", "born"), or straight after a person's name."""
    name_ends = sorted((end, start) for start, end, _ in names)
    for match in _DATE.finditer(text):
        if not _plausible_date(match):
            continue
        if _after_cue(text, match) or _after_name(text, match, name_ends):
            yield match.start(), match.end(), "date_of_birth"


_AGE_BEFORE = re.compile(
    r"\b(?:aged?\s*\d{1,3}|\d{1,3}\s*(?:yrs?|years?(?:\s+old)?|y/?o))\s*[,(\[-]?\s*$", re.IGNORECASE
)


def _after_cue(text: str, match: re.Match[str]) -> bool:
    if _AGE_BEFORE.search(text, max(0, match.start() - 24), match.start()):
        return True  # "a woman aged 34 (12.03.89)": an age and then a date is the date of birth
    window_start = max(0, match.start() - 40)
    cues = list(_DOB_CUE.finditer(text, window_start, match.start()))
    if not cues:
        return False
    gap = text[cues[-1].end() : match.start()]
    short_gap = len(gap) <= 16 and not re.search(r"[.!?;\n]", gap)
    return bool(_DOB_GAP.match(gap)) or short_gap


def _after_name(text: str, match: re.Match[str], name_ends: list[tuple[int, int]]) -> bool:
    """A date right after a name, with at most punctuation or an age between, is that person's date of birth."""
    earlier = [(end, start) for end, start in name_ends if end <= match.start() and match.start() - end <= 40]
    if not earlier:
        return False
    name_end, name_start = earlier[-1]
    gap = text[name_end : match.start()]
    if not _NAME_DATE_GAP.match(gap) or _in_the_future(match):
        return False
    if gap.strip(" '") in ("", "s"):
        # "Shannon Hughes 12/03/1989" only as a line of its own (a list of people), not "saw Jade 12 May 2025"
        return bool(_LINE_START.search(text, 0, name_start)) and bool(_AFTER_LONE_DATE.match(text, match.end()))
    return True


def _in_the_future(match: re.Match[str]) -> bool:
    """ "Jade (12/05/2031)" is an appointment or a deadline, not a date of birth."""
    year = match.group("y1") or match.group("y2") or match.group("y3") or match.group("y4")
    year = year.lstrip("'") if year else ""
    return len(year) == 4 and int(year) > date.today().year


def _plausible_date(match: re.Match[str]) -> bool:
    day = match.group("d1") or match.group("d2") or match.group("d3") or match.group("d4")
    if not day or not 1 <= int(day) <= 31:
        return False
    month = match.group("m1") or match.group("m4")
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
_ADDRESS_FALSE_LEAD = re.compile(
    r"(?:\baged?|\bsection|\bs\.|\b(?:bus|route|platform|junction|gate|bay|bed)(?:\s+(?:number|no\.?))?)\s*$",
    re.IGNORECASE,
)
# "Room 12, Arlington House": a room or flat in a named building, with no street number.
_BUILDING_ADDRESS = re.compile(
    rf"\b(?:Flat|Apartment|Apt|Room|Studio|Maisonette)\.?\s+\d{{1,4}}[A-Za-z]?,?\s+(?:the\s+)?{_BUILDING}(?![A-Za-z])"
)
# "im at 14 elm grove": a street in lower case, only after a word that introduces an address.
_LOWER_STREET_SUFFIX = (
    r"(?:road|rd|street|lane|avenue|ave|close|drive|way|crescent|grove|gardens|terrace|place|court|walk|rise|"
    r"parade|square|mews|hill|park|view|green|row)"
)
_LOWER_ADDRESS = re.compile(
    rf"(?<![\w£$.,:/-])\d{{1,4}}[a-z]?,?\s+((?:[a-z][a-z'-]+\s+){{1,2}}){_LOWER_STREET_SUFFIX}\b"
)
_LOWER_ADDRESS_CUE = re.compile(r"\b(?:at|to|address|addy|lives|living|staying|moved|c/o)\s*:?\s*$")
_NOT_STREET_WORDS = words.word_set(
    "the a an in on at of to up down my his her their our your this that and or by has have had been is was are"
)


def find_addresses(text: str) -> Iterable[Span]:
    for match in _ADDRESS.finditer(text):
        if _ADDRESS_FALSE_LEAD.search(text[max(0, match.start() - 16) : match.start()]):
            continue
        yield match.start(), match.end(), "address"
    for match in _BUILDING_ADDRESS.finditer(text):
        yield match.start(), match.end(), "address"
    for match in _LOWER_ADDRESS.finditer(text):
        if set(match.group(1).split()) & _NOT_STREET_WORDS:
            continue
        if _LOWER_ADDRESS_CUE.search(text[max(0, match.start() - 12) : match.start()]):
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


def find_references(text: str) -> Iterable[Span]:
    for match in _REFERENCE.finditer(text):
        token = match.group("token")
        if sum(char.isdigit() for char in token) >= 3 and not _looks_like_date(token):
            yield match.start("token"), match.end("token"), "reference"
    for pattern in (_PNC, _PRISON_NUMBER):
        for match in pattern.finditer(text):
            yield match.start(), match.end(), "reference"


def _looks_like_date(token: str) -> bool:
    return bool(re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", token))
