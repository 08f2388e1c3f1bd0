"""Recognisers for structured identifiers in UK case notes.

NHS and National Insurance numbers, postcodes, phone numbers, emails, dates of birth, street addresses, hospital
and case references. Each reads already-normalised text (`normalise.py`) and yields (start, end, kind) spans.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import lru_cache

from core.anonymisation import names as words
from core.anonymisation.name_data import NameData, load_name_data

Span = tuple[int, int, str]

# --- Email -------------------------------------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


# A team's or a service's mailbox names no one: "safeguarding.referrals@council.gov.uk", "duty-team@trust.nhs.net".
_TEAM_MAILBOX_WORDS = words.word_set(
    """
    safeguarding referral referrals duty team teams admin administration enquiries enquiry info information contact
    contactus hello office reception mash frontdoor front door adult adults children childrens family families
    housing options asc csc mh cmht crisis marac mappa idva secure intake access triage hub helpdesk support advice
    complaints complaint foi dpo data protection noreply no reply donotreply do not bookings booking appointments
    appointment services service social care health out of hours ooh edt emergency homeless homelessness rough
    sleepers sleeping outreach income rents rent repairs benefits benefit council tax finance accounts hr payroll
    general main central north south east west city county borough district london group groups mailbox inbox
    shared generic team1 team2 dutyteam ashub sw workers practice surgery pharmacy gp nurses ward wards discharge
    cp cpteam cpadmin eip ews governors clerk carers young unit clinical lead legal childcare welfare rights senco
    outpatients outpatient booking management bed beds op ops encompass step marac triage pals headteacher
    coordinator spa recovery college business rota rotas gateway panel panels allocations admissions dols lps chc d2a
    dsl lado cyp msk asb lcs ta sat cin lac icb ics ae slt ot physio locality localities duties nursing midwifery
    therapies therapy estates facilities amhp citizens citizensadvice foodbank bedmanagement
    hospital liaison probation police youth justice yot camhs ehcp sen send school schools learning disability ld
    the and for to
    """
)
_WEBMAIL = re.compile(
    r"@(?:g(?:oogle)?mail|hotmail|outlook|live|yahoo|ymail|icloud|me|aol|btinternet|sky|talktalk|virginmedia|"
    r"protonmail|proton|msn|gmx|mail)\.",
    re.IGNORECASE,
)


def find_emails(text: str) -> Iterable[Span]:
    for match in _EMAIL.finditer(text):
        if not _shared_mailbox(text, match.start(), match.group()):
            yield match.start(), match.end(), "email"
    lowered = text.lower()  # a spelled-out address spells its dot or brackets its at: "at" alone is everywhere
    if " dot " in lowered or "(dot)" in lowered or "[dot]" in lowered or "(at)" in lowered or "[at]" in lowered:
        for match in _SPELLED_EMAIL.finditer(text):
            spelled = match.group()
            address = _SPELLED_DOT.sub(".", _SPELLED_AT.sub("@", spelled))
            local = address.split("@", 1)[0]
            spelled_out = _SPELLED_DOT.search(spelled) or _BRACKETED_AT.search(spelled)  # not "Shelter at shelter.org"
            if spelled_out and _spelled_local_part(local) and not _shared_mailbox(text, match.start(), address):
                yield match.start(), match.end(), "email"


def _shared_mailbox(text: str, start: int, address: str) -> bool:
    if _person_named_before(text, start, address):
        return False  # "Joy Fairweather <joy.fairweather@...>": words, but hers
    return (
        team_mailbox(address)
        or team_mailbox_named_before(text, start, address)
        or words_only_mailbox(text, start, address)
    )


# An address spelled out so that a machine cannot read it: "sunita dot varma at gmail dot com", "derek.pye at
# btinternet dot com", "k.lee(at)example(dot)org".
_SPELLED_DOT_FORM = r"(?:\s+dot\s+|\s*[(\[]dot[)\]]\s*|\.)"
_SPELLED_EMAIL = re.compile(
    rf"(?<![\w.+-])[A-Za-z0-9][\w%+-]*(?:{_SPELLED_DOT_FORM}[\w%+-]+)*"
    r"(?:\s+at\s+|\s*[(\[]at[)\]]\s*)"
    rf"[A-Za-z0-9-]+(?:{_SPELLED_DOT_FORM}[A-Za-z0-9-]+)*{_SPELLED_DOT_FORM}"
    r"(?:com|uk|org|net|gov|nhs|co|ac|io|me|info|scot|wales|ie|eu)\b",
    re.IGNORECASE,
)
_SPELLED_AT = re.compile(r"\s+at\s+|\s*[(\[]at[)\]]\s*", re.IGNORECASE)
_BRACKETED_AT = re.compile(r"[(\[]at[)\]]", re.IGNORECASE)
_SPELLED_DOT = re.compile(r"\s+dot\s+|\s*[(\[]dot[)\]]\s*", re.IGNORECASE)


def _spelled_local_part(local: str) -> bool:
    """Someone's part of a spelled-out address: "sunita.varma", "derek.pye", "k.lee"; not a word of the sentence
    ("she is at school dot com") nor a time ("10.30 at example.com")."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9]*(?:[._-][A-Za-z0-9]+)*", local):
        return False
    if any(char in "._-" for char in local):
        return True
    data = load_name_data()
    return len(local) > 2 and local.lower() not in data.dictionary and local.capitalize() not in data.english_words


def _person_named_before(text: str, start: int, address: str) -> bool:
    """A display name of two words or more right before the address that spells its local part, none of them a role's
    word: the person whose address it is."""
    line_start = max(text.rfind("\n", 0, start) + 1, start - 80)
    display = _DISPLAY_NAME.search(text, line_start, start)
    if display is None:
        return False
    shown = [word.lower() for word in re.findall(r"[^\W\d_]+", display.group(1))]
    local = [part for part in re.split(r"[._+-]+", address.split("@", 1)[0].lower()) if part]
    return (
        len(shown) >= 2
        and shown[-len(local) :] == local
        and not any(word in _ROLE_SENDER_WORDS or word in _TEAM_MAILBOX_WORDS for word in shown)
    )


# The words right before an address that say it is a team's: "Safeguarding Adults Team <sat@...>", "the CP admin
# inbox (cpadmin@...)", "the Young Carers Service via youngcarers@...".
_TEAM_NAMED_BEFORE = re.compile(
    r"\b(?:team|service|services|unit|hub|inbox|mailbox|office|desk|panel|board|department|admin|governors|"
    r"clerk|secretariat|helpdesk)\s*(?:['’]s\s+(?:e-?mail|address|inbox)\s*)?(?:<|\(|:|via|at|on|to|is)?\s*$",
    re.IGNORECASE,
)


# Where a notice sends its readers' questions: a service's mailbox, unless its local part names someone.
_QUERIES_BEFORE = re.compile(
    r"\b(?:queries|enquiries|questions)\b[^\n@]{0,40}?(?:\bto|\bvia|\bat|:|\bcontact|\be-?mail)\s*$", re.IGNORECASE
)


def _local_part_names_someone(address: str, data: NameData) -> bool:
    """An initial, or a first name or a surname alone or after initials run on, in the local part ("k.isva",
    "jsmith", "kj.smith")."""
    local = address.split("@", 1)[0].lower()
    for part in re.split(r"[._+-]+", local):
        part = part.rstrip("0123456789")
        if len(part) == 1:
            return True
        for cut in range(0, min(3, len(part) - 1)):
            if _names_someone(part[cut:].capitalize(), data):
                return True
        if len(part) > 3 and _names_someone(part[:-1].capitalize(), data):
            return True  # "smithj"
    return False


# A sender named by role: "Pastoral Lead", "Hospice at Home", "Prevent Coordinator".
_ROLE_SENDER_WORDS = words.word_set(
    "team service services lead coordinator co-ordinator manager officer admin administrator hub unit ward clinic "
    "hospice home office panel board desk centre center practice surgery department secretary clerk duty inbox"
)
_DISPLAY_NAME = re.compile(r"(?:^|:)\s*([^<>\n:;\"]{2,60}?)\s*<\s*$")


def team_mailbox_named_before(text: str, start: int, address: str) -> bool:
    """An address the line names as a team's, just before it; never a webmail address, nor one with a first name in
    its local part ("Team Manager Sue Bell <sue.bell@...>" is hers)."""
    if _WEBMAIL.search(address):
        return False
    line_start = max(text.rfind("\n", 0, start) + 1, start - 80)
    data = load_name_data()
    local_parts = [part.capitalize() for part in re.split(r"[._+-]+", address.split("@", 1)[0]) if len(part) > 2]
    if any(part in data.given_names for part in local_parts):
        return False
    if _TEAM_NAMED_BEFORE.search(text, line_start, start):
        return True
    if _QUERIES_BEFORE.search(text, line_start, start) and not _local_part_names_someone(address, data):
        return True  # "Any queries: AP MANAGER via ap.elliotthouse@...", "Queries: prisonleavers@..."
    # "From: Hospice at Home <hah@...>", "Pastoral Lead <pastoral@...>": a sender named by role, no person's name.
    display = _DISPLAY_NAME.search(text, line_start, start)
    if display is None:
        return False
    words_shown = re.findall(r"[^\W\d_]+", display.group(1))
    return (
        any(word.lower() in _ROLE_SENDER_WORDS for word in words_shown)
        and not any(_names_someone(word, data) for word in words_shown)
        and not any(part in data.surnames for part in local_parts)
    )


def _names_someone(word: str, data: NameData) -> bool:
    """A first name or a surname in the name data or the curated lists, as written or capitalised."""
    return any(
        form in names
        for form in {word, word.capitalize()}
        for names in (data.given_names, data.surnames, words.GIVEN_NAMES, words.SURNAMES)
    )


def team_mailbox(address: str) -> bool:
    """A team's or a service's shared mailbox (every part of the local part a service word): not personal data, as
    policy (`policy.py`). A webmail address is always someone's own."""
    local = address.split("@", 1)[0].lower()
    parts = [part.rstrip("0123456789") or part for part in re.split(r"[._+-]+", local) if part]  # "step3.referrals"
    if not parts or _WEBMAIL.search(address):
        return False
    service = [part in _TEAM_MAILBOX_WORDS or part.title() in words.TOWNS or _service_words_run_together(part)
               or part.upper() in words.SERVICE_ACRONYMS for part in parts]  # fmt: skip
    if all(service):
        return True  # "marac.leicester": a service and the place it serves
    # "ed.safeguarding", "referrals.cyp1": a service word and a short unit's code (no one's initials and surname; a
    # town is no service word here: "j.sunderland" is someone)
    given = load_name_data().given_names
    service_word = [part in _TEAM_MAILBOX_WORDS or _service_words_run_together(part) for part in parts]
    # a word that is also a surname takes a unit's code, not initials: "htt.rota" is the team's, "jo.rota" someone's
    initials_allowed = any(
        ok and part not in _SURNAME_LIKE_TEAM_WORDS for ok, part in zip(service_word, parts, strict=True)
    )
    return any(ok and len(part) >= 4 for ok, part in zip(service_word, parts, strict=True)) and all(
        ok or (len(part) <= 2 and initials_allowed) or (len(part) == 3 and part.title() not in given)
        for ok, part in zip(service, parts, strict=True)
    )


_SURNAME_LIKE_TEAM_WORDS = words.word_set("rota rotas")

# What says an address is someone's own: "her email", "my e-mail address is", "email me on", "Mum's email".
_OWN_ADDRESS_BEFORE = re.compile(
    r"(?:\b(?:her|his|my|their|your|own|personal|private|home|mum|dad|mother|father)(?:['’]s)?\s+(?:new\s+)?"
    r"e-?mail(?:\s+address)?|\be-?mail\s+me|['’]s\s+e-?mail(?:\s+address)?)\b[^@\n]{0,20}$",
    re.IGNORECASE,
)


def words_only_mailbox(text: str, start: int, address: str) -> bool:
    """A mailbox named by what it is for ("admissions@", "tenancy.support@", "dischargelounge@"), unless the words
    before it say it is someone's own ("her email is lovelylady@...")."""
    if _WEBMAIL.search(address):
        return False
    local = address.split("@", 1)[0].lower()
    parts = [part.rstrip("0123456789") or part for part in re.split(r"[._+-]+", local) if part]
    if not parts or _OWN_ADDRESS_BEFORE.search(text, max(0, start - 60), start):
        return False
    service = [
        part in _TEAM_MAILBOX_WORDS
        or part.title() in words.TOWNS
        or part in _SERVICE_NUMBERS
        or _acronym_in(text, part)
        for part in parts
    ]
    return _words_no_one_is_called(local, parts, service, load_name_data())


_SERVICE_NUMBERS = frozenset({"111", "999", "101", "119"})  # "111.clinicalgovernance@": NHS 111's


def _acronym_in(text: str, part: str) -> bool:
    """ "swep.coordinator@" beside "SWEP activation form": a part the text itself writes as an acronym in capitals."""
    return 3 <= len(part) <= 8 and part.isalpha() and part.upper() in _acronyms(text)


@lru_cache(maxsize=4)
def _acronyms(text: str) -> frozenset[str]:
    """The words in capitals of three to eight letters in the text: read once per text, however many mailboxes."""
    return frozenset(re.findall(r"\b[A-Z]{3,8}\b", text))


