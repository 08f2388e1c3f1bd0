"""Find personal data in UK health and social care case notes.

Rule-based and offline. The text is first normalised (`normalise.py`: one kind of space, dash and digit, no
invisible characters), then read by regular expressions for structured identifiers (`identifiers.py`) and a
context-driven name recogniser (`people.py`). Mentions of known organisations and public helpline numbers
(`known.py`) are not raised. Findings are reported on the caller's original text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from core.anonymisation import identifiers
from core.anonymisation.identifiers import Span, nhs_check_digit_ok
from core.anonymisation.known import KnownMatcher, KnownTerms, matcher_for
from core.anonymisation.normalise import normalise
from core.anonymisation.people import find_names, is_first_name, names_in_other_scripts
from core.anonymisation.policy import initial_pseudonym

__all__ = ["KIND_LABELS", "KINDS", "Finding", "find_personal_data", "nhs_check_digit_ok"]


@dataclass(frozen=True)
class Finding:
    start: int  # character offset into the text passed in
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

_STRUCTURED = (
    identifiers.find_emails,
    identifiers.find_nhs_numbers,
    identifiers.find_ni_numbers,
    identifiers.find_references,
    identifiers.find_postcodes,
    identifiers.find_addresses,
)

# Numbers that only organisations have: freephone, 03 (public bodies and charities), 084/087, and 116 helplines.
# Ofcom's numbers for organisations: 0800/0808 freephone, 03 (public bodies, charities), 084/087, and 116 helplines
# (116 123), which Leicester's 0116 is not.
_SERVICE_NUMBER = re.compile(r"^\(?(?:(?:\+44\s?(?:\(0\))?\s?|0044\s?|0)(?:80[08]|3[0-9]{2}|8[47][0-9])|116)")
# "the 0800 121 4433 number": an organisation-only number named as a line, not as anyone's.
_THE_NUMBER_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_THE_NUMBER_AFTER = re.compile(r"\s+(?:number|line|help\s?line|freephone)\b", re.IGNORECASE)
_SERVICE_CUE = re.compile(
    r"\b(?:help\s?line|advice\s?line|info\s?line|support\s?line|crisis\s?line|text\s?line|phone\s?line|hotline|"
    r"free\s?phone|listening\s?line|24/7|24\s?hours?|national|charity|service)\b",
    re.IGNORECASE,
)
# A landline given as a council's or a service's own line: its switchboard, front door or opening hours.
_SWITCHBOARD_CUE = re.compile(
    r"\b(?:main\s+(?:number|line|switchboard)|switchboard|front\s+door|opening\s+hours|out[\s-]+of[\s-]+hours|"
    r"duty\s+team|emergency\s+duty|(?:the|our)\s+(?:office|surgery|practice|clinic|ward|school|nursery)|housing\s+options|contact\s+centre|customer\s+services?|general\s+enquiries|"
    r"enquiries\s+line|appointments?\s+line|booking\s+line|council['’]s|the\s+council\s+on|reception\s+desk|"
    r"(?:council\s+tax|benefits?|housing|repairs|rents?|income|intake|access|referrals?|crisis|homeless(?:ness)?|"
    r"safeguarding|emergency|allocations|welfare\s+rights|revenues)\s+(?:team|line|department|desk|office|unit|"
    r"service|hub))\b",
    re.IGNORECASE,
)
# Said straight after the number: "0161 496 0000 (switchboard)", "01248 384 384 (Ysbyty Gwynedd)", "during office
# hours".
_SERVICE_AFTER = re.compile(
    r"\s*(?:\((?:[^()\n]{0,30}\b)?(?:switchboard|reception|main\s+line|main\s+number|helpline|ysbyty|hospital|"
    r"council|cyngor|surgery|practice|centre|clinic|office|internal|extension|ext|published|team|ward|duty|"
    # "0113 496 0000 (option 3)": a phone menu's option; "(PALS general line)"
    r"station|desk|unit|option\s+\d|general\s+(?:line|number|enquiries))\b|"
    r"(?:during|in)\s+(?:office|opening|working)\s+hours)",
    re.IGNORECASE,
)
# Said straight after a landline, of when it answers: "01632 960777 out of hours", "(24/7)": a service's line,
# unless the sentence says whose it is ("her landline ... out of hours").
_HOURS_AFTER = re.compile(
    r"\s*(?:\(\s*)?(?:out[\s-]+of[\s-]+hours|24/7|24\s+hours(?:\s+a\s+day)?|"
    # opening hours: "(Mon-Fri 8.30-5)", "\tMon-Fri 9-5", "(9am-5pm weekdays)"
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?\s*(?:-|–|to)\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b|"
    r"\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)?\s*(?:-|–|to)\s*\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)?(?:\s+(?:weekdays|daily))?\))",
    re.IGNORECASE,
)
# Said of a person's own line: "her landline", "his sister on", "ring mum on".
_PERSONAL_NUMBER_CUE = re.compile(
    r"\b(?:his|her|their|my|home|personal|private|own|mobile|mum|mam|dad|nan|gran|sister|brother|son|daughter|"
    r"partner|wife|husband|friend|neighbour|landlord|landlady|me|direct(?=\s+(?:line|dial|number|no\b)))\b|"
    r"\b(?-i:direct)\b",  # a worker's "direct line", "(direct)"; not a service's name: "THT Direct", "NHS Direct"
    re.IGNORECASE,
)
_CUE_TO_NUMBER = re.compile(
    r"(?:\s*(?:on|is|are|at|number|line|no\.?|tel\.?|telephone|phone|team|service|desk|call|ring|dial|contact|please|"
    r"\([^()\n]{1,25}\)|[:(\-]))*\s*",
    re.IGNORECASE,
)
# Said in the sentence before: "Our opening hours are 9-5. If you are homeless tonight please call 0113 ...".
_INSTITUTION_CUE = re.compile(
    r"\b(?:opening\s+hours|switchboard|contact\s+centre|customer\s+services?|housing\s+options|thank\s+you\s+for\s+"
    r"contacting|office\s+hours|(?:mailbox|inbox)\s+is\s+(?:monitored|checked)|do\s+not\s+reply)\b",
    re.IGNORECASE,
)
# A number straight after the name of a team or body: "the Rough Sleeping Team (0207 ...)", "the DWP number (0800 ...)".
_SERVICE_NAMED_BEFORE = re.compile(
    r"(?:Team|Service|Services|Unit|Line|Helpline|Centre|Center|Hub|Council|Trust|Office|[A-Za-z]+ Desk|Department|"
    r"Hospital|"
    r"Surgery|Practice|Clinic|Project|Charity|Foundation|Association|Partnership|Ombudsman|Commission|Regulator|"
    r"Tribunal|Agency|Authority|DWP|HMRC|NHS|EDT|MASH)"
    r"(?:['’]s)?(?:\s+\([^()\n]{1,40}\))?(?:\s+(?:number|line|switchboard))?\s*(?:on|is|:|-|\()?\s*$"
)
# A landline given as a team's or a scheme's, in lower case: "the duty desk on", "repairs reporting line", "call the
# gas team on", "Grace Mews (sheltered housing scheme, ".
_TEAM_LINE_BEFORE = re.compile(
    # a bare "Desk:" in a signature is the worker's own desk phone; a duty desk or a help desk is a service's
    r"(?:\b(?:duty|help|front|service|information|advice|enquiry|enquiries|booking|bookings|reception|IT|the)\s*desk\b|"
    r"\b(?:team|line|help\s?line|advice\s?line|scheme|service|office|switchboard|reception|station|"
    r"coordinator|co-ordinator|duty\s+worker))(?:\s*\([^()\n]{1,25}\))?\s*(?:number|no\.?)?"  # "Duty desk (adults)"
    r"\s*(?:on|is|:|-|\(|,)?\s*$",
    re.IGNORECASE,
)
_MOBILE = re.compile(r"^\(?(?:\+44\s?(?:\(0\))?\s?|0044\s?|0)7")


def find_personal_data(text: str, *, known: KnownTerms | None = None) -> list[Finding]:
    """Return findings sorted by start; overlaps resolved in favour of the more specific kind.

    `known` adds organisations and public numbers that are never personal data to the seed list
    (`known_services.py`); `KnownTerms(..., with_seed=False)` replaces the seed list instead.
    """
    if not text:
        return []
    folded = normalise(text)
    spans = _detect(folded.text, matcher_for(known))
    findings = []
    for start, end, kind in spans:
        start, end = folded.original_span(start, end)
        findings.append(Finding(start, end, kind, text[start:end]))
    return findings


def _detect(text: str, matcher: KnownMatcher) -> list[Span]:
    organisations = matcher.organisation_spans(text)
    candidates: list[Span] = []
    for recogniser in _STRUCTURED:
        candidates.extend(recogniser(text))
    if organisations:  # "56 Dean Street" is a clinic on the programme's list, not anyone's home
        candidates = [span for span in candidates if span[2] != "address" or not _inside(span, organisations)]
    candidates.extend(
        span for span in identifiers.find_phones(text) if not public_number(text, span, matcher, organisations)
    )
    emails = [(start, end) for start, end, kind in candidates if kind == "email"]  # "abi.whiteley@" is no name
    names = find_names(text, organisations + emails + _localities(text, candidates))
    names = [span for span in names if not initial_pseudonym(text[span[0] : span[1]])]  # "Mrs P": policy.py
    pseudonyms = _pseudonyms(text)
    names = [span for span in names if text[span[0] : span[1]] not in pseudonyms]
    names = [span for span in names if not _service_before_its_number(text, span, matcher)]
    names = [span for span in names if not _party_to_reported_case(text, span)] + list(_prosecuted(text, names))
    names += names_in_other_scripts(text, names)
    candidates.extend(names)
    births = list(identifiers.find_dates_of_birth(text, names))
    candidates.extend(births)
    # a home named by the person or the date of birth before it on its line
    candidates.extend(identifiers.addresses_before_postcodes(text, sorted(names + births)))
    candidates.extend(identifiers.address_blocks(text, names))  # a letter's address block under a name
    candidates.extend(identifiers.years_of_birth(text, names, is_first_name))  # "children Mina (2016)"
    candidates.extend(identifiers.numbers_after_names(text, names))  # "Tesfaye Gebremedhin (1129034)"
    candidates.extend(identifiers.find_table_cells(text))
    candidates.extend(identifiers.references_listed_after(text, candidates))
    return [span for span in _resolve_overlaps(text, candidates) if not _placeholder(text, span)]


# What a training or template text marks as made up: a redaction's Xs, "TESTPATIENT", a value followed by
# "(example)" or "[example - replace]", or anything on a line after "the test record" or "dummy patient".
_REDACTION = re.compile(r"[Xx*#_?/.\- ]*[Xx*#][Xx*#_?/.\- ]*")
_TEST_NAME_WORD = re.compile(
    r"(?i:test(?:patient|person|client|user|record|case)?|dummy\w*|zz+|anonymous|unknown|redacted)\b"
)
_EXAMPLE_AFTER = re.compile(
    r"[ \t]*[(\[][ \t]*(?:(?:an\s+|for\s+)?example|dummy|fictitious|fictional|made[\s-]up|not\s+real|placeholder|"
    r"illustrative)\b|[ \t]*[(\[][ \t]*(?:test|sample)(?:\s+(?:data|record|only))?\s*[)\]]",
    re.IGNORECASE,
)
_TRAINING_RECORD_BEFORE = re.compile(
    r"\b(?:test|dummy|training|sample|example|fictitious|fictional|made[\s-]up)\s+"  # not "practice": a GP's
    r"(?:record|patient|client|person|data|account|case\s+record)s?\b",
    re.IGNORECASE,
)


def _placeholder(text: str, span: Span) -> bool:
    start, end, kind = span
    value = text[start:end]
    if _REDACTION.fullmatch(value):
        return True
    if kind == "name" and any(_TEST_NAME_WORD.fullmatch(word) for word in re.findall(r"[^\W\d_]+", value)):
        return True
    if _EXAMPLE_AFTER.match(text, end):
        return True
    window = max(0, start - 120)  # bounded, so a long text with no line breaks stays linear
    line_start = text.rfind("\n", window, start) + 1 or window
    return _TRAINING_RECORD_BEFORE.search(text, line_start, start) is not None


# A name the text says it made up: 'the pseudonym "Anna"', "Anna (a pseudonym)". A review or a learning
# write-up names its subject so on purpose; it is the anonymisation, like "Mrs P".
_PSEUDONYM = re.compile(
    r"\b[Pp]seudonyms?(?:\s+of|\s+is|\s+was)?(?:\s*:)?\s+[\"“‘']?(?P<before>[A-Z][a-z'’-]+)|"
    r"(?P<after>[A-Z][a-z'’-]+)[\"”’']?\s*\(\s*(?:a\s+)?pseudonym\b"
)


_NAME_TO_NUMBER = re.compile(r"[ \t]*(?:on|:|-|\()?[ \t]*")


def _service_before_its_number(text: str, span: Span, matcher: KnownMatcher) -> bool:
    """ "call Frank 0300 123 6600": a word right before a known service's number is that service's name."""
    gap = _NAME_TO_NUMBER.match(text, span[1])
    phone = identifiers.phone_at(text, gap.end())
    return phone is not None and matcher.is_known_number(phone)


def _pseudonyms(text: str) -> set[str]:
    if "seudonym" not in text:
        return set()
    return {match.group("before") or match.group("after") for match in _PSEUDONYM.finditer(text)}


# A reported case is public law, not a person in this case: "R v Ali [2023] EWCA Crim 232", "Cheshire West (P v
# Cheshire West and Chester Council [2014] UKSC 19)". A case with no citation is a live one: "R v Hinds, case ...".
_CITATION = re.compile(
    r"\[(?:19|20)\d{2}\]\s*(?:UKSC|UKHL|UKPC|EWCA|EWHC|EWCOP|EWFC|UKUT|UKFTT|CSIH|CSOH|NICA|NIQB|\d+\s+[A-Z][A-Za-z]{1,4}\b)"
)
_PARTY_BEFORE = re.compile(r"\b(?:v\.?|Re)\s+$")
_PARTY_AFTER = re.compile(r"\s+v\.?\s|\s*\([^()\n]{0,40}\sv\.?\s")
_PROSECUTION = re.compile(r"\b(?:R|Regina|Rex|DPP|CPS)\s+v\.?\s+([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?)")


def _party_to_reported_case(text: str, span: Span) -> bool:
    start, end, _ = span
    if not (_PARTY_BEFORE.search(text, max(0, start - 4), start) or _PARTY_AFTER.match(text, end)):
        return False
    line_end = text.find("\n", end, end + 120)
    return _CITATION.search(text, end, line_end if line_end >= 0 else end + 120) is not None


def _prosecuted(text: str, names: list[Span]) -> Iterable[Span]:
    if " v " not in text and " v. " not in text:
        return
    taken = {(start, end) for start, end, _ in names}
    for match in _PROSECUTION.finditer(text):
        span = (*match.span(1), "name")
        if span[:2] not in taken and not _party_to_reported_case(text, span):
            yield span


# The town or district after a street address: "79 Stapleton Road, Easton, BS5 0QR", "12 Mill Lane, Hove."
# On the next line it fills the line: "12 Beech Ave\nHi Claire, we attended" is a greeting, not a town.
_PLACE_WORDS = r"[A-Z][a-z]+(?:[ -](?:on|upon|in|under|le|by|[A-Z][a-z]+)){0,3}"
_LOCALITY = re.compile(
    rf"(?:,?[ \t]+(?!(?:Hi|Hello|Dear|Hiya)\b)(?P<same>{_PLACE_WORDS})(?=[ \t]*(?:[,.;)\n]|$))"
    rf"|,?[ \t]*\n[ \t]*(?P<below>{_PLACE_WORDS})(?=[ \t]*,?[ \t]*(?:\n|$)))"
)


def _localities(text: str, candidates: list[Span]) -> list[tuple[int, int]]:
    """Places named right after an address, so the name recogniser does not read them as people."""
    spans = []
    for _start, end, kind in candidates:
        if kind == "address":
            locality = _LOCALITY.match(text, end)
            if locality:
                spans.append(locality.span("same") if locality.group("same") else locality.span("below"))
    return spans


_DIAL_IN_AFTER = re.compile(r",,\d{4,}#")
_FAX_OR_SERVICE_LINE_BEFORE = re.compile(
    r"(?:\bfax(?:\s+(?:no\.?|number))?|\b(?:advice|help|referral|enquiry|enquiries|booking|bookings)\s?line)"
    r"\s*(?:is|:|-|on)?\s*$",
    re.IGNORECASE,
)


def public_number(text: str, span: Span, matcher: KnownMatcher, organisations: list[tuple[int, int]]) -> bool:
    """A known helpline; a landline given as a service's switchboard or front door; or an organisation-only number
    (0800, 0300...) given for a service named just before, or as "the 0800 ... number". A mobile is never a
    service's."""
    start, end, _ = span
    number = text[start:end]
    if matcher.is_known_number(number):
        return True
    if _MOBILE.match(number):
        return False
    if _DIAL_IN_AFTER.match(text, end):
        return True  # "+44 20 3443 8721,,516049388#": a meeting's dial-in line, the meeting's number after it
    if _FAX_OR_SERVICE_LINE_BEFORE.search(text, max(0, start - 30), start):
        return True  # "FAX: 0113 ...", "their advice line is 01273 ...": whoever "their" is, the line is a service's
    # Each look back is bounded, so a long text without full stops (a pasted column of numbers) costs linear time.
    window = max(0, start - 100)
    sentence_start = max(text.rfind(".", window, start), text.rfind("\n", window, start), window)
    before = text[sentence_start:start]
    if (
        _switchboard(text, start, sentence_start)
        or _SERVICE_AFTER.match(text, end)
        or _SERVICE_NAMED_BEFORE.search(before)
        or (_HOURS_AFTER.match(text, end) and not _PERSONAL_NUMBER_CUE.search(before))
    ):
        return True  # "the council's main number (0121 ...)", "Adult Social Care front door on 0161 ..."
    if not _SERVICE_NUMBER.match(number):
        return _TEAM_LINE_BEFORE.search(before) is not None and not _PERSONAL_NUMBER_CUE.search(before)
    if not _PERSONAL_NUMBER_CUE.search(before) or _SWITCHBOARD_CUE.search(before):
        return True  # 03, 08 and 116 numbers are organisations' (Ofcom's plan), unless the sentence says whose
    if _SERVICE_CUE.search(before):
        return True
    if _THE_NUMBER_BEFORE.search(before) and _THE_NUMBER_AFTER.match(text, end):
        return True
    return any(sentence_start <= org_end <= start for _, org_end in organisations)