def _words_no_one_is_called(local: str, parts: list[str], service: list[bool], data: NameData) -> bool:
    """ "admissions@", "tenancy.support@", "return.home.interviews@", "dischargelounge@": every part an ordinary
    English word (or words run together), a service's code or a town, and none a first name or a surname, so the
    address names what the mailbox is for, not whom. A word that is also a name ("early", "grace") passes only
    beside a word that is not one; a single word with digits ("sunshine85@") is someone's own."""
    if any(char.isdigit() for char in local) and not any(service):
        return False
    plain_word = False
    for ok, part in zip(service, parts, strict=True):
        pieces = [part] if ok or part in data.dictionary else _dictionary_words_run_together(part, data)
        if not pieces and len(part) == 3 and len(parts) > 1 and part.title() not in data.given_names:
            continue  # "mha.policy", "csp.dhr": a team's three initials beside a word ("kj.castle" is someone)
        if not pieces:
            return False  # "l.hardcastle": an initial, or a word no dictionary has
        for piece in pieces:
            title = piece.capitalize()
            if (
                title in data.given_names
                or title in data.surnames
                or title in words.GIVEN_NAMES
                or title in words.SURNAMES
            ):
                return False
            if title not in data.english_words:
                plain_word = True
    return plain_word and any(len(part) >= 4 for part in parts)


def _dictionary_words_run_together(part: str, data: NameData) -> list[str]:
    """ "dischargelounge" -> ["discharge", "lounge"], "northgate" -> ["north", "gate"]: ordinary words of four letters
    or more (or service words) written as one; [] when the part is not made that way."""
    if len(part) > 40:
        return []
    best: list[list[str] | None] = [[]] + [None] * len(part)
    for end in range(4, len(part) + 1):
        for start in range(max(0, end - 20), end - 2):
            piece = part[start:end]
            known = (len(piece) >= 4 and piece in data.dictionary) or piece in _TEAM_MAILBOX_WORDS
            if best[start] is not None and known:
                best[end] = [*best[start], piece]
                break
    return best[-1] or []


def _service_words_run_together(part: str) -> bool:
    """ "adultsocialcare", "housingoptions", "outofhours": service words written as one (pieces of three letters or
    more, and "of"), so a short word cannot make a person's name pass ("donna" is no "do" + "nna")."""
    if len(part) > 40:
        return False
    reachable = [True] + [False] * len(part)
    for end in range(1, len(part) + 1):
        for start in range(max(0, end - 16), end):
            piece = part[start:end]
            if reachable[start] and (len(piece) >= 3 or piece == "of") and piece in _TEAM_MAILBOX_WORDS:
                reachable[end] = True
                break
    return reachable[-1]


# --- NHS number --------------------------------------------------------------------------

_NHS_SEPARATOR = r"(?:\s?[.-]\s?|\s{1,2})?"
_NHS_CANDIDATE = re.compile(
    rf"(?<![\d/.£$-])(\d{{3}}){_NHS_SEPARATOR}(\d{{3}}){_NHS_SEPARATOR}(\d{{4}})(?![\d/]|[.-]\d| [.-]? ?\d)"
)
_NHS_CUE = re.compile(
    r"\b(?:NHS|CHI|H&C|H\+C)\s*(?:no\.?|num(?:ber)?\.?|#|number\s+is|no\s+is)?\s*[:.=-]?\s*(?:is\s+)?(?:HCN\s*)?$",
    re.IGNORECASE,
)


def nhs_check_digit_ok(digits: str) -> bool:
    """Modulus 11 check used by NHS numbers."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


# Ten digits in any other grouping ("6148 525 380", "614 8525 380", "61485 25380"): an NHS number when the check
# digit holds or a cue says so. Not after a digit and a separator (the tail of a longer number), nor before one.
_ISO_DATE = re.compile(r"(?:19|20)\d\d[-./](?:0[1-9]|1[0-2])[-./](?:0[1-9]|[12]\d|3[01])(?!\d)")
_NHS_OTHER_GROUPING = re.compile(
    r"(?=\d\d)(?<![\d/.£$-])(?<!\d[ .-])\d{2,5}(?:[ .-]\d{2,5}){1,3}(?![\d/]|[.-]\d| [.-]? ?\d)"
)


# NHS numbers talked of earlier in the sentence or the line before: "NHS number 943 476 5919 is correct; the old
# letter quoted 943 476 5918 in error". Ten digits in the NHS's own 3-3-4 layout, so with a wrong check digit it is
# still someone's NHS number (a mistyped one), not a phone (those start with 0).
_NHS_SPOKEN_OF = re.compile(r"\b(?:NHS|CHI)\b")


def _nhs_spoken_of(text: str, start: int, digits: str) -> bool:
    return digits[0] != "0" and _NHS_SPOKEN_OF.search(text, max(0, start - 160), start) is not None


# An international prefix before a number grouped 3-3-4 makes it a phone number: "+44 115 496 0844", "(0)161 ...".
_INTERNATIONAL_BEFORE = re.compile(r"(?:\+\s?44|0044|\(0\))\s*$")


def _mistyped_nhs_number(text: str, match: re.Match[str], digits: str) -> bool:
    """Ten digits grouped 3-3-4 as NHS numbers are written, not a phone's 0 or +44, are an NHS number even when the
    check digit fails: a mistyped NHS number is still someone's ("ADEYEMI, Joseph (719 274 9720)")."""
    if _a_things_number(text, match.start(), match.end()):
        return False  # "The invoice 123 456 7890 was paid"
    grouped = match.end(1) < match.start(2) and match.end(2) < match.start(3)
    return (
        grouped
        and digits[0] != "0"
        and not _INTERNATIONAL_BEFORE.search(text, max(0, match.start() - 8), match.start())
    )


def find_nhs_numbers(text: str) -> Iterable[Span]:
    found: set[int] = set()
    for match in _NHS_CANDIDATE.finditer(text):
        digits = match.group(1) + match.group(2) + match.group(3)
        if len(set(digits)) == 1:
            continue  # a form's blank: "NHS No: 000 000 0000"
        labelled = _NHS_CUE.search(text[max(0, match.start() - 24) : match.start()])
        if (
            labelled
            or nhs_check_digit_ok(digits)
            or _nhs_spoken_of(text, match.start(), digits)
            or _mistyped_nhs_number(text, match, digits)
        ):
            found.add(match.start())
            yield match.start(), match.end(), "nhs_number"
    for match in _NHS_OTHER_GROUPING.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if len(digits) != 10 or match.start() in found or len(set(digits)) == 1 or _ISO_DATE.match(match.group()):
            continue  # "2024-04-02  09:10" in a log: a date and an hour
        labelled = _NHS_CUE.search(text[max(0, match.start() - 24) : match.start()])
        # A grouping that starts with 0 and fails the cue is read as a phone number (a CHI number is written whole).
        if labelled or (digits[0] != "0" and nhs_check_digit_ok(digits)):
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
        cued = bool(_NI_CUE.search(text[max(0, match.start() - 30) : match.start()]))
        if match.group().islower() and match.group(5) is None and not cued:
            continue  # "ab 12 34 56" in lower case without the final letter, and no cue, is too weak
        prefix = match.group(1).upper()
        if prefix in _NI_BAD_PREFIXES or _specimen_ni(text, match):
            continue
        if match.group(5) is None and not cued:
            continue
        yield match.start(), match.end(), "ni_number"


_EXAMPLE_CUE = re.compile(
    r"\be\.g\.|\b(?:example|eg|dummy|specimen|sample|such\s+as|format|fictitious|made[\s-]up)\b", re.I
)


def _specimen_ni(text: str, match: re.Match[str]) -> bool:
    """ "write AB 12 34 56 C (example)": the digits 123456, said to be an example; a letter's "NI AB 12 34 56 C" is
    someone's."""
    if re.sub(r"\D", "", match.group()) != "123456":
        return False
    around = text[max(0, match.start() - 40) : match.end() + 20]
    return _EXAMPLE_CUE.search(around) is not None


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
_OUTWARD_LIST_AFTER = re.compile(rf"\s*(?:,|and|or|&|/)\s*{_OUTWARD}(?![A-Za-z0-9&-])")
_OUTWARD_LIST_BEFORE = re.compile(rf"(?<![A-Za-z0-9&-]){_OUTWARD}\s*(?:,|and|or|&|/)\s*$")
_HOME_BEFORE_AREA = re.compile(
    r"\b(?:lives?|living|lived|home|flat|house|address|housed|placed|moved|moving|staying|stays|resides?)\b",
    re.IGNORECASE,
)
# The UK's postcode areas (with the Channel Islands and the Isle of Man): an outward code on its own is only read as
# one when its area exists, so a programme's site code after a town ("Colchester CP3") is not a postcode.
_AREAS = (
    "AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX FK FY "
    "G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP "
    "NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W "
    "WA WC WD WF WN WR WS WV YO ZE"
)
POSTCODE_AREAS = frozenset(_AREAS.split())
_AREA = re.compile(r"^[A-Za-z]{1,2}")


def find_postcodes(text: str) -> Iterable[Span]:
    for match in _POSTCODE.finditer(text):
        code = match.group()
        if not code.isupper() and _ORDINAL_INWARD.search(code):
            continue  # "w1 2nd floor"
        if " " not in code and not _known_area(code):
            continue  # a form's code in a postcode's shape: "the FP17PR" (an NHS dental claim), "XY12AB"
        yield match.start(), match.end(), "postcode"
    for match in _OUTWARD_ONLY.finditer(text):
        if _AREA.match(match.group()).group().upper() not in POSTCODE_AREAS and not _area_is_one_letter(match.group()):
            continue
        before = text[max(0, match.start() - 40) : match.start()]
        after = text[match.end() : match.end() + 12]
        # "the LS9 area" alone is a district, as a practice note generalises it; it is someone's only when the
        # words before say it is where they live ("the flat is in the LS9 area", "moved to SE15")
        area = _OUTWARD_CUE_AFTER.search(after) and _HOME_BEFORE_AREA.search(before)
        if _OUTWARD_LIST_AFTER.match(after) or _OUTWARD_LIST_BEFORE.search(before):
            continue  # "S33, SK17 and DE4 to the Buxton team": districts a service covers
        if area or _OUTWARD_CUE_BEFORE.search(before) or _after_town(before):
            yield match.start(), match.end(), "postcode"


def _known_area(code: str) -> bool:
    return _AREA.match(code).group().upper() in POSTCODE_AREAS or _area_is_one_letter(code)


def _area_is_one_letter(code: str) -> bool:
    """'B12', 'E1W', 'N7': a one-letter area followed by digits (the two-letter reading may not exist, 'BC1')."""
    return code[0].upper() in POSTCODE_AREAS and code[1:2].isdigit()


_TOWN_BEFORE = re.compile(r"([A-Z][a-z]+(?:[ -][A-Z][a-z]+)*),?\s$")


def _after_town(before: str) -> bool:
    match = _TOWN_BEFORE.search(before)
    return bool(match) and match.group(1).split()[-1].split("-")[-1] in words.TOWNS


# --- Phone number ------------------------------------------------------------------------

# Not inside a longer number or a decimal; a label run into the number is fine ("Mob.07700900123").
# After a comma or a colon too ("Chelsea Pybus,07700 900145", "10:00,07700 900149" in a CSV, "Tel:01632 960001"); a
# thousands group ("1,070") is too short to be read as one.
_PHONE_START = re.compile(r"(?<![\w+£$/-])(?<!\d:)(?<![\d,]\.)(?:\+44|0044|\(0|0)(?=[\d\s().-])")
# Said right before a number: a typed number one digit short is still read as a phone after one ("mob 0770 090 012").
_PHONE_CUE_BEFORE = re.compile(
    r"(?:\b(?:tel(?:ephone)?|phone|ph|mob(?:ile)?|m|t|landline|number|no|call|ring|text|contact(?:ed)?|on)\b[.:]?"
    r"|\b(?:tel|mob)\.)\s*(?:is\s+)?$",
    re.IGNORECASE,
)


# A number in international form with another country's code: "+48 512 345 678", "+353 (0)87 123 4567".
_FOREIGN_PHONE = re.compile(r"(?=\+)(?<![\w+])\+(?!44)[1-9]\d{0,2}(?:[\s.-]?\(0\))?(?:[\s.-]?\d{2,5}){2,5}(?![\d])")


def find_phones(text: str) -> Iterable[Span]:
    for match in _PHONE_START.finditer(text):
        end = _phone_end(text, match.start(), match.group())
        if end is not None and not _not_diallable(text[match.start() : end]):
            start = match.start()
            if text[start] == "(" and ")" not in text[start:end]:
                start += 1  # "(0114 496 0731)": the bracket is the sentence's, not the number's
            yield start, end, "phone"
    for match in _FOREIGN_PHONE.finditer(text):
        if 8 <= sum(char.isdigit() for char in match.group()) <= 15:
            yield match.start(), match.end(), "phone"
    lowered = text.lower()
    if "oh " not in lowered and "zero " not in lowered and "nought " not in lowered:
        return
    for match in _SPOKEN_PHONE.finditer(text):
        if _spoken_digits(match.group()) in (10, 11):
            yield match.start(), match.end(), "phone"


# London's 020 is left out: "0208 000 1111" is 020 8000 1111.
_UNDIALLABLE = re.compile(r"^\(?01\d{2,3}\)?[ .-]+(?P<local>0[01 .-]*)$")


def _not_diallable(number: str) -> bool:
    """ "0113 000 0000", "01244 000 111": a placeholder (its local number all noughts and ones, starting with a nought,
    which no UK line has). A mistyped real number ("0113 094 8230") is still someone's."""
    return bool(_UNDIALLABLE.match(number))


def phone_at(text: str, position: int) -> str | None:
    """The phone number starting exactly at `position`, if one does."""
    match = _PHONE_START.match(text, position)
    if match is None:
        return None
    end = _phone_end(text, position, match.group())
    return text[position:end] if end is not None else None


# A number read out in words, as a voicemail is transcribed: "oh seven seven double oh nine ...". It starts with a
# zero ("oh", "zero", "nought") and holds ten or eleven digits, "double" and "triple" counting twice and three times.
_DIGIT_WORD = r"(?:oh|o|zero|nought|one|two|three|four|five|six|seven|eight|nine)"
_SPOKEN_PHONE = re.compile(
    rf"(?=[oOzZnN])\b(?:oh|zero|nought)(?:[ ,-]+(?:(?:double|triple|treble)[ -])?{_DIGIT_WORD}\b){{5,12}}",
    re.IGNORECASE,
)


def _spoken_digits(words_read: str) -> int:
    count, repeat = 0, 1
    for word in re.split(r"[ ,-]+", words_read.lower()):
        if word in ("double", "triple", "treble"):
            repeat = 2 if word == "double" else 3
        else:
            count, repeat = count + repeat, 1
    return count


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
            break
        position += 1
    separated = sum(char in " -.)" for char in text[start:position])
    if len(digits) == needed and text[position : position + 1].isdigit():
        # One digit too many, typed in a phone's groups ("01248 496 0337"): someone's number mistyped, still theirs.
        if separated < 2 or text[position + 1 : position + 2].isdigit() or _DIGIT_AFTER_GAP.match(text, position + 1):
            return None
        position += 1
    elif len(digits) == needed - 1:
        # One digit short ("0770 090 012", "016977 3456"): a phone only when the text says so right before it.
        if not separated or not _PHONE_CUE_BEFORE.search(text, max(0, start - 24), start):
            return None
    elif len(digits) != needed:
        return None
    national = digits if not international else "0" + digits
    return position if national[1] in "1235789" else None


_DIGIT_AFTER_GAP = re.compile(r"[ .-]\d")


_INTERNATIONAL_ZERO = re.compile(r"\s?(?:\(0\)\s?)?")


# --- Date of birth -----------------------------------------------------------------------

_MONTHS_EN_CY = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|"
    # Welsh: Ionawr, Chwefror, Mawrth, Ebrill, Mai, Mehefin, Gorffennaf, Awst, Medi, Hydref, Tachwedd, Rhagfyr
    r"Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr"
)
_MONTH = rf"(?:{_MONTHS_EN_CY})"
# After a day, also the months of the languages of many UK caseloads as a date is written in them: Polish (the
# genitive of "4 lutego 2015", and the nominative), Romanian, Portuguese, Spanish, Italian and French.
_MONTH_AFTER_DAY = (
    rf"(?:{_MONTHS_EN_CY}|"
    r"stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrze[sś]nia|pa[zź]dziernika|listopada|grudnia|"
    r"stycze[nń]|luty|marzec|kwiecie[nń]|maj|czerwiec|lipiec|sierpie[nń]|wrzesie[nń]|pa[zź]dziernik|listopad|"
    r"grudzie[nń]|ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie|decembrie|"
    r"janeiro|fevereiro|mar[cç]o|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|enero|febrero|"
    r"marzo|mayo|junio|julio|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|"
    r"settembre|ottobre|dicembre|janvier|f[eé]vrier|mars|avril|juin|juillet|ao[uû]t|septembre|octobre|novembre|"
    r"d[eé]cembre)"
)
_ORDINAL = r"(?:st|nd|rd|th)?"
_DATE = re.compile(
    rf"(?:(?=\d)(?<![\d/-])(?<!\d\.)(?:"  # the digit look-ahead lets every other position fail at once
    rf"(?P<d1>\d{{1,2}})\s?[/.-]\s?(?P<m1>\d{{1,2}})\s?[/.-]\s?(?P<y1>\d{{4}}|\d{{2}})(?![\d/.]\d)"
    rf"|(?P<d2>\d{{1,2}}){_ORDINAL}(?:\s+(?:of|de))?[\s-]*{_MONTH_AFTER_DAY}\.?,?(?:\s+de)?[\s-]*(?P<y2>\d{{4}}|'?\d{{2}})"
    rf"|(?P<y4>(?:19|20)\d{{2}})(?P<s4>[-/.])(?P<m4>\d{{1,2}})(?P=s4)(?P<d4>\d{{1,2}})"
    rf")|(?=[JFMASONDIGCEHRTjfmasondigcehrt])\b{_MONTH}\.?\s+(?P<d3>\d{{1,2}}){_ORDINAL},?\s+(?P<y3>\d{{4}}))(?!\d)",
    re.IGNORECASE,
)
_DOB_CUE = re.compile(
    r"(?:(?<![A-Za-z])d\.?o\.?b\.?s?(?![A-Za-z])|\bdates?\s+o(?:f|['’])?\s+birth\b|\bbirth\s?dates?\b|\bborn\b|"
    r"(?<![A-Za-z.])b\.|\bbirthday\b|\bDoB\b)",
    re.IGNORECASE,
)
_DOB_GAP = re.compile(
    r"^[\s:;,(\-|]*(?:[._]{2,}[\s:]*)?"  # "Date of birth.........." on a typed form
    r"(?:(?:is|was|on|of|the|as|given|recorded|listed|noted|dated|given as)[\s:,]+)*[\s:;,(\-]*$",
    re.IGNORECASE,
)
# What may stand between a person's name and their date of birth when no cue word is given:
# "Shannon (12/03/1989)", "Mr Okafor, 3rd May 1971", "Jade Hughes - 12.3.89", "Kyle, 34, (4/5/1990)".
_NAME_DATE_GAP = re.compile(
    r"^(?:'s?|[\"”’])?\s*(?:\([VSWO]\)\s*)?(?:[,(\[:;/|-]\s*)?"  # "(V)", "(S)": a police record's victim, suspect...
    # another identifier or a class before it in the same brackets: "(CHI 1506172830, 15/06/17)", "(P4, 2 Aug 2016)"
    r"(?:(?:CHI|NHS|H&C|UPN|CRN|PNC|P[1-7]|S[1-6]|Yr\s?\d{1,2})\s*[\w/-]{0,14}\s*,\s*)?"
    # a room, a nickname or a claim between: "Beryl Hastings (room 21), 04/04/1933", "Liam ("Bean", 07/11/01)",
    # "Mr Nuttall (room 14, 10.10.1930)", '"Yonas" (claims 15/03/2008', "Tobi turns 18 next month (22.08.2006)"
    r"(?:(?:room|rm|bed|bay)\s*\d{1,3}[A-Za-z]?\s*[)\]]?\s*,\s*)?"
    # who the person is, in the same brackets: "Uche (mum, 12/12/1985)", "Rochelle Thompson (PoP), 22/02/1996"
    r"(?:(?:mum|mother|mam|dad|father|brother|sister|son|daughter|baby|partner|husband|wife|grandson|granddaughter|"
    r"nan|gran|grandmother|grandfather|aunt|auntie|uncle|cousin|niece|nephew|step(?:dad|mum|son|daughter)|"
    r"half[ -](?:brother|sister)|twin|child|carer|PoP|SU|YP|applicant|tenant|patient|victim|suspect|subject)"
    r"\s*[)\]]?\s*,\s*)?"
    r"(?:[MF]\s*[,|]?\s+)?"  # a record's sex column: "DUMITRESCU, Ionela  F  25-Oct-1992"
    r"(?:[\"“][^\"”\n]{1,15}[\"”]\s*,\s*)?"
    r"(?:(?:claims|claimed|turns|turned)\s+(?:\d{1,2}\s+(?:(?:next|this|last)\s+(?:week|month|year)\s*)?)?"
    r"[(\[]?\s*)?"
    # an age or a school year, bracketed or not: "Tiffany Cooper (19), 01/06/2007", "Harrison Bell (Y5, 11/07/2016)"
    r"(?:(?:(?:aged?\s*)?\d{1,3}\s*(?:yrs?|years?(?:\s+old)?|y/?o)?|(?:Y|Yr|Year)\s?\d{1,2})\s*[)\]]?\s*[,;)/-]?\s*)?"
    r"(?:[(\[]\s*)?(?:(?:dob|d\.o\.b\.?|date of birth|born|b\.)\s*:?\s*)?$",
    re.IGNORECASE,
)
# A relative named by relation with a date alone in brackets after: "Dad (14.2.39)", "Nan (3 March 1941)".
_RELATIVE_THEN_DATE = re.compile(
    r"\b(?:[Mm]um|[Mm]am|[Dd]ad|[Nn]an|[Nn]ana|[Gg]ran|[Gg]randad|[Gg]randma|[Gg]randpa|[Gg]randmother|[Gg]randfather|"
    r"[Ss]tepdad|[Ss]tepmum|[Aa]unt(?:ie|y)?|[Uu]ncle)\s*\(\s*(?P<date>\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d{2})\s*\)"
)
_LINE_START = re.compile(r"(?:^|\n)[\s\-*\d.)]*(?:[A-Za-z][A-Za-z ]{0,20}:\s*)?$")  # "- ", "Subject: "
_AFTER_LONE_DATE = re.compile(r"\s*(?:[,;)\]|]|$|\n)")
_TIME_AFTER = re.compile(r",?\s*(?:at\s+)?(?:\d{1,2}[:.]\d{2}\b|\d{1,2}\s?(?:am|pm)\b)", re.IGNORECASE)


# After a cue, a month and year or a year alone is still a date of birth: "DOB 03/1989", "born March 1989",
# "(b. 1962)".
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?![\d/.-]\d|\d)")
_PARTIAL_DOB_BEFORE = re.compile(
    rf"(?:(?<![A-Za-z])d\.?o\.?b\.?(?![A-Za-z])|\bdate\s+of\s+birth\b|\bborn(?:\s+in)?|(?<![A-Za-z.])b\.)"
    rf"\s*(?:is|was|:|-)?\s*(?P<month>{_MONTH}\.?,?\s+|\d{{1,2}}\s?[/.-]\s?)?$",
    re.IGNORECASE,
)


# After a cue only: a date typed with spaces ("DOB: 12 03 1989") or a birthday without its year ("birthday is 12th
# March").
_CUE_THEN_DATE = re.compile(
    r"(?=[dDbB])(?:(?<![A-Za-z])d\.?o\.?b\.?(?![A-Za-z])|\bdate\s+o(?:f|['’])?\s+birth\b|\bbirth\s?date\b|\bborn\b|"
    r"\bbirthday\b)"
    r"[\s:;,(\-|._]*(?:(?:is|was|on|the)\s+)*"
    # "DOB 12031989", "dob 120389": a date typed without separators, after a cue only
    rf"(?P<date>(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)?\d{{2}}(?!\d)"
    rf"|\d{{1,2}} \d{{1,2}} (?:19|20)?\d{{2}}|\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)(?![\d/.-]?\d|,?\s+(?:19|20)?\d{{2}}\b)",
    re.IGNORECASE,
)


def find_dates_of_birth(text: str, names: Sequence[Span] = ()) -> Iterable[Span]:
    """Dates given as a date of birth: after a cue ("DOB", "born"), or straight after a person's name."""
    name_ends = sorted((end, start) for start, end, _ in names)
    found: list[tuple[int, int]] = []
    for match in _DATE.finditer(text):
        if not _plausible_date(match):
            continue
        if _after_cue(text, match) or _after_name(text, match, name_ends):
            found.append(match.span())
            yield match.start(), match.end(), "date_of_birth"
    for match in _RELATIVE_THEN_DATE.finditer(text):
        start, end = match.span("date")
        if not any(start < other_end and other_start < end for other_start, other_end in found):
            found.append((start, end))
            yield start, end, "date_of_birth"  # "Dad (14.2.39) is at Flat 2": a relative named by relation
    for match in _CUE_THEN_DATE.finditer(text):
        start, end = match.span("date")
        if not any(start < other_end and other_start < end for other_start, other_end in found):
            found.append((start, end))
            yield start, end, "date_of_birth"
    for year in _YEAR.finditer(text):  # years first, then the cue behind them: years are few
        if any(other_start <= year.start() < other_end for other_start, other_end in found):
            continue
        if not _DOB_CUE.search(text, max(0, year.start() - 40), year.start()):
            continue
        cue = _PARTIAL_DOB_BEFORE.search(text, max(0, year.start() - 40), year.start())
        if cue is None:
            continue
        start = cue.start("month") if cue.group("month") else year.start()
        if not any(start < other_end and other_start < year.end() for other_start, other_end in found):
            yield start, year.end(), "date_of_birth"


# A year in brackets straight after a first name is the year that person was born when the sentence is about
# children or says "born": "children Mina (2016) and Omid (2019)". Otherwise it may be when something happened
# ("convictions against two partners: Kinga (2015) and Natalia (2020)"); after a surname it is a citation ("Munro
# (2011)"), so the name must end in a first name.
_YEAR_IN_BRACKETS = re.compile(r"\s?\((?P<born>b\.\s?|born\s)?(?P<year>(?:19|20)\d{2})\)")
_CHILDREN_BEFORE = re.compile(
    r"\b(?:children|child|kids|sons?|daughters?|babies|baby|siblings|twins|grandchildren|stepchildren)\b[^.;\n]*$",
    re.IGNORECASE,
)


def years_of_birth(text: str, names: Sequence[Span], is_first_name: Callable[[str], bool]) -> Iterable[Span]:
    if "(" not in text:
        return
    for start, end, _ in names:
        year = _YEAR_IN_BRACKETS.match(text, end)
        if year is None or not is_first_name(text[start:end].split()[-1]):
            continue
        if year.group("born") or _CHILDREN_BEFORE.search(text, max(0, start - 80), start):
            yield year.start("year"), year.end("year"), "date_of_birth"


_AGE_BEFORE = re.compile(
    r"\b(?:aged?\s*\d{1,3}|\d{1,3}\s*(?:yrs?|years?(?:\s+old)?|y/?o))\s*[,(\[-]?\s*$", re.IGNORECASE
)