def _switchboard(text: str, start: int, sentence_start: int) -> bool:
    """A landline given as a service's own line, in its sentence or, in institution's words, the one before."""
    own = text[sentence_start:start]
    if _PERSONAL_NUMBER_CUE.search(own):
        return False
    cues = list(_SWITCHBOARD_CUE.finditer(own))
    if cues and _CUE_TO_NUMBER.fullmatch(own, cues[-1].end()):
        return True  # right before the number: "the front door on", "main number ("
    window = max(0, sentence_start - 300)
    previous_start = max(
        text.rfind(".", window, max(window, sentence_start - 1)), text.rfind("\n", window, sentence_start), window
    )
    if _INSTITUTION_CUE.search(text, previous_start, sentence_start):
        return True
    # A service's signature: "Duty Social Worker, Children's Services. Tel 01482 ...".
    return bool(_TEL_ONLY.fullmatch(own) and _SIGNED_BY_SERVICE.search(text, previous_start, sentence_start))


_TEL_ONLY = re.compile(r"[\s.]*(?:Tel|Telephone|Phone|T)\.?\s*(?:no\.?)?\s*:?\s*")
_SIGNED_BY_SERVICE = re.compile(r"(?:Services|Team|Department|Council|Trust|Unit|Hub)\s*$")


def _inside(span: Span, organisations: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in organisations)


def _resolve_overlaps(text: str, candidates: list[Span]) -> list[Span]:
    """The best of overlapping candidates, by kind, then length. The spans kept are disjoint and held in order, so
    each candidate is checked against its two neighbours only (linear-logarithmic, not quadratic)."""
    chosen: list[Span] = []
    ranked = sorted(candidates, key=lambda span: (-_PRIORITY[span[2]], -(span[1] - span[0]), span[0]))
    for start, end, kind in ranked:
        at = bisect.bisect_left(chosen, (start, end, kind))
        if at > 0 and chosen[at - 1][1] > start:
            continue
        if at < len(chosen) and chosen[at][0] < end:
            # A name that ran on into an identifier's label ("Shahida Begum RXH" before "RXH 2290114") keeps the
            # words before it: losing the overlap must not lose the person.
            if kind != "name" or chosen[at][0] <= start:
                continue
            end = start + len(text[start : chosen[at][0]].rstrip(" \t,;:-("))
            if end - start < 2:
                continue
        chosen.insert(at, (start, end, kind))
    return chosen