def _after_cue(text: str, match: re.Match[str]) -> bool:
    if _AGE_BEFORE.search(text, max(0, match.start() - 24), match.start()):
        return True  # "a woman aged 34 (12.03.89)": an age and then a date is the date of birth
    window_start = max(0, match.start() - 64)
    cues = list(_DOB_CUE.finditer(text, window_start, match.start()))
    if not cues:
        return False
    gap = text[cues[-1].end() : match.start()]
    if cues[-1].group().lower() == "born" and _CUT_OFF_GAP.match(gap):
        return False  # "first child born before 6 April 2017": a rule's cut-off date, not anyone's birth
    short_gap = len(gap) <= 16 and not re.search(r"[.!?;\n]", gap)
    restated = not cues[-1].group().lower().startswith("born") and _DOB_RESTATED.search(gap) is not None
    # "DOB checked for funding panel: 22 June 1979", "Her DOB for the referral: 19/02/2011": a label's colon
    labelled = _DOB_LABEL_GAP.match(gap) is not None and not _in_the_future(match)
    return bool(_DOB_GAP.match(gap)) or short_gap or restated or labelled


_CUT_OFF_GAP = re.compile(r"\s*(?:on\s+or\s+)?(?:before|after|since|between|until|till|prior\s+to)\b", re.IGNORECASE)
_DOB_LABEL_GAP = re.compile(r"^[^.!?;:\n\d]{0,40}:\s*$")


# The date of birth restated or corrected later in the cue's clause: "dob on the referral is wrong - should be
# 22/3/14", "DOB on the old file reads 3.4.88". Not a date that something happened on ("DOB checked on 12/03").
_DOB_RESTATED = re.compile(
    r"^[^.!?;\n\d]{0,50}\b(?:s(?:hould|hd|hud)\s+(?:be|read|say)|is\s+actually|actually|correct(?:ed)?\s+(?:to|is|as)|"
    r"amended\s+to|changed\s+to|reads?|says|shows?|states?|matches|given\s+as|recorded\s+as|listed\s+as|"
    r"entered\s+as|down\s+as|is|was|claims|claimed|disputed)\s*[:(]?\s*$",
    re.IGNORECASE,
)


_ROOM_IN_GAP = re.compile(r"\b(?:room|rm|bed|bay)\b", re.IGNORECASE)


def _after_name(text: str, match: re.Match[str], name_ends: list[tuple[int, int]]) -> bool:
    """A date right after a name, with at most punctuation or an age between, is that person's date of birth."""
    at = bisect.bisect_right(name_ends, (match.start(), len(text)))  # the last name ending before the date: no scan
    if at == 0 or match.start() - name_ends[at - 1][0] > 40:
        return False
    name_end, name_start = name_ends[at - 1]
    gap = text[name_end : match.start()]
    if not _NAME_DATE_GAP.match(gap) or _in_the_future(match):
        return False
    if _TIME_AFTER.match(text, match.end()):
        return False  # "Ms Eze, 03/12/2026 09:12": when something happened, not a birth
    if _ROOM_IN_GAP.search(gap) and _years_ago(match) < 16:
        return False  # "Jo Smith (room 4), 12/11/2026 seen by GP": a resident's day, not her birth
    if "\n" in gap and not _AFTER_LONE_DATE.match(text, match.end()):
        return False  # a chronology: a heading with the name, then "12 Jan 2026 - seen at ED" on the next line
    if gap.strip(" '") in ("", "s"):
        # "Shannon Hughes 12/03/1989" as a line of its own (a list of people), or a date straight after a name whose
        # year is a birth year, not an event's ("Tomasz Zielinski 12/7/85 was released"; not "saw Jade 12 May 2025")
        if _line_start_before(text, name_start) and _AFTER_LONE_DATE.match(text, match.end()):
            return True
        if _CHILDREN_BEFORE.search(text, max(0, name_start - 80), name_start) and _years_ago(match) >= 0:
            return True  # "Children: Zayn 02/06/2018, Aleena 15/09/2021"
        return _years_ago(match) >= 12
    return True


def _line_start_before(text: str, position: int) -> bool:
    """Only a list marker or a short label stands between the line's start and `position` ("- ", "Subject: "). The
    look back is bounded, so a long text of names and dates costs linear time."""
    window = max(0, position - 80)
    line_start = text.rfind("\n", window, position)
    if line_start < 0 and window > 0:
        return False
    return bool(_LINE_START.match(text, max(line_start, 0), position))


def _years_ago(match: re.Match[str]) -> int:
    """How many years before this year the date's year is (two-digit years read as the last century's when they
    are ahead of this year's: "85" is 1985, "09" is 2009); -1 without a year."""
    year = match.group("y1") or match.group("y2") or match.group("y3") or match.group("y4")
    if not year:
        return -1
    digits = year.lstrip("'")
    this_year = date.today().year
    if len(digits) == 2:
        value = 2000 + int(digits)
        digits = str(value if value <= this_year else value - 100)
    return this_year - int(digits)


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
    r"Causeway|Dale|Quay|Reach|Strand|End|Side|Bank|Common|Wood|Lanes|Walks|St(?![A-Za-z'’]|\s+[A-Z]))"
)
_UPPER = "A-ZÀ-ÖØ-ÞŴŶ"
_LETTER = r"[^\W\d_]"
_STREET_WORD = rf"(?:[{_UPPER}]{_LETTER}*(?:['’]{_LETTER}+)?['’]?(?:-{_LETTER}+(?:['’]{_LETTER}+)?)*)"
_BUILDING_SUFFIX = (
    r"(?:House|Court|Lodge|Mansions|Point|Tower|Heights|Buildings|Block|Hostel|Hall|Villas|Hotel|Cottages?|Farm|"
    r"Barn|Bungalow|Inn|Mill|Works|Chambers|Apartments|Residence|Quarter|Exchange|Studios)"
)
# Welsh streets put the street word first: "Heol y Nant", "Ffordd Glyn", "Stryd Fawr", "Maes yr Haf", "Lôn Las".
_WELSH_STREET = (
    rf"(?:Heol|Hewl|Ffordd|Stryd|Lôn|Lon|Maes|Rhodfa|Cilgant|Teras|Clos|Llys|Rhes|Cwrt|Llwybr|Ale)"
    rf"(?:\s+(?:(?:y|yr|'r)\s+)?{_STREET_WORD}){{1,2}}"
)
# Welsh house names: "Tŷ Gwyn", "Bryn Awel", "Plas Newydd".
_WELSH_HOUSE = (
    rf"(?:(?:T[ŷy]|Plas|Bryn|Hafod|Hendre|Bwthyn)\s+(?:(?:y|yr)\s+)?{_STREET_WORD}"
    rf"|[{_UPPER}][a-zŵŷâêîôû]+-(?:y|yr|'r)-[{_UPPER}][a-zŵŷâêîôû]+)"
)
_BUILDING = rf"(?:(?:{_STREET_WORD}\s+){{1,3}}{_BUILDING_SUFFIX}|{_WELSH_HOUSE})"
# Streets named "The ..." without a street word: "2 The Spinney", "14 The Maltings".
_THE_STREETS = (
    r"(?:Spinney|Paddock|Paddocks|Coppice|Copse|Maltings|Ridings|Sidings|Hollies|Beeches|Willows|Laurels|Limes|Elms|"
    r"Oaks|Poplars|Firs|Pines|Cedars|Birches|Chestnuts|Sycamores|Rowans|Maples|Larches|Hawthorns|Hazels|Orchard|"
    r"Glebe|Dell|Dingle|Nook|Pastures|Cloisters|Precinct|Leas|Quadrant|Circus|Retreat|Fairway|Ridgeway|Highway|"
    r"Shambles|Warren|Holloway|Butts|Knoll|Rookery|Granary|Stables|Courtyard|Hamlet|Brambles|Hedgerows|Uplands|"
    r"Lawns|Limes|Moorings|Pightle|Willows|Woodlands|Groves|Gables)"
)
_LONE_STREETS = r"(?:Broadway|Esplanade|Promenade|Strand|Quayside|Boulevard|Parade|Embankment)"
_STREET = (
    rf"(?:(?:The\s+|St\.\s+)?(?:{_STREET_WORD}\s+){{1,3}}{_STREET_SUFFIX}|The\s+{_STREET_SUFFIX}|(?:The\s+)?{_LONE_STREETS}"
    rf"|The\s+{_THE_STREETS}|{_WELSH_STREET})"
)
# A flat, room, pitch or plot before the house number or the building: "Flat 3, 9 Peabody Buildings",
# "First Floor Flat, 62 Dale Street", "Pitch 4, Lower Lane Travellers Site", "Room 11, Crown Hotel, 2 Esplanade".
_UNIT = (
    r"(?:(?:Flat|Apartment|Apt|Room|Rm|Unit|Studio|Maisonette|Pitch|Plot|Berth|Bedsit|Caravan)\.?\s+\d{1,4}[A-Za-z]?"
    r"|Flat\s+[A-H](?![\w'])|(?:Ground|First|Second|Third|Top|Basement|Upper|Lower)[\s-]+Floor"
    r"(?:\s+(?:Flat|Maisonette|Apartment|Front|Back|Rear))?|(?:Basement|Garden|Top|Attic)\s+Flat)"
)
_SITE = rf"(?:{_STREET_WORD}\s+){{1,4}}(?:Site|Park|Camp|Marina|Moorings)"
_NUMBERED_BUILDING = (
    rf"(?:{_STREET_WORD}\s+){{1,3}}(?:Buildings|Mansions|House|Tower|Hostel|Hotel|Lodge|Block|Hall|Cottages?|Point)"
)
_ADDRESS = re.compile(
    rf"(?=[\d{_UPPER}])(?:{_UNIT},?\s+(?:(?:{_BUILDING}|{_SITE}),?\s+)?)?"
    rf"(?<![\w£$.,:/-])\d{{1,4}}[A-Za-z]?(?:\s?[-–]\s?\d{{1,4}}[A-Za-z]?)?,?\s+"  # not "the A4 Bath Road"
    rf"(?:{_STREET}|(?P<building>{_NUMBERED_BUILDING}))"
    rf"(?![A-Za-z])"
)
_ADDRESS_FALSE_LEAD = re.compile(
    r"(?:\baged?|\bsection|\bs\.|\b(?:bus|route|platform|junction|gate|bay|bed)(?:\s+(?:number|no\.?))?)\s*$",
    re.IGNORECASE,
)
# Before a number and a building ("12 Tennyson House"), words that make the number something else: "Ward 12 ...".
_BUILDING_FALSE_LEAD = re.compile(
    r"\b(?:ward|level|floor|tier|band|item|case|cases|page|step|stage|week|weeks|year|years|day|days|wave|cohort|"
    r"group|team|module|session|zone|over|under|about|around|of|for|the|to)\s*$",
    re.IGNORECASE,
)
# "Room 12, Arlington House", "Pitch 4, Lower Lane Travellers Site": a unit in a named building or site, with no
# street number; "Orchard House, Church Lane", "Tŷ Gwyn, Ffordd y Capel": a house name and then its street.
_BUILDING_ADDRESS = re.compile(
    r"(?=(?:Flat|Apartment|Apt|Room|Rm|Unit|Studio|Maisonette|Pitch|Plot|Berth|Bedsit|Ground|First|Second|Third|"
    r"Top|Basement|Upper|Lower|Garden|Attic)\b)"
    rf"\b{_UNIT},?\s+(?:the\s+)?(?:{_BUILDING}|{_SITE})(?![A-Za-z])"
)
# Found from the comma: the street after it first (rarely there), then the house name before it.
_COMMA = re.compile(rf",\s+(?=[{_UPPER}])")
_STREET_AFTER_COMMA = re.compile(rf"(?:{_STREET})(?![A-Za-z])")
_HOUSE_BEFORE_COMMA = re.compile(rf"(?<![\w'’-]){_BUILDING}$")
# A home by its name, after "at", where no street or postcode is given (farms, crofts, cottages; Welsh and Gaelic
# house names): "the Quinn family at Lisnamallard Cottage", "Peigi Ross at Tigh na Mara, Clashnessie", "up at
# Glan-yr-Afon, Cwm Rheidol". Not a hall, a house or a court: those are as often services as homes.
_HOME_SUFFIX = r"(?:Cottage|Cottages|Farm|Farmhouse|Barn|Bungalow|Croft|Steading|Crofthouse)"
_NAMED_HOME = (
    rf"(?:(?:[{_UPPER}][\w'’-]+\s+){{1,3}}{_HOME_SUFFIX}|The\s+(?:Bothy|Old\s+[{_UPPER}][\w'’-]+)|"
    rf"(?:Tyddyn|Tigh|Taigh|T[ŷy]|Bwthyn|Plas|Hafod|Hendre)\s+(?:(?:na|nan|an|y|yr)\s+)?[{_UPPER}][\w'’-]+|"
    rf"[{_UPPER}][a-zŵŷâêîôû]+(?:-| )(?:y|yr|'r)(?:-| )[{_UPPER}][a-zŵŷâêîôû]+(?:\s+{_HOME_SUFFIX})?)"
)
_AT_A_HOME = re.compile(
    rf"\bat\s+(?P<home>{_NAMED_HOME}(?:,\s+[{_UPPER}][\w'’-]+(?:[ -][{_UPPER}][\w'’-]+)?)?)"
    rf"(?![\w'’-]|,\s*\d|\s+{_HOME_SUFFIX}\b)"  # not the start of a longer address
    r"(?!\s+(?:Cafe|Café|Tea\s?[Rr]ooms?|Shop|Stores?|Inn|Pub|Restaurant|Hotel|Nursery|Surgery|Centre|Center|Kitchen|"
    r"Bakery|Gardens?|Park|Club|Hall|Church|Chapel|School|Practice|Clinic|Trust|Project|Holidays?|Lets?|Market)\b)"
)
_NAMED_HOME_PART = re.compile(_NAMED_HOME)
# A street with no house number where the text says someone lives there: "she lives on Rowan Close", "moved to
# Ashdown Road last month", "address: Heol y Nant".
_RESIDENCE_CUE = re.compile(
    r"(?=[lrsmhpaLRSMHPA])\b(?:(?P<move>moved|moving|housed|placed|relocated|rehoused)|lives|living|lived|live|"
    r"resides|residing|stays|staying|stopping|address(?:\s+is)?|home\s+is|flat\s+is|house\s+is|accommodation|"
    r"accommodated|squatting|sofa[\s-]surfing)\s*"
    r"(?:(?:on|in|at|to|into)\s+)?(?:[:,-]\s*)?",
    re.IGNORECASE,
)
# A move is a person's only when a person moved: "she moved to Ashdown Road", not "the office moved to ...".
_PERSON_MOVED = re.compile(
    r"\b(?:he|she|they|i|we|him|her|them|family|mum|dad|son|daughter|client|tenant|resident|sister|brother|"
    r"partner)(?:['’]s)?\s+(?:has\s+|have\s+|had\s+|was\s+|were\s+|been\s+|is\s+|just\s+)*$",
    re.IGNORECASE,
)
_STREET_ALONE = re.compile(rf"(?=[{_UPPER}])(?:{_STREET})(?![A-Za-z])")
# Public buildings that stand before a street: "the Friends Meeting House, Mount Street" is a venue, not a home.
_VENUE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_VENUE_BUILDING = re.compile(
    r"(?:Meeting|Town|Guild|Village|Church|Community|Council|Court|Custom|Civic)\s+(?:House|Hall)"
)
# An address given for a pharmacy, surgery or other public premises is theirs, not a person's:
# "Rowlands Pharmacy, 24-26 High St", "the Jenner Health Centre, 12 Old Road".
_PREMISES_BEFORE = re.compile(
    r"(?:Pharmacy|Chemists?|Surgery|Medical\s+(?:Centre|Practice)|Health\s+Centre|Practice|Clinic|Library|"
    r"Jobcent(?:re|er)(?:\s+Plus)?|Job\s+Centre(?:\s+Plus)?|Police\s+Station|Town\s+Hall|Civic\s+Centre|"
    r"Community\s+Centre|Day\s+Centre|Leisure\s+Centre|Food\s?bank|Church|Mosque|Temple|Gurdwara|Synagogue|School|"
    r"College|Academy|Caf[eé]|Magistrates['’]?\s+Court|Crown\s+Court|County\s+Court|Council\s+Offices|Offices|"
    r"Hospital|Boots|Superdrug|Lloyds\s?[Pp]harmacy)['’]?s?\s*[,(]?\s*$"
)
# Before a street address, what belongs to it: "Flat 12, ", "Room 14, Travelodge, ", "c/o grandmother, ",
# "Willow House Children's Home, " (a named building ending in a building word).
_PLACE_WORD = (
    r"(?:House|Home|Hostel|Hotel|Lodge|Court|Centre|Center|Mission|Refuge|Foyer|Shelter|Project|Flats|Cottages?|"
    r"Farm|Hall|Mansions|Buildings|Apartments|Residence|Villas|Lodgings|Travelodge|Inn|Premises|Rectory|Vicarage|"
    r"Manse|Grange|Manor|Farmhouse)"
)
_BEFORE_STREET = re.compile(
    rf"(?:(?<![\w/])c/o\s+[^,.;:\n]{{1,40}},\s+"
    rf"|(?<![\w'’-])(?:{_UNIT},?\s+)?(?:(?:{_STREET_WORD}\s+){{0,3}}{_PLACE_WORD},\s+)"
    rf"|(?<![\w'’-]){_UNIT},?\s+"
    r"|(?<![\w'’-])(?:Flat|Apartment|Apt|Room|Rm|Unit|Studio|Maisonette|Bedsit)\.?\s+)$"  # "Flat 3, Marlowe Rise"
)
# After a word that says someone lives there, a house number and a name with no street word ("lives at 6 Brookside,
# Halewood", "address: 23 Windermere"), or a flat in a block of an estate ("Flat 14, Block C, Park Estate").
_CUED_NUMBERED = re.compile(
    rf"(?:(?:no\.?|number)\s+)?(?P<start>\d{{1,4}}[A-Za-z]?),?\s+(?:{_STREET_WORD}\s+){{0,2}}{_STREET_WORD}(?![\w'’-])"
)
_CUED_UNIT = re.compile(
    rf"{_UNIT}(?:,?\s+(?:Block|Floor|Level)\s+[A-Z0-9]{{1,3}}\b)?,\s+(?:{_STREET_WORD}\s+){{0,3}}{_STREET_WORD}"
    rf"(?![\w'’-])"
)
_NOT_A_STREET_NAME = words.MONTHS | words.WEEKDAYS | words.COMMON_WORDS - {"Park", "Green", "Hill"}
# Where someone is put up, then its street: "accommodation at the Travelodge, Station Road, Crewe".
_PLACE_THEN_STREET = re.compile(
    rf"(?:the\s+)?(?:{_STREET_WORD}\s+){{0,3}}{_PLACE_WORD},\s+(?=[{_UPPER}])(?:{_STREET})(?![A-Za-z])"
)
_UPPER_POSTCODE = re.compile(rf"(?=[A-PR-UWYZ])(?<![A-Za-z0-9]){_OUTWARD} ?[0-9][ABD-HJLNP-UW-Z]{{2}}(?![A-Za-z0-9])")
_BEFORE_STREET_END = re.compile(r"(?:,|[\dA-Za-z],?)\s+$")
# "c/o The Whitechapel Mission, ", "care of her nan, ": a postal address through someone else.
_CARE_OF = re.compile(r"(?=[cC])(?<![\w/])(?:c/o|care of)\s+[^,.;:\n]{1,40},\s+(?=[\d" + _UPPER + r"])", re.IGNORECASE)
# After a street, its district and town: ", Sowerby Bridge", ", Hyson Green, Nottingham", ", Barrow-in-Furness", up to
# the postcode or the end of the clause.
_TOWN_WORD = r"[A-Z][a-z]+(?:[ -](?:on|upon|in|under|le|by|super|[A-Z][a-z]+)){0,3}"
_POSTCODE_AHEAD = rf"\s+{_OUTWARD}\s?[0-9][A-Z]{{2}}(?![A-Za-z0-9])"
_TOWNS_AFTER = re.compile(
    rf"(?:,\s+{_TOWN_WORD}){{1,2}}(?=\s*(?:[,.;)\n]|$)|{_POSTCODE_AHEAD}|\s+(?:since|until|till|today|yesterday|"
    r"tonight|now|and|with|where|which|from|for|on|at|in|near|last|this|next|before|after|but)\b)"
)
_NOT_A_TOWN = words.COMMON_WORDS | words.MONTHS | words.WEEKDAYS | words.GREETINGS | words.TITLES
# A room or flat in a named place on a street with no number: "Room 14, Travelodge, London Road".
_UNIT_IN_PLACE = re.compile(
    r"(?=[FARUSMPBGTL])(?=(?:Flat|Apartment|Apt|Room|Rm|Unit|Studio|Maisonette|Pitch|Plot|Berth|Bedsit|Ground|First|Second|Third|"
    r"Top|Basement|Upper|Lower|Garden|Attic)\b)"
    rf"\b{_UNIT},?\s+(?:the\s+)?(?:{_STREET_WORD}\s+){{0,3}}{_PLACE_WORD},\s+(?:{_STREET})(?![A-Za-z])"
)
# A house name with no street, then its town and postcode: "Tan-y-Bryn, Llanrug, Caernarfon LL55 4AA".
_HOUSE_NAME_THEN_TOWN = re.compile(
    rf"(?<![\w'’-])(?P<house>{_BUILDING}(?:,\s+{_TOWN_WORD}){{1,2}}"
    rf"|(?=[FARUSMPBGTL]){_UNIT},?\s+{_STREET_WORD}(?:\s+{_STREET_WORD})?(?:,\s+{_TOWN_WORD}){{0,2}}),?\s+$"
)
# "Room 3, Hope House" after a time or a meeting: a room booked for a meeting, not where anyone lives.
_MEETING_BEFORE = re.compile(
    r"(?:\b(?:committee|meeting|conference|board|training|seminar|interview|function|consulting|group)\s*"
    r"|\d\s*(?:am|pm)\b[\s,]*(?:in\s+|at\s+)?|\b\d{1,2}[:.]\d{2}\b[\s,]*(?:in\s+|at\s+)?)$",
    re.IGNORECASE,
)


_ROOM_BEFORE = re.compile(r"\b(?:Room|Rm)\.?\s+$")


def _meeting_room(text: str, match: re.Match[str], end: int | None = None) -> bool:
    start = match.start()
    if _MEETING_BEFORE.search(text, max(0, start - 20), start):
        return True
    return bool(_VENUE_BUILDING.search(text, start, end or match.end()))


def _address_start(text: str, start: int) -> int:
    if not _BEFORE_STREET_END.search(text, max(0, start - 4), start):
        return start  # nothing can stand before: no comma, no flat number or letter
    before = _BEFORE_STREET.search(text, max(0, start - 80), start)
    if before is None:
        return start
    return before.start()


def _address_end(text: str, end: int) -> int:
    towns = _TOWNS_AFTER.match(text, end)
    if towns is None:
        return end
    for town in re.finditer(r",\s+([^,]+)", towns.group()):
        if town.group(1) in _NOT_A_TOWN:
            return end  # "12 Mill Lane, Thanks."
    return towns.end()


def address_town(address: str) -> str | None:
    """The town at the end of an address found here ("12 Mill Lane, Hove" -> "Hove"), if it has one."""
    match = re.search(rf",\s+({_TOWN_WORD})$", address)
    if match is None or _STREET_ALONE.fullmatch(match.group(1)) or _BUILDING_ONLY.fullmatch(match.group(1)):
        return None
    return match.group(1)


_BUILDING_ONLY = re.compile(rf"{_BUILDING}|(?:{_STREET_WORD}\s+){{0,3}}{_PLACE_WORD}")


# "im at 14 elm grove": a street in lower case, only after a word that introduces an address.
_LOWER_STREET_SUFFIX = (
    r"(?:road|rd|street|st|lane|ln|avenue|ave|close|drive|way|crescent|grove|gardens|terrace|place|court|walk|rise|"
    r"parade|square|mews|hill|park|view|green|row)"
)
_LOWER_ADDRESS = re.compile(
    r"(?=[\dfrua])(?<![\w£$.,:/-])(?:(?:flat|room|unit|apartment|apt)\s+\d{1,4}[a-z]?,?\s+)?"
    rf"\d{{1,4}}[a-z]?,?\s+((?:[a-z][a-z'-]+\s+){{1,2}}){_LOWER_STREET_SUFFIX}\b"
)
_LOWER_ADDRESS_CUE = re.compile(r"\b(?:at|to|in|address|addy|live|lives|living|staying|moved|c/o)\s*:?\s*$")
_NOT_STREET_WORDS = words.word_set(
    "the a an in on at of to up down my his her their our your this that and or by has have had been is was are"
)


# An address written out before its postcode, whatever its street is called: "The Old Forge, Church Lane, Little
# Snoring, Norfolk NR21 0AA", "19 Mount Pleasant, BL1 6QT", "Bryn Teg, Llanfair PG LL61 5AA". Comma-separated
# parts of capitalised words on the postcode's line, the first with a house number or after an address cue.
_ADDRESS_PART = (
    r"(?:\d{1,4}[A-Za-z]?,?\s+)?(?:The\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|on|upon|in|under|le|by|of|y|yr))*"
)
_PARTS_BEFORE_POSTCODE = re.compile(rf"(?P<address>{_ADDRESS_PART}(?:,[ \t]+{_ADDRESS_PART}){{0,4}}),?[ \t]+$")
_ADDRESS_CUE_BEFORE = re.compile(
    r"(?:\b(?:address(?:\s+is)?|addr|lives\s+at|living\s+at|staying\s+at|resides\s+at|moved\s+to|home\s+is|"
    r"c/o|care\s+of|new\s+address)|(?:^|\n)[ \t]*)[ \t]*:?[ \t]*$",
    re.IGNORECASE,
)
_NOT_A_HOME = re.compile(
    r"\b(?:Surgery|Pharmacy|Chemists?|Hospital|Clinic|Practice|Centre|Center|Offices?|Council|Library|School|"
    r"College|Academy|Church|Mosque|Temple|Station|Jobcentre|Trust|Ltd|Limited|Plc)(?:,|$)"
)  # a part that ends with one of these is a service's premises: "Riverside Surgery, Bolton"; not "Church Lane"


def _address_before_postcode(text: str, postcode_start: int) -> tuple[int, int] | None:
    line_start = max(text.rfind("\n", max(0, postcode_start - 120), postcode_start) + 1, postcode_start - 120)
    match = _PARTS_BEFORE_POSTCODE.search(text, line_start, postcode_start)
    if match is None:
        return None
    address = match.group("address")
    if _NOT_A_HOME.search(address) or not ("," in address or address[0].isdigit()):
        return None
    if address[0].isdigit() or _ADDRESS_CUE_BEFORE.search(text, max(0, match.start() - 20), match.start()):
        end = match.end("address")
        return match.start(), end
    return _from_the_street(match)


# A part of an address that is its street: a house number first, or a street word last ("Fen Lane", "4 Canal St").
_STREET_PART = re.compile(rf"^(?:\d|.*\b{_STREET_SUFFIX}$)")
# A part just before the street that belongs to the address: a named house, a flat, premises ("The Old Rectory",
# "Flat B", "The Bridge Approved Premises", "Achnagairn Farm Cottage"); not a person's name ("Harriet Chamberlain").
_HOUSE_PART = re.compile(
    rf"^(?:The\s|(?:Flat|Apartment|Apt|Room|Unit|Studio|Maisonette)\s)|\b(?:{_BUILDING_SUFFIX}|Premises|Rectory|"
    r"Vicarage|Manse|Grange|Manor|Farmhouse|Croft|Steading|Bothy)$"
)


def _from_the_street(match: re.Match[str]) -> tuple[int, int] | None:
    """An address written out before its postcode with no cue before it ("..., Lark Rise, Fen Lane, Ely CB6 2RR",
    "at The Old Rectory, Church Street, Cerne Abbas DT2 7JG"): from its street, or the named house or flat before
    the street, to the postcode. What stands before that (a person's name, a verb) is not the address."""
    address = match.group("address")
    offsets, position = [], 0
    for part in address.split(", "):
        offsets.append((position, part))
        position += len(part) + 2
    for index, (_offset, part) in enumerate(offsets):
        if index == len(offsets) - 1:
            return None  # the street must be followed by at least its town
        if _STREET_PART.match(part):
            if index > 0 and _HOUSE_PART.search(offsets[index - 1][1]):
                index -= 1
            return match.start("address") + offsets[index][0], match.end("address")
    return None


# A company's or a charity's registered office, given in its email footer: not where anyone lives.
_REGISTERED_OFFICE = re.compile(r"\bregistered\s+(?:office|address)(?:\s+(?:is|at))?\s*:?\s*$", re.IGNORECASE)


# A home with no house number, given before its postcode: "Tigh na Mara, Shore Street, Ullapool IV26 2UR", "The Old
# Forge, Clunton, Craven Arms SY7 0HU", "Nordhouse, Sandwick ZE2 9HP". Each part is a few capitalised words (Welsh,
# Gaelic and Cornish small words allowed), perhaps after a house number.
_ADDRESS_PART = re.compile(
    rf"(?:\d{{1,4}}[A-Za-z]?\s+)?[{_UPPER}]{_LETTER}*(?:['’-]{_LETTER}+)*"
    rf"(?:\s+(?:[{_UPPER}]{_LETTER}*(?:['’-]{_LETTER}+)*|an|na|nan|y|yr|ar|on|upon|de|la|le|of|the|h-[{_UPPER}]{_LETTER}*)){{0,4}}"
)


_INSTITUTION_WORDS = words.word_set(
    "Infirmary Hospital Hospitals Council Centre Center Surgery Practice Clinic School Academy College University "
    "Trust Police Station Office Offices Prison Library Church Mosque Temple Gurdwara Chambers Ltd Limited Plc"
)
_HOME_ON_LINE = re.compile(
    r"\b(?:home|lives?|living|stays?|staying|resides?|resident|address|placed|moved|moving|sleeps?|tenancy)\b",
    re.IGNORECASE,
)
_ADDRESS_LEAD = re.compile(r"[:—–]|\s-\s|\b(?:at|to|from|in|of)\s")


def _named_length(names: Sequence[Span], start: int, end: int) -> int:
    """How many characters of text[start:end] the names cover."""
    return sum(min(end, name_end) - max(start, name_start) for name_start, name_end, _ in names
               if name_start < end and start < name_end)  # fmt: skip


def addresses_before_postcodes(text: str, names: Sequence[Span] = ()) -> Iterable[Span]:
    """The parts of a line before a person's postcode, up to the town: a house name and its lane or village. Stops at
    a label (":"), a name the detector read, or anything that is not an address part; the last part is the town when
    there are three or more."""
    names = sorted(names)
    name_starts = [start for start, _, _ in names]
    for match in _POSTCODE.finditer(text):
        window = max(0, match.start() - 400)  # a line's address is near its postcode: a long line stays linear
        line_start = text.rfind("\n", window, match.start()) + 1 or window
        # the names on this stretch of the line only (names are disjoint, so sorted by start is sorted by end)
        nearby = names[
            bisect.bisect_left(name_starts, line_start - 80) : bisect.bisect_right(name_starts, match.start())
        ]
        parts: list[tuple[int, int]] = []
        end = match.start()
        while len(parts) < 5:
            piece_end = end
            while piece_end > line_start and text[piece_end - 1] in " ,":
                piece_end -= 1
            comma = text.rfind(",", line_start, piece_end)
            piece_start = comma + 1 if comma >= 0 else line_start
            if piece_end - piece_start > 80:
                piece_start = piece_end - 80  # an address part is short: a long line costs no more than this
            leads = list(_ADDRESS_LEAD.finditer(text, piece_start, piece_end))  # "home — The Old Forge", "at Nordhouse"
            lead = leads[-1] if leads else None
            piece_start = lead.end() if lead else piece_start
            while piece_start < piece_end and text[piece_start] == " ":
                piece_start += 1
            if piece_start >= piece_end or not _ADDRESS_PART.fullmatch(text, piece_start, piece_end):
                break
            words_in_part = text[piece_start:piece_end].split()
            if words_in_part[0] in words.TITLES:
                break  # "Mrs Peggy Morrison, 17 Lower Barvas": the person, then her address
            if any(word in _INSTITUTION_WORDS for word in words_in_part):
                parts = []  # "Leeds General Infirmary, Great George Street": an organisation's address
                break
            named = _named_length(nearby, piece_start, piece_end)
            if named * 2 >= piece_end - piece_start and not _NAMED_HOME_PART.fullmatch(text, piece_start, piece_end):
                break  # a person's name, not "Tigh na Mara" or "Tan y Bryn" with a name-like word in it
            parts.append((piece_start, piece_end))
            if comma < 0 or lead:
                break
            end = comma
        if len(parts) >= 3:
            parts = parts[1:]  # the town
        if not parts or (len(parts) == 1 and text[parts[0][0] : parts[0][1]].split()[-1] in words.TOWNS):
            continue
        # Someone's home only when the line says whose or that it is one: "Iain Munro, Tigh na Mara, ...", "stays with
        # granny at Nordhouse, ...", "home - The Old Forge, ..."; not "Met her at Costa, Bolton BL1 6QT".
        start = parts[-1][0]
        if _HOME_ON_LINE.search(text, line_start, start) or any(line_start <= end <= start for _, end, _ in nearby):
            yield start, parts[0][1], "address"


# A letter's address block: the person's name, then their house and street, their town and their postcode, each on
# its own line ("Mr A. Grzelak\nThe Old Bakehouse, Church Street\nBingley\nBD16 2NB").
_BLOCK_LINE = re.compile(rf"{_ADDRESS_PART.pattern}(?:,\s*{_ADDRESS_PART.pattern})*,?")


def address_blocks(text: str, names: Sequence[Span] = ()) -> Iterable[Span]:
    names = sorted(names)
    name_starts = [start for start, _, _ in names]
    for match in _POSTCODE.finditer(text):
        line_start = text.rfind("\n", max(0, match.start() - 200), match.start()) + 1
        if line_start == 0 or text[line_start : match.start()].strip():
            continue  # the postcode is not alone on its line
        lines: list[tuple[int, int]] = []
        end = line_start - 1
        while len(lines) < 4 and end > 0:
            start = text.rfind("\n", max(0, end - 80), end) + 1
            line = text[start:end].strip()
            if not line or not _BLOCK_LINE.fullmatch(line) or line.split(" ", 1)[0].rstrip(".") in words.TITLES:
                break  # the name line above the block ("Ms Jo Kerr") ends it
            on_line = names[bisect.bisect_left(name_starts, start - 80) : bisect.bisect_left(name_starts, end)]
            named = _named_length(on_line, start, end)
            if named * 2 >= len(line) and not _NAMED_HOME_PART.fullmatch(line):
                break  # "Jo Kerr" with no title: the name line above the block, not "Tan y Bryn"
            if any(part.split()[-1] in _INSTITUTION_WORDS for part in line.split(",") if part.strip()):
                break  # "Civic Centre", "Townhead Surgery": a service's address, not "Church Street"
            lines.append((start, start + len(text[start:end].rstrip())))
            end = start - 1
        if not lines or end <= 0:
            continue
        above = text[text.rfind("\n", 0, end) + 1 : end]
        at = bisect.bisect_left(name_starts, end - len(above))
        named = at < len(name_starts) and name_starts[at] < end
        if not (named or above.split(" ", 1)[0].rstrip(".") in words.TITLES):
            continue  # a block is someone's only under their name: not a service's letterhead
        if len(lines) >= 2:
            lines = lines[1:]  # the town
        yield lines[-1][0], lines[0][1], "address"


def find_addresses(text: str) -> Iterable[Span]:
    """Street addresses, each from the flat, room, house name or "c/o" up to the town, without the postcode."""
    for start, end, kind in _find_addresses(text):
        if _REGISTERED_OFFICE.search(text, max(0, start - 32), start) or _counts_after_places(text, start, end):
            continue
        yield start, end, kind


# A list of places, each with its count after it: "Nightingale House 12, Pankhurst Place 8", "Marie Curie Hospice 0,
# Martin House (children's) n/a". The number before the comma is the place's before it, not a house number.
_PLACE_THEN_COUNT = re.compile(r"\b(?P<word>[A-Z][a-z]+) $")
_COUNT_THEN_PLACE = re.compile(r"\d{1,3}, [A-Z]")
_NUMBERED_PARTS = words.word_set("Flat Unit Room Apartment Apt Block Suite No Number Plot Bed Bay Floor")
_COUNT_AFTER = re.compile(r" \d{1,3}\b| \(| n/a\b")


def _counts_after_places(text: str, start: int, end: int) -> bool:
    if not _COUNT_THEN_PLACE.match(text, start):
        return False
    before = _PLACE_THEN_COUNT.search(text, max(0, start - 30), start)
    return (
        before is not None and before.group("word") not in _NUMBERED_PARTS and _COUNT_AFTER.match(text, end) is not None
    )


def _find_addresses(text: str) -> Iterable[Span]:
    streets = list(_find_streets(text))
    for start, end, kind in streets:
        yield _address_start(text, start), _address_end(text, end), kind
    street_ends = sorted(end for _, end, _ in streets)
    for postcode in _UPPER_POSTCODE.finditer(text):
        at = bisect.bisect_right(street_ends, postcode.start())
        if at and postcode.start() - street_ends[at - 1] <= 60:
            continue  # the street before it was found already
        house = _HOUSE_NAME_THEN_TOWN.search(text, max(0, postcode.start() - 90), postcode.start())
        if house is not None:
            yield house.start(), house.end("house"), "address"  # "Tan-y-Bryn, Llanrug LL55 4AA"
            continue
        written_out = _address_before_postcode(text, postcode.start())
        if written_out is not None:
            yield *written_out, "address"  # "The Old Forge, Church Lane, Little Snoring, Norfolk NR21 0AA"


def _cued_numbered(text: str, at: int) -> re.Match[str] | None:
    """ "lives at 6 Brookside", "Lives at Flat 14, Block C, Park Estate": after a residence cue only."""
    match = _CUED_UNIT.match(text, at)
    if match is not None:
        return match
    match = _CUED_NUMBERED.match(text, at)
    if match is None:
        return None
    named = match.group()[match.end("start") - match.start() :].replace(",", " ").split()
    dictionary = load_name_data().dictionary
    if any(word in _NOT_A_STREET_NAME or len(word) < 3 or word.lower() in dictionary for word in named):
        return None  # "staying at 5 Star Hotel", "address: 12 May", "living at 2 Seasons": ordinary words
    return match


def _find_streets(text: str) -> Iterable[Span]:
    for match in _ADDRESS.finditer(text):
        before = text[max(0, match.start() - 40) : match.start()]
        if _ADDRESS_FALSE_LEAD.search(before[-16:]) or _PREMISES_BEFORE.search(before):
            continue
        if match.group("building") and match.group()[0].isdigit() and _BUILDING_FALSE_LEAD.search(before[-16:]):
            continue
        room = _ROOM_BEFORE.search(text, max(0, match.start() - 8), match.start())
        if room and _meeting_room(text, room, match.end()):
            continue  # "at 2pm, Room 3, Hope House"
        yield match.start(), match.end(), "address"
    for cue in _AT_A_HOME.finditer(text):
        if not _meeting_room(text, cue):
            yield cue.start("home"), cue.end("home"), "address"  # "Gwilym Jones at Tyddyn Bach, Llanfihangel"
    for cue in _RESIDENCE_CUE.finditer(text):
        match = _STREET_ALONE.match(text, cue.end()) or _PLACE_THEN_STREET.match(text, cue.end())
        if match is None and not cue.group("move"):
            match = _cued_numbered(text, cue.end())
        if match is None:
            continue
        if cue.group("move") and not _PERSON_MOVED.search(text, max(0, cue.start() - 30), cue.start()):
            continue
        yield match.start(), match.end(), "address"
    for match in _BUILDING_ADDRESS.finditer(text):
        if match.group().startswith(("Room", "Rm")) and _meeting_room(text, match):
            continue
        yield match.start(), match.end(), "address"
    for match in _UNIT_IN_PLACE.finditer(text):
        if not _meeting_room(text, match):
            yield match.start(), match.end(), "address"  # "Room 14, Travelodge, London Road"
    for match in _CARE_OF.finditer(text):
        street = _STREET_ALONE.match(text, match.end()) or _ADDRESS.match(text, match.end())
        if street is not None:
            yield match.start(), street.end(), "address"  # "c/o Emmaus, Drove Road": a postal address
    for comma in _COMMA.finditer(text):
        street = _STREET_AFTER_COMMA.match(text, comma.end())
        if street is None:
            continue
        house = _HOUSE_BEFORE_COMMA.search(text, max(0, comma.start() - 60), comma.start())
        if house is None or _VENUE_BUILDING.search(house.group()):
            continue
        if _VENUE_BEFORE.search(text, max(0, house.start() - 6), house.start()):
            continue
        yield house.start(), street.end(), "address"
    for match in _LOWER_ADDRESS.finditer(text):
        if set(match.group(1).split()) & _NOT_STREET_WORDS:
            continue
        if _LOWER_ADDRESS_CUE.search(text[max(0, match.start() - 12) : match.start()]):
            yield match.start(), match.end(), "address"


# --- Hospital and case references --------------------------------------------------------

# What a record is kept in or about: "Mosaic 3320917", "claim no. HB 60031278", "rent account RA 31155208".
_RECORD_SYSTEMS = (
    r"(?:Mosaic|Liquidlogic|LAS|LCS|EHM|RiO|Rio|EMIS|SystmOne|Carenotes|Nebula|nDelius|Delius|Carefirst|"
    r"Frameworki|Eclipse|ContrOCC|Civica|Northgate|Capita|Lorenzo|Cerner|Paris|Swift|Azeus|OHMS|Orchard|NOMIS|PNC|"
    r"CAD|NDTMS|Occ(?:urrence)?|WCCIS|Niche|Athena|Storm|MISPER|SCRO|CHAIN)"
)
_RECORD_NOUNS = (
    r"(?:case|client|claim|claimant|tenancy|tenant|rent|rent\s+account|account|housing|housing\s+register|"
    r"register|application|applicant|appeal|complaint|hospital|hosp\.?|patient|unit|crime|incident|custody|"
    r"prison(?:er)?|person|record|system|file|referral|booking|court|warrant|HB|CTR|council\s+tax|benefit|"
    r"home\s+office|HO|probation(?:\s+case)?|offender|member(?:ship)?|policy|property|job|log|occurrence|service|"
    r"certificate|clinic|student|pupil|library\s+card|staff|employee|(?:blue\s+)?badge|"
    rf"safeguarding|MARAC|MASH|CSC|ASC|DWP|UC|PIP|ESA|{_RECORD_SYSTEMS})"
)
_REF_CUE = (
    r"(?:MRN|unit\s+number|CRN|CRO|URN|UPN|ULN|UCI|PNC(?:\s+(?:id|no\.?|number|ref))?|NOMIS(?:\s+(?:id|number|no\.?))?|"
    # a code a service gives a person in place of a name: "client code KJ0785M", "service user identifier"
    r"(?:client|service\s+user|patient|pupil|participant|anonymised)\s+(?:code|identifier)|"
    rf"{_RECORD_NOUNS}\s+(?:ref(?:erence)?s?|numbers?|num|nos?\.?|ids?|#|record)(?:\s+(?:number|no\.?))?|"
    # a Home Office application's or a housing application's number: "UAN 3310-0042-7781-2290", "app HR/031774"
    r"UAN|GWF|(?:housing\s+)?app|"
    rf"our\s+ref(?:erence)?|your\s+ref(?:erence)?|(?:your|her|his|their|HB|UC|CTR|PIP|ESA|JSA|DLA|benefits?)\s+claim|"
    # a police log or incident named by its word alone: "log 50240117-0432", "incident CC2024 0821 0154"
    rf"log|incident|ref(?:erence)?s?(?:\s+(?:no\.?|number))?|ID|{_RECORD_SYSTEMS}|"
    # a worker's own number: "payroll no. CC4471", "(payroll 409871)"
    r"payroll(?:\s+(?:no\.?|number))?|"
    # an account's number needs no "number": "council tax account 40012345", "rent account: 2231887"
    r"(?:rent|council\s+tax|CT|CTR|HB|bank|housing|benefits?|customer|tenancy|utility|gas|electric(?:ity)?|water|"
    r"energy|mortgage|loan|catalogue|payroll)\s+(?:account|a/c|acct)|"
    # an agency's own number for the person, by its initials: "PBNI no: PB/0448721", "NIHE number 448120"
    r"(?-i:[A-Z]{3,6})\s+(?:no\.?|number))"
)
# A token that may be a reference (it needs three digits or more), and the cue that must end right before it:
# the cue, then "is", "it's", a colon or a dash, then perhaps capitals and a space ("hospital number its RRK 8834127").
# Tokens are found first and the cue looked for behind them: far cheaper than trying every cue at every word.
_SYSTEM_AT = re.compile(rf"{_RECORD_SYSTEMS}\b", re.IGNORECASE)
# Logs whose name is part of how the number is written and read: "CAD 7321/22SEP", "NDTMS 44821X".
_NAMED_LOGS = frozenset({"CAD", "NDTMS", "OCC", "OCCURRENCE", "WCCIS"})


def _system_names_it(text: str, cue: re.Match[str]) -> bool:
    system = _SYSTEM_AT.match(text, cue.start())
    if system is None:
        return False
    if system.group().upper() in _NAMED_LOGS:
        return True
    return re.fullmatch(r"\s+ID\s*:?\s*", text[system.end() : cue.end()]) is not None  # "Mosaic ID 7781204"


_REF_TOKEN = re.compile(
    r"(?<![A-Za-z0-9/*-])(?=[A-Za-z/*-]*\d)[A-Za-z0-9][A-Za-z0-9/*-]{3,20}[A-Za-z0-9](?![A-Za-z0-9])"
)  # "Occ 24*118765": a force's year and number
_DIGIT_GROUPS_AFTER = re.compile(r"(?: \d{3,6}){1,3}(?![\w/]|[.-]\d)")
_REF_CUE_BEFORE = re.compile(
    rf"\b{_REF_CUE}\b\.?\s*(?:for\s+(?:him|her|them|(?:the\s+|this\s+)?(?:child|family|client|patient|household))\s*)?"
    r"(?:\([A-Za-z][\w ]{1,20}\)\s*)?"  # "Ref (Mosaic): 4471820"
    r"(?:is|was|it'?s|=|:|#|-|–|\()?\s*(?:is\s+)?(?:(?P<letters>(?-i:[A-Z]{1,6}(?:[/-][A-Z]{1,6})?)) )?$",
    re.IGNORECASE,
)
# A reference with no cue, in the shape local authorities, hospitals, landlords and benefit services use: two to
# four capitals, an optional space or dash, then six to ten digits ("LAS 1184420", "MOS-2231874", "HB 60031278").
_LETTERS_AND_DIGITS = re.compile(
    r"(?<![\w/-])(?P<letters>[A-Z]{2,4}|R[A-Z0-9]{2})(?:[ -]?\d{6,10}|-\d{5}|[ -]\d{2}-\d{4,6})(?![\w/]|-\d)"
)  # also an NHS trust's code ("RJ1 5518824") and a clinic's year and number ("GUM 22-04413")
# Digits in groups after a record's system or cue ("SystmOne 5528 3301 9902", "Mosaic 998 4412"), and a claim or
# account number with a check digit after a dash ("4410228-2").
_SPACED_DIGITS = re.compile(r"(?=\d)(?<![\w/.-])\d{2,4}(?: \d{3,4}){1,3}(?: \d{2})?(?![\w/]|[.-]\d)")
_CHECK_DIGIT_NUMBER = re.compile(r"(?=[1-9])(?<![\w/.-])[1-9]\d{5,9}-\d(?![\w/]|[.-]\d)")
_RECORD_NOUN_BEFORE = re.compile(rf"\b{_RECORD_NOUNS}\b[^.\n]{{0,25}}$", re.IGNORECASE)
# A record's noun straight before its number, with no "number" or "ref" between: "Council tenancy T-0417732",
# "Account CT 6610 4482" (the number needs five digits or more: not "case 2024", "unit 12").
_RECORD_NOUN_RIGHT_BEFORE = re.compile(
    rf"\b{_RECORD_NOUNS}\s*[:#]?\s*(?:(?P<letters>(?-i:[A-Z]{{1,4}}))\s)?$", re.IGNORECASE
)
# The next reference in a list after one already found: "crime refs 41/22901/25 and 41/38720/26".
_ANOTHER_REFERENCE = re.compile(
    r"\s*(?:,|;|&|/|and|or)\s*(?=[A-Za-z0-9/-]*\d)([A-Za-z0-9][A-Za-z0-9/-]{3,20}[A-Za-z0-9])(?![A-Za-z0-9])"
)
# Not a prefix of the reference: other identifiers' labels, currencies, and cue words whose number follows them.
_NOT_A_REFERENCE_PREFIX = frozenset(
    {"NHS", "NI", "TEL", "MOB", "DOB", "GBP", "EUR", "USD", "CHI", "PO", "UK", "MRN", "CRN", "PNC", "REF", "ID", "NO"}
    | {"ISO", "BS", "EN", "IEC", "PAS", "COVID", "SARS", "MERS", "ICD", "DSM", "SI", "BSI"}  # standards, codes, viruses
)
# Letters and numbers in three or more parts: "MP/24/118306", "CRI-24-0883412", "COMP/2024/0412".
_PARTED_REFERENCE = re.compile(r"(?<![\w/-])[A-Z]{1,5}\d{0,4}(?:[/-][A-Z0-9]{1,8}){2,4}(?![\w/]|-\w)")
# A police incident log, numbered within its day: "Log 0456 of 12/03", "incident number 1234 of 5 May", "CAD 771 of
# 02/11/25".
_POLICE_LOG = re.compile(
    r"(?=[lLiIcCoOsS])\b(?i:log|incident|cad|occurrence|storm|serial)\s*(?i:no\.?|number|ref(?:erence)?)?\s*[:#]?\s*"
    r"(?:(?i:CAD|STORM|log)\s*)?(?P<ref>\d{1,6}\s+(?:of\s+)?(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{1,2}[A-Z]{3}\d{2,4}|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}"
    r"(?:\s+\d{4})?))(?![\d/])"
)
_PNC = re.compile(r"(?<![\w/])(?:19|20)?\d{2}/\d{4,7}[A-Z](?![\w/])")
_PRISON_NUMBER = re.compile(r"(?<![\w/])[A-Z]\d{4}[A-Z]{2}(?![\w/])")


# A bare number in brackets straight after a person's name is their record's: "Tesfaye Gebremedhin (1129034)".
_NUMBER_IN_BRACKETS = re.compile(r"[ \t]*\([ \t]*(?:#[ \t]*)?(\d{5,10})[ \t]*[),;]")  # "Stanley (4619587413, DOB"


def numbers_after_names(text: str, names: Sequence[Span]) -> Iterable[Span]:
    for _start, end, _kind in names:
        match = _NUMBER_IN_BRACKETS.match(text, end)
        if match and not (match.group(1).startswith("0") and len(match.group(1)) >= 10):  # not a phone
            yield match.start(1), match.end(1), "reference"


def references_listed_after(text: str, spans: Sequence[Span]) -> list[Span]:
    """The record numbers of the same shape listed straight after each reference found, however it was found:
    "Mosaic M-0773215 / M-0773216" (two siblings' files), "LL ID 2210445 / 2210446", "refs 41/22901/25 and ..."."""
    found: list[Span] = []
    for start, end, kind in spans:
        while kind == "reference":
            following = _ANOTHER_REFERENCE.match(text, end)
            # the number itself, not the label a span may start with ("Occurrence refs 13250115-0921")
            if following is None or not _same_shape(text[start:end].split()[-1], following.group(1)):
                break
            found.append((following.start(1), following.end(1), "reference"))
            start, end = following.span(1)
    return found


def find_references(text: str) -> Iterable[Span]:
    for start, end, kind in _find_references(text):
        if not _no_record(text[start:end]) and not _a_things_number(text, start, end):
            yield start, end, kind


# A number the words before it give to a thing, not to a person's record: an invoice, an order, an insurance policy,
# a repair job, a booking or a session, a provider's registration, a staff login.
_THINGS_NUMBER_BEFORE = re.compile(
    r"\b(?:invoice|inv|purchase\s+order|PO|insurance(?:\s+policy)?|policy\s+(?:for|on)\s+the|job|works?\s+order|"
    r"batch|lot|serial|asset|ticket|session|booking|CQC(?:\s+(?:location|provider))?|location\s+id|ODS|charity|"
    r"company|user|login|incident\s+report|"
    r"training|course|module|void|contract|policy|tracker|audit|(?:Ofsted|DfE)(?:\s+URN)?|"
    r"UKPRN|tender|bid|doc(?:ument)?|grid|Datix|asset\s+tag|tag|device|IMEI|SLA|ICO(?:\s+registration)?|"
    r"(?:phone\s+)?conference|meeting|webinar|passcode|dial[\s-]?in|BS(?:\s+EN)?|ISO|PAS)"
    r"(?:\s+(?:no\.?|number|ref(?:erence)?s?|id|code|#))?\s*[:#.-]?\s*(?:is\s+)?$",
    re.IGNORECASE,
)
# The same things' numbers by their own prefix: "INV-22817", "POL-99-1123", "BK-77120", "VOID-3310", "PO 4500123".
_THINGS_PREFIX = re.compile(r"(?:INV|POL|PO|BK|VOID|JOB|ORD|WO|TKT)[ -]?\d", re.IGNORECASE)
# An IT service desk's incidents, changes and requests: "INC0048213", "CHG0019203", "RITM0012345".
_SERVICE_DESK_NUMBER = re.compile(r"(?:INC|CHG|RITM|REQ|PRB|SCTASK|TASK)\d{6,8}\b")


# A school's own number from the DfE ("the school's URN 104412"), not a court's case number ("Magistrates, URN ...").
_SCHOOL_BEFORE_URN = re.compile(
    r"\b(?:school|academy|nursery|setting|Ofsted|DfE)(?:['’]s)?\s*(?:(?-i:URN)\s*[:#]?\s*)?$", re.IGNORECASE
)


def _a_things_number(text: str, start: int, end: int) -> bool:
    if _THINGS_PREFIX.match(text, start) or _SERVICE_DESK_NUMBER.match(text, start):
        return True
    if "URN" in text[max(0, start - 6) : start + 3] and _SCHOOL_BEFORE_URN.search(text, max(0, start - 30), start):
        return True
    line_start = max(text.rfind("\n", 0, start) + 1, start - 40)
    return _THINGS_NUMBER_BEFORE.search(text, line_start, start) is not None


# A code that points at no one's record: a template's blank ("SA-2025-xx", "CP/XXXX") or a month in code form
# ("PI 12/2025", "DUTY/2025/12": a policy's issue, a month's folder).
_BLANK_IN_CODE = re.compile(r"(?:^|[-/ ._])(?:x{2,}|X{2,}|0{4,}|#{2,})(?:$|[-/ ._])")
_MONTH_CODE = re.compile(
    r"^(?:[A-Za-z]+[ /._-]?)?(?:(?:0?[1-9]|1[0-2])[/._-](?:19|20)\d\d|(?:19|20)\d\d[/._-](?:0?[1-9]|1[0-2]))$"
)


def _no_record(code: str) -> bool:
    digits = [char for char in code if char.isdigit()]
    if re.search(r"/v\d", code, re.IGNORECASE):
        return True  # a form's version: "SG/2024/v3.1"
    if re.fullmatch(r"(?:19|20)\d\d[/-](?:\d\d|(?:19|20)\d\d)", code):
        return True  # a financial or school year: "2024/25", "2023-2024"
    if len(digits) >= 4 and len(set(digits)) == 1 and digits[0] == "0":
        return True  # a test record or a form's blank: "X000000", "CRN 000000"
    return bool(_BLANK_IN_CODE.search(code) or _MONTH_CODE.match(code))


def _find_references(text: str) -> Iterable[Span]:
    for match in _REF_TOKEN.finditer(text):
        token = match.group()
        if sum(char.isdigit() for char in token) < 3 or _looks_like_date(token):
            continue
        cue = _REF_CUE_BEFORE.search(text, max(0, match.start() - 60), match.start())
        if cue is None:
            if (
                sum(char.isdigit() for char in token) >= 5
                and not token.startswith("0")  # a phone's first group: "on system 07700 900 932"
                and not any(char.islower() for char in token)  # a file's hash: "the file 3f9a8c1d2e"
                and not _DIGIT_GROUPS_AFTER.match(text, match.end())
                and _RECORD_NOUN_RIGHT_BEFORE.search(text, max(0, match.start() - 40), match.start())
            ):
                yield match.start(), match.end(), "reference"  # "Council tenancy T-0417732", "claim CTR/7740193"
            continue
        groups = _DIGIT_GROUPS_AFTER.match(text, match.end())  # "incident CC2024 0821 0154": one number, spaced
        end = groups.end() if groups else match.end()
        if _system_names_it(text, cue):
            yield cue.start(), end, "reference"  # "Mosaic ID 7781204", "CAD 7321/22SEP": one identifier
        elif cue.group("letters") and token.isdigit() and len(token) >= 4:
            yield cue.start("letters"), end, "reference"  # "RRK 8834127"
        else:
            yield match.start(), end, "reference"
    for match in _SPACED_DIGITS.finditer(text):
        if text[match.start()] == "0" and sum(char.isdigit() for char in match.group()) >= 10:
            continue  # a phone number
        cue = _REF_CUE_BEFORE.search(text, max(0, match.start() - 60), match.start())
        if cue:
            start = cue.start("letters") if cue.group("letters") else match.start()
            yield start, match.end(), "reference"  # "Claim ref: HB 0938 2217"
        elif sum(char.isdigit() for char in match.group()) >= 6 and text[match.start()] != "0":  # not "0800 144 8444"
            noun = _RECORD_NOUN_RIGHT_BEFORE.search(text, max(0, match.start() - 40), match.start())
            if noun:
                start = noun.start("letters") if noun.group("letters") else match.start()
                yield start, match.end(), "reference"  # "Account CT 6610 4482"
    for match in _CHECK_DIGIT_NUMBER.finditer(text):
        if _RECORD_NOUN_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            yield match.start(), match.end(), "reference"  # "her Housing Benefit: 4410228-2", not an invoice
    for match in _POLICE_LOG.finditer(text):
        yield match.start("ref"), match.end("ref"), "reference"
    for pattern in (_PNC, _PRISON_NUMBER):
        for match in pattern.finditer(text):
            yield match.start(), match.end(), "reference"
    for match in _LETTERS_AND_DIGITS.finditer(text):
        if match.group("letters") not in _NOT_A_REFERENCE_PREFIX:
            yield match.start(), match.end(), "reference"
    for match in _PARTED_REFERENCE.finditer(text):
        if sum(char.isdigit() for char in match.group()) >= 5:
            yield match.start(), match.end(), "reference"
    for match in _CODE_SHAPE.finditer(text):
        code = match.group()
        letters = sum(char.isalpha() for char in code)
        if letters <= 4 and len(code) - letters >= 5 and not _DATE_CODE.search(code):
            prefix = re.match(r"[A-Z]*", code).group()
            if prefix not in _NOT_A_REFERENCE_PREFIX:
                yield match.start(), match.end(), "reference"


# Capitals and digits run together, five digits or more, with no cue: the shape case, tenancy, court, pupil and
# hospital systems give their records ("T000188234", "U20260871", "M0028874", "0102SU441926", "D773402"). Lower case
# (a hash, a file name) and units ("5000IU") are not this shape.
_CODE_SHAPE = re.compile(r"(?=[A-Z0-9]{7})(?<![\w/.-])(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z0-9]{7,16}(?![\w/]|[-.]\w)")
_DATE_CODE = re.compile(r"\d(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\d|IU$|MG$|ML$|MCG$|KG$")


def _same_shape(first: str, second: str) -> bool:
    """ "41/22901/25" and "41/38720/26": digits and letters in the same places, the same separators."""
    return re.sub(r"\d", "9", re.sub(r"[A-Za-z]", "A", first)) == re.sub(r"\d", "9", re.sub(r"[A-Za-z]", "A", second))


def _looks_like_date(token: str) -> bool:
    return bool(re.fullmatch(r"\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?", token))  # "14/11": a day and a month


# --- Tables ------------------------------------------------------------------------------

# A pasted table (Markdown pipes, tabs, CSV) says in its header what each column holds: "| Name | DOB | NHS No |",
# "surname,forename,dob,nhs". A cell is read as the kind its header names, with the shape checked loosely (a
# mistyped NHS number in the NHS column is still someone's). Phones are left to their own recogniser, which knows a
# service's line from a person's.
_COLUMN_KINDS = (
    ("nhs_number", re.compile(r"(?:nhs|chi)(?:\s*(?:no\.?|num(?:ber)?|#))?", re.IGNORECASE)),
    ("date_of_birth", re.compile(r"d\.?o\.?b\.?|date\s+of\s+birth|birth\s?date|born", re.IGNORECASE)),
    (
        "name",
        re.compile(
            r"(?:(?:patient|client|child|pupil|service\s+user|person|full|first|last|family|given)\s+)?"
            r"name|surname|forename|first\s+names?|claimant|applicant|student|learner",
            re.IGNORECASE,
        ),
    ),
    # A column of the people a list is about, or of the workers leading on them, often by initials only: "| Initials |
    # RiO no. |", "| Pupil | Year | Status | Lead |", "Contact (initials)".
    (
        "person",
        re.compile(
            r"initials|(?:contact|client|patient|pupil|child|worker|staff)\s*\(initials\)|pupil|child|client|patient|"
            r"tenant|resident|young\s+person|yp|service\s+user|lead|key\s*worker|allocated(?:\s+worker)?|sw",
            re.IGNORECASE,
        ),
    ),
    # A record's number beside a name or a date of birth (the header must name one of those too: _TABLE_HEADER_HINT)
    (
        "reference",
        re.compile(
            r"(?:(?:case|client|person|record|claim|tenancy|account|crime|police|incident|clinic|mosaic|lcs|liquidlogic|"
            r"emis|systmone|"
            r"rio|paris|carenotes|lorenzo|"
            r"nDelius|delius|pnc|cpoms)\s+)?(?:id|ref(?:erence)?|no\.?)|"
            r"mrn|crn|upn|hosp(?:ital)?\s+(?:no\.?|number)|case\s+number",
            re.IGNORECASE,
        ),
    ),
    # A person's address in a list of people: "ref,name,dob,address,band"
    (
        "address",
        re.compile(r"(?:home\s+|current\s+|previous\s+|last\s+known\s+|postal\s+)?address(?:\s+line\s*1)?", re.I),
    ),
)
# An address cell starts with its number or its flat: "3 Linden Grove", "Flat 9 Rowan Hs" (not "NFA", "hostel").
_CELL_ADDRESS = re.compile(
    r"(?i:flat|apartment|apt)\s*\d+[a-z]?,?\s+[A-Za-z]"
    r"|(?i:(?:flat|apartment|apt|unit|room)\s*\d+[a-z]?,?\s+)?\d+[a-z]?,?\s+[A-Za-z]"
)
# A system's export pasted as text, its columns lined up with spaces (two or more: the normaliser keeps a wide gap
# as two spaces): "Case ID     Name             DOB".
_SPACED = "  "
_SPACED_CELL = re.compile(r"[^ ](?:[^ ]| (?! ))*")
_TABLE_HEADER_HINT = re.compile(
    r"(?i:nhs|chi|dob|birth|born|name|initials|pupil|client|patient|tenant|child|claimant|applicant|student|learner)"
)
# Initials standing for a person in a table's cell: "KM", "AP-S", "LRA", "K.L."
_CELL_INITIALS = re.compile(r"[A-Z]{2,3}(?:-[A-Z]{1,2})?|(?:[A-Z]\.){2,3}")
_TABLE_RULE = re.compile(r"^[\s|:+-]*$")
_CELL_NAME = re.compile(r"(?=[A-ZÀ-ÖØ-Þ])(?:[^\W\d_]|['’-])+(?:,?\s+(?=[A-ZÀ-ÖØ-Þ])(?:[^\W\d_]|['’.-])*){0,3}")


# A header word right before a cell's end. Found from the delimiters (few in prose) rather than by a regular
# expression tried at every position, so text with no table costs almost nothing.
_HEADER_ENDINGS = (
    "nhs", "chi", "dob", "d.o.b", "birth", "born", "name", "names", "surname", "forename",
    "nhs no", "nhs no.", "nhs number", "nhs #", "chi no", "chi number", "initials", "initials)", "pupil", "client",
    "patient", "tenant", "child", "claimant", "applicant", "student", "learner",
)  # fmt: skip


def _has_header_cell(text: str) -> bool:
    for separator in ("|", "\t", ",", _SPACED):
        at = text.find(separator)
        while at >= 0:
            if text[max(0, at - 12) : at].rstrip(" \"'").lower().endswith(_HEADER_ENDINGS):
                return True
            at = text.find(separator, at + 1)
    return False


def find_table_cells(text: str) -> Iterable[Span]:
    if not _has_header_cell(text):
        return
    columns: dict[int, str] | None = None
    separator = ""
    position = 0
    for line in text.split("\n"):
        line_start, position = position, position + len(line) + 1
        if columns is not None and separator in line:
            if not _TABLE_RULE.match(line):
                yield from _cells_of_kind(line, line_start, separator, columns)
            continue
        columns = None
        if not _TABLE_HEADER_HINT.search(line):
            continue
        for separator in ("|", "\t", ",", _SPACED):
            if line.count(separator) >= (2 if separator in ("|", _SPACED) else 1):
                columns = _header_columns(line, separator)
                if columns:
                    break
        else:
            columns = None


def _split_cells(line: str, separator: str) -> list[tuple[int, int]]:
    """Each cell's span inside the line, without its spaces and quotes."""
    if separator == _SPACED:  # columns lined up with spaces: a cell may hold one space ("Brooklyn HAIGH"), not two
        return [match.span() for match in _SPACED_CELL.finditer(line)]
    cells, start, quoted = [], 0, False
    for index in range(len(line) + 1):
        if index < len(line) and line[index] == '"':
            quoted = not quoted  # CSV: "Okafor, Chinedu" is one cell
        if index == len(line) or (line[index] == separator and not quoted):
            cell_start, cell_end = start, index
            while cell_start < cell_end and line[cell_start] in " \"'":
                cell_start += 1
            while cell_end > cell_start and line[cell_end - 1] in " \"'\r":
                cell_end -= 1
            cells.append((cell_start, cell_end))
            start = index + 1
    return cells


def _header_columns(line: str, separator: str) -> dict[int, str] | None:
    cells = _split_cells(line, separator)
    columns = {}
    for index, (start, end) in enumerate(cells):
        for kind, header in _COLUMN_KINDS:
            if header.fullmatch(line, start, end):
                columns[index] = kind
                break
    # A header names its columns and nothing else: a sentence with commas that mentions a name is no header.
    if not columns or any(end - start > 30 for start, end in cells):
        return None
    if (
        not {"date_of_birth", "nhs_number", "person"} & set(columns.values())
        and list(columns.values()).count("name") < 2
    ):
        # "| Name | Role |", "| Ref | Name |": a list of services, staff or rooms as often as of people
        return None
    return columns


def _cells_of_kind(line: str, line_start: int, separator: str, columns: dict[int, str]) -> Iterable[Span]:
    for index, (start, end) in enumerate(_split_cells(line, separator)):
        kind = columns.get(index)
        cell = line[start:end]
        if kind is None or not cell:
            continue
        digits = sum(char.isdigit() for char in cell)
        if (
            (kind == "nhs_number" and digits == 10 and len(cell) <= 14)
            or (kind == "date_of_birth" and 4 <= digits <= 8 and len(cell) <= 20)
            or (kind == "name" and _CELL_NAME.fullmatch(cell))
            or (kind == "address" and len(cell) <= 60 and _CELL_ADDRESS.match(cell))
            or (
                kind == "reference" and digits >= 4 and len(cell) <= 20 and cell.count(" ") <= (2 if digits >= 6 else 0)
            )
        ):
            yield line_start + start, line_start + end, kind
        elif kind == "person" and _initials_of_someone(cell):
            yield line_start + start, line_start + end, "name"  # only initials: a "Client" column may name a service


_PLACEHOLDER_CELLS = frozenset({"TBC", "TBA", "NFA", "DNA", "NONE", "ALL"})


def _initials_of_someone(cell: str) -> bool:
    if not _CELL_INITIALS.fullmatch(cell) or cell in words.INITIALISMS or cell in words.SERVICE_ACRONYMS:
        return False
    return cell.lower() not in load_name_data().dictionary and cell not in _PLACEHOLDER_CELLS
