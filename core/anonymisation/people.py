"""The name recogniser: which words in a passage are people's names.

Built on titles, word lists (`names.py`, and the large name data of `name_data.py`), capitalisation and context:
"her son Jamie", "known as Kaz", "Dwayne said", "txt from kayleigh", "Community Psychiatric Nurse Jo Baptiste".
Reads already-normalised text (`normalise.py`).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from core.anonymisation import names as words
from core.anonymisation.identifiers import Span
from core.anonymisation.name_data import load_name_data

# --- Names -------------------------------------------------------------------------------

_TOKEN = re.compile(r"(?:[^\W_]|&)(?:[^\W_]|[&'’-])*")
_POSSESSIVE = re.compile(r"['’]s?$")
_SENTENCE_BREAK = re.compile(r"(?:[.!?:;•*\n\u2022]|\s[-–]\s|^\s*[-–])[\s\"'“‘(\[]*$")
_INITIAL = re.compile(r"[A-Z]\.?")
_AGE_AFTER = re.compile(
    r"^(?:['’]s)?(?:\s*,\s*(?:aged?\s*)?\d{1,2}\s*(?:,|years|yrs|y/o)|\s*\(\s*(?:aged?\s*)?\d{1,2}\s*[),;]"
    r"|,?\s*\(\s*(?:DOB|D\.O\.B|b\.|born|aged|age|NHS|date of birth)|\s*,\s*(?:who|whose|aged|age)\b"
    r"|\s*,\s*(?:DOB|D\.O\.B|born|date of birth|NI|NHS|MRN|CRN|known as|aka|a\.k\.a\.)\b"
    r"|\s*\(\s*(?:[MF]|male|female)\s*,\s*(?:aged?\s*)?\d{1,2}\s*\)|\s*\(\s*(?:Y|Yr|Year)\s?\d{1,2}\s*\)"
    r"|\s*\(\s*(?:real|birth|legal|full)\s+name\b|\s*\(\s*(?:also\s+)?known\s+as\b|\s*\(\s*n[eé]e\b"
    r"|\s+and\s+(?:his|her|their)\b"
    r"|\s*[,(\[]\s*(?:\d{1,2}(?:st|nd|rd|th)?[/.\s-]+(?:\d{1,2}|[A-Z][a-z]{2,8})[/.,\s-]+\d{2,4}"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})[\s,)\]])",
    re.IGNORECASE,
)
_PERSON_AFTER = re.compile(
    r"^(?:\s+from\s+(?:the\s+)?[A-Z]|\s*\((?:our|her|his|their|the)?\s*(?:[A-Za-z&-]+\s+){0,2}"
    r"(?i:worker|nurse|officer|manager|cpn|sw|gp|advocate|mentor|keyworker|navigator|volunteer|practitioner|"
    r"co-?ordinator|therapist|consultant|teacher|head\s+of|chair|iro|dsl|hv|idva|amhp|senco|interpreter)\b"
    r"|\s+(?:is|was|turned|turns)\s+(?:now\s+|only\s+|just\s+|nearly\s+|almost\s+)?(?:aged\s+)?\d{1,2}\b"
    r"|\s+(?:is|was)\s+born\b"
    r"|\s+(?:has|had)\s+(?:a|two|three|four|no)\s+(?:young\s+|teenage\s+|new\s+)?(?:son|daughter|child|children|"
    r"kids|partner|boyfriend|girlfriend|husband|wife|baby|history|diagnosis)\b)"
)
_LIST_GAP_AFTER = re.compile(r"(?:\s*\([^()\n]{1,30}\))?\s*[,;]\s*")
_LIST_GAP_BEFORE = re.compile(r"(?:\s*\([^()\n]{1,30}\))?\s*[,;]\s*$")
# Lower-case words after which a lower-case word can be read as a name ("her cpn marek", "hiya jade").
_LOWER_ROLE_CUES = words.word_set(
    "cpn sw po gp idva isva amhp pcso worker keyworker caseworker nurse officer navigator advocate therapist "
    "counsellor psychiatrist consultant midwife visitor mentor coordinator co-ordinator manager practitioner doctor "
    "dr mr mrs ms miss mx volunteer receptionist interpreter solicitor landlord landlady agent adviser advisor "
    "guardian teacher chaplain pharmacist sponsor befriender buddy warden caretaker victim offender perpetrator "
    "perp suspect defendant appellant claimant applicant supervisee supervisor co-defendant co-accused accomplice"
)
# What a person has: "Grace's mum", "Faith's flat".
_PERSONAL_NOUNS = (
    words.RELATION_WORDS
    | words.STRONG_CUES
    | _LOWER_ROLE_CUES
    | words.word_set(
        "flat room tenancy house home bed benefits money phone mobile appointment appointments medication meds script "
        "depot support keyworker key health mental drinking drug drugs use behaviour mood risk case file plan review "
        "referral assessment children kids baby dog family ex mum's dad's"
    )
)
_ACRONYM = re.compile(r"[A-Z]{2,6}s?")  # "Jade's NHS number", "Kai's GP"
_CUE_GAP = re.compile(r"^[\s,\"'“‘(]*$")
_FIELD_GAP = re.compile(r"^\s*[:\-–]\s*$")
_FIELD_LABELS = words.word_set(
    "worker supervisee supervisor victim perpetrator perp offender applicant claimant tenant resident subject "
    "referrer author presenter signed "
    "name client patient re mother father mum dad son daughter partner carer nok kin nickname alias aka from to "
    "surname forename forenames firstname given present apologies attendees chair "
    "child children adult baby infant sibling siblings pupil student learner appointee defendant household "
    "householder occupant complainant witness accused respondent caller deceased member person"
)
_TOPIC_LABELS = words.word_set("subject re")
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
        ("name", "as"),
        ("him", "as"),
        ("her", "as"),
        ("them", "as"),
        *((kind, "from") for kind in words.MESSAGE_WORDS),
        ("heard", "from"),
        *((relation, "of") for relation in words.RELATION_WORDS),
        ("calls", "herself"),
        ("calls", "himself"),
        ("calls", "themself"),
    }
)
_UPPER_CUES = frozenset({"YP", "CYP", "SU", "aka", "AKA", "a.k.a.", "FAO", "Fao", "fao", "ATTN", "Attn", "attn"})
# Who a person is in a case, written before their name: "Offender Gavin Reid", "claimant Stacey", "Pt Zofia".
_PERSON_ROLE_WORDS = words.word_set(
    "victim offender perpetrator perp suspect defendant appellant claimant applicant supervisee supervisor tenant "
    "resident patient client pt su yp pop"
)
# Family relations, as written before a relative's name: "Nephew Colin", "Daughter-in-law Saima".
_KIN = words.word_set(
    "son daughter mother father mum mam dad brother sister wife husband boyfriend girlfriend niece nephew cousin uncle "
    "aunt auntie nan nana gran granny grandma grandad grandson granddaughter grandmother grandfather stepson "
    "stepdaughter stepmother stepfather stepmum stepdad half-brother half-sister twin son-in-law daughter-in-law "
    "mother-in-law father-in-law brother-in-law sister-in-law fiance fiancee fiancé fiancée ex-partner ex-husband "
    "ex-wife"
)
_KIN_OR_LABEL = _KIN | words.word_set("signed sgd name named")
# Verbs that take a person, after which a listed first name that is no English word is a name in lower case too.
_LOWER_PERSON_VERBS = words.word_set(
    "tell told ask asked ring rang text texted phone phoned message messaged see saw meet met visit visited thank"
)
# Words after which a capitalised word is a surname or a first name: "(surname Liu)", "née Walsh".
_NAME_PART_CUES = words.word_set("surname surnames forename forenames nee née maiden")
# A capitalised word at the start of a text message or voice note, after "it's": the sender naming themselves
# ("hiya its Jade cant make it", "Hi, it's Nkechi from the perinatal team", "yeah it's Mo, I'm at ...").
_SELF_NAMED = re.compile(
    r"(?=[iItT])(?i:\b(?:it['’]?s|it\s+is|this\s+is))\s+(?i:me\s+|only\s+)?(?P<name>[A-Z][a-z'’-]+)"
    r"(?=\s*(?:[,.!:;()\-]|$)|\s+(?i:from|here|at|again|cant|can't|can|just|i|i'm|im|ringing|texting|calling|x+)\b)"
)  # "(" too: "its Hope (Y6 mum)", "hi its Gill (PA)"
# What opens the message before "it's": its start, a quote or bracket, or a greeting.
_MESSAGE_OPENING = re.compile(
    r"(?:^|[\"(\n]|\b(?i:hi|hiya|hey|hello|yeah|yes|ok|morning|evening|afternoon)\b[,!.]?"
    r"(?:\s+(?i:love|hun|babe|mate|there|all)\b[,!.]?)?)\s*$"  # "Hi love its Joy from number 9"
)
# A quoted nickname right after a name, or between first name and surname: Karen Doyle ("Kaz"), Terence "Terry"
# Walsh, Oluwaseun ("Seun"), Jermaine "JJ" Campbell; and "Big Dev", "Wee Jamie" in quotes.
# Single quotes too ("Stephen 'Steve' Dowd", after a space or bracket, so never a possessive), and a listed first
# name in brackets without quotes ("Beatrice (Betty) NOLAN").
_NICK = r"[A-Z][A-Za-z'’-]*(?:\s[A-Z][A-Za-z'’-]*)?"
_SINGLE_QUOTED_NICK = r"[A-Z][A-Za-z-]*(?:\s[A-Z][A-Za-z-]*)?"  # no apostrophe inside: 'Ben' O'ROURKE
_QUOTED_NICKNAME = re.compile(
    rf"\s*\(?\s*(?:\"(?P<nick>{_NICK})\"|(?<=[\s(])'(?P<single>{_SINGLE_QUOTED_NICK})')\s*\)?"
    r"|\s*\((?P<plain>[A-Z][a-z'’-]+)\)"
)
_QUOTED_ADJECTIVE_NAME = re.compile(r"\"(?P<adjective>[A-Z][a-z]+)\s+(?P<name>[A-Z][a-z'’-]+)\"")
# Whoever is in a room or bed in a hostel or ward: "Room 9 (Gaz)", "Bed 4 (Sandra)".
_OCCUPANT = re.compile(r"\b(?:Room|Rm|Bed|Flat|Bay)\s*\d+[A-Za-z]?\s*\(\s*(?P<name>[A-Z][a-z'’-]+)\s*\)")
# A name, then the room or bed they are in: "Ash (Room 2)", "Sandra (bed 4)".
_NAME_THEN_ROOM = re.compile(r"(?P<name>[A-Z][a-z'’-]+)\s*\(\s*(?i:room|rm|bed|bay|flat)\s*\d+[A-Za-z]?\s*\)")
# A name, then its short form in quotes in brackets: 'Ikechukwu ("Ike")', 'Oluwaseun ("Seun")'.
_NAME_THEN_SHORT_FORM = re.compile(r"(?P<name>[A-Z][a-z'’-]{3,})\s*\(\s*\"(?P<short>[A-Z][a-z]{1,9})\"\s*\)")
# "the Loveridge family", "the Mohamud household": a surname.
_FAMILY_OF = re.compile(
    r"\b[Tt]he\s+(?P<name>[A-Z][a-z'’-]+)\s+(?:family|families|household|children|kids|brothers|sisters|twins|"
    r"siblings|parents|boys|girls|case)\b"
    r"(?!\s+(?:room|rooms|centre|center|hub|support|services?|group|liaison|court|time|home|worker|workers|therapy|"
    r"plan|meeting|network|team|unit|project|programme|nurse|intervention|law|court|hubs|room's))"
)
# An initial before a surname: "E. Eze", "J. O'Connor"; not "Plan B. Following" or "vitamin D. Bloods".
_INITIAL_SURNAME = re.compile(r"(?=[A-Z]\.\s)(?<![\w.])(?<!\d\s)(?P<initial>[A-Z])\.\s(?P<surname>[A-Z][A-Za-z'’-]+)")
_NOT_INITIAL_BEFORE = words.word_set(
    "plan band grade type part section appendix annex schedule case cases level tier room ward block bay category "
    "class form option item stage step phase vitamin hepatitis and or size model unit flat pitch plot group team "
    "zone wing floor box line column row page figure table question point number no to of in at"
)
# Surname first in capitals: "ADEBAYO, Olufemi", "LIU Yang", "Surname: O'REILLY".
# The capitals may be a Polish, Czech or Turkish surname's ("KOZŁOWSKA, Joanna", "ÖZTÜRK, Ayşe"): read as letters, then
# checked as capitals.
_CAPITAL_SURNAME_FIRST = re.compile(
    r"(?=(?:Ma?c)?[A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž'’-])(?<![\w'’-])(?P<surname>(?:Ma?c)?[A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž'’-]{1,}[A-ZÀ-ÞĀ-Ž])"
    r"(?P<gap>,?\s)(?P<given>[A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž'’-]+)\b"
)
_CAPITAL_FIELD = re.compile(
    r"(?=[SFLNCP])\b(?:Surname|Family name|Last name|Name|Full name|Forenames?|First names?|Client|Patient)\s*:\s*"
    r"(?P<value>(?:Ma?c)?[A-Z][A-Z'’-]+(?:\s(?:Ma?c)?[A-Z][A-Z'’-]+){0,2})(?![\w'’-])"
)
_NOT_GIVEN = words.word_set("Unknown Withheld Redacted None Not Given Tbc Tba Anonymous Blank")
# Initials standing for a person: "AB (mum)", "texted LM (SU)", "Notes taken by KO (student SW)"; a note signed "JW".
_INITIALS = re.compile(r"(?=[A-Z]{2})(?<![\w&/.-])(?P<initials>[A-Z]{2,3})(?![\w&/-])")
# A role in brackets after initials: "AB (mum)", "JB (YC support worker)", "LM (SW, Physical Disability Team)".
_ROLE_IN_BRACKETS = re.compile(r"\s*\((?P<inside>[^()\n]{1,45})\)")
_INITIALS_VERB_BEFORE = re.compile(
    r"\b(?:texted|text|rang|phoned|called|met|saw|visited|emailed|supervised|taken|written|completed|signed|"
    r"reviewed|seen)(?:\s+by)?\s+$",
    re.IGNORECASE,
)
_ROLE_BEFORE_INITIALS = re.compile(
    r"\b(?:POP|PoP|SU|YP|CYP|pt|Pt|client|Client|resident|Resident|tenant|Tenant|victim|Victim|offender|Offender|"
    r"Mr|Mrs|Ms|Miss|Mx|mum|dad|son|daughter|partner|child|baby|"
    # a worker by their role, or the one who took the minutes: "Practice assessor AO observed", "Minutes: KP"
    r"(?i:assessor|mentor|supervisor|keyworker|key\s+worker|practitioner|worker|officer|manager|"
    r"(?:minutes|minute[\s-]taker|scribe|author|chair|notes\s+by|recorded\s+by|completed\s+by)\s*:))[ \t]+$"
)
_SIGNED_INITIALS = re.compile(r"(?:[.!?]\s+|\n\s*|[-–]\s*)$")
# An action list: "1. JT - chase GP", "- SB / Mo: joint visit", "Action: KW to book".
_ACTION_OWNER_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:\d{1,2}[.)][ \t]*|[-*•][ \t]*)?(?:actions?[ \t]*:[ \t]*)?$", re.I)
_ACTION_OWNER_AFTER = re.compile(r"[ \t]*(?:[-–:][ \t]*[a-z]|/[ \t]*[A-Z]|to[ \t]+[a-z])")
_RELATION_AFTER = re.compile(
    r"\s*\(\s*(?:the\s+|a\s+|her\s+|his\s+|their\s+)?"
    rf"(?:{'|'.join(sorted(words.STRONG_CUES, key=len, reverse=True))})s?\b"
)
_SPEECH_VERBS = words.word_set("says said asks asked rang phoned texted messaged wants wanted told tells")
_SPOKEN_TO = re.compile(r"\b(?:I|I'm|I've|I'll|you|your|you're|we|we're|me|us|can|could|please|thanks)\b")
_PATRONYMIC_PARTICLES = words.word_set("ap ab ferch verch bin binti bint ibn Ó Ní Nic Uí Ua Mhic")
# Whose name it is: "the name", "her name", "his first name".
_NAME_OWNERS = words.word_set("the her his my their your first real full birth preferred street middle")
# Small words inside a full name: Welsh "ap", Arabic "bin", Dutch "van", Portuguese "de"...
_NAME_PARTICLES = words.word_set(
    "ap ab ferch verch bin binti bint ibn van von der den de da di du del della dos das le la Ó Ní Nic Uí Ua"
)
# After a name already read as a person's: "Holly to visit", "Mark and Bill disagreed".
_ACTION_AFTER_NAME = re.compile(r" (?:to [a-z]{3,}|and [A-Z][a-z]+ [a-z]{3,})")
# The parts of an email's local part: "r.mahmood@", "abi.whiteley@" name the person named beside them.
_EMAIL_LOCAL = re.compile(r"([A-Za-z][A-Za-z._-]{1,40})@[A-Za-z0-9-]+\.")
# Names that stand for anyone in examples and templates; after a title ("Mrs Jane Doe") they are read as a name.
_PLACEHOLDER_NAMES = frozenset({("Jane", "Doe"), ("John", "Doe"), ("Joe", "Bloggs"), ("Joe", "Public")})
# What is named for a person with a possessive: "Clare's Law", "Sarah's Law", "Martyn's Law".
_NAMED_FOR = words.word_set("Law Laws Act Rule Principle Syndrome Disease Wish")
# Theories, models and tools named after the people who made them: "Kolb's cycle", "Maslow's hierarchy of needs",
# "the Peter principle", "Gibbs' reflective cycle", "the Karpman drama triangle".
_EPONYM_AFTER = re.compile(
    # one describing word may come between ("Gibbs' reflective cycle"), not a word that says what a person has
    # ("Alan Pritchett with dementia", "Rose who has Parkinson's")
    r"(?:['’]s?)?\s+(?:(?!(?:with|has|had|have|and|or|is|was|who|whose|of|in|for|on|to|from|at|by|the|a|an|her|his|"
    r"their|living|diagnosed|suffering|having|early|late|"
    # nor a verb that a person does to a test or its criteria: "Isla meets criteria", "Sam scored 12 on the test"
    r"meets?|met|fits?|fitted|fulfils?|fulfilled|pass(?:es|ed)?|fail(?:s|ed)?|scored?|scores|needs?|needed|took|"
    r"takes?|sat|did|does|completed?|got|gets)\b)[a-z]+\s+)?(?:cycle|hierarchy|model|theory|triangle|principles?|syndrome|paradox|razor|"
    r"pyramid|ladder|wheel|curve|window|stages|scale|criteria|matrix|quadrant|effect|complex|pyramid|disease|"
    r"palsy|chorea|dementia|lymphoma|sarcoma|phenomenon|sign|test|score|competence|guidelines|ruling|judgment|"
    # reports and inquiries named for who led them: "the Bradley Report", "the Munro Review", "the Francis Inquiry"
    r"Report|Review|Inquiry|Enquiry)\b"
)
# Conditions named for a doctor are never a person's, even when the doctor's name is also a first name: "Addison's
# disease", "Barrett's oesophagus", "Bell's palsy" (not "Kayla's eating disorder": no word may come between).
_MEDICAL_EPONYM_AFTER = re.compile(
    r"['’]s?\s+(?:disease|syndrome|palsy|chorea|oesophagus|esophagus|ulcer|contracture|fracture|lymphoma|sarcoma|"
    r"anomaly|anaemia|anemia|encephalopathy|neuralgia|neuroma|phenomenon|thyroiditis|tumou?r|diverticulum)\b"
)
# Shops and firms written with their founder's possessive: "Lloyd's pharmacy", "Timpson's", "Greggs'".
_BUSINESS_AFTER_POSSESSIVE = words.word_set("pharmacy chemist chemists opticians bakery garage dispensary")
# Places and organisations named after a person: "Joseph's House", "Ellen's Place", "Jo's Trust".
_NAMED_PLACE_WORDS = words.word_set(
    "Lane Road Street Avenue Close Drive Crescent Terrace Grove Row Square Yard "
    "House Place Court Lodge Mews Home Homes Centre Center Hostel Hospice Trust Foundation Fund Project Cafe Café "
    "Kitchen Pantry Garden Gardens Farm Barn Hall Rooms Hub Club Academy School Nursery Surgery Clinic Ward Wing "
    "Unit Charity Appeal Walk Way Mansions Tower Towers Heights Buildings Blocks Villas Cottages"
)
# A role or relation in brackets after a name: "Babs (neighbour, ...)", "Joy (student)", "Martin (TM)".
_ROLE_ACRONYMS = (
    r"SW|TM|PE|HV|OT|SU|YP|CYP|CPN|GP|ISVA|IDVA|VLO|DSL|AMHP|PO|PC|DC|SENCO|NQSW|ASYE|RGN|RMN|HCA|PSW|SWA|FSW|"
    r"EWO|LADO|IRO|DS|DI|SALT|TA|HT|PA|PT|OM|POM|SPO|chair|Chair"
)
_ROLE_AFTER = re.compile(
    r"^\s*\(\s*(?:the\s+|a\s+|an\s+|our\s+|her\s+|his\s+|their\s+)?"
    r"(?:(?:student|trainee|senior|foster|kinship|support|key|link|family|lead|named|allocated|social|paid|"
    r"unpaid|informal|main|young|older|former|birth|step|estranged|ex|late|adoptive|biological|specialist|clinical|community|district|practice|duty|"
    r"advanced|assistant|deputy|acting|locum|independent|approved|peer|recovery|housing|debt|money|welfare|"
    r"benefits|tenancy|outreach|youth|school|liaison|HIV|TB|IDVA|CAMHS|CMHT|SEND|LD)[\s-]+){0,2}"
    rf"(?:(?:{'|'.join(sorted(words.BRACKETED_ROLES | words.STRONG_CUES, key=len, reverse=True))})s?"
    rf"|(?:{_ROLE_ACRONYMS}))\b(?:[^()\n]{{0,40}})\)"
)
# Who speaks in a pasted chat: a capitalised word and a colon at the start of a line or after " / ".
_SPEAKER = re.compile(r"(?:^|\n|\s/\s)[ \t]*([A-Z][a-z'’-]+):\s+\S")  # [ \t]*, not \s*: linear on blank lines
# Things that are a home: "sofa surfing at Mads' house", "staying at Jo's flat".
_HOME_NOUNS = words.word_set("house flat place home room caravan bedsit gaff bungalow maisonette")
_MONTH_NAMES = words.MONTHS | words.WEEKDAYS
_FAMILY_AFTER = words.word_set("family household twins siblings")
# Months that are also first names ("Jan" in Polish, Dutch and Czech): a name when a listed surname follows.
_MONTH_FIRST_NAMES = words.word_set("Jan April May June July August")
_DATE_NEIGHBOUR = re.compile(r"(?:\d|\b(?:in|of|since|until|till|by|early|late|mid|end|from|last|next|this)\s*)$")
_ENGLISH_SUFFIX = re.compile(
    r"(?:ion|ment|ness|ity|ance|ence|ing|ed|ly|ful|less|ous|ive|ure|ship|hood|ism|ist|ics|ies|ings|ents|ions)$"
)
# A medicine's dose after a capitalised run: "Abilify Maintena 400mg", "Zyprexa 10 mg".
_DOSE_AFTER = re.compile(r"\s*\d+(?:\.\d+)?\s?(?:mg|mcg|micrograms?|milligrams?|ml|g|iu|units)\b", re.IGNORECASE)
# A firm or a provider named in brackets after what it is: "her solicitors (Duncan Lewis)", "the agency (Hays)".
# "Chloe Bennett NHS 1930 493 681", "Kacper Nowak  NHS: ...": an acronym that labels the number after it is a field,
# not the end of a service's name.
_NUMBER_LABEL_AFTER = re.compile(r"\s*(?:(?:no\.?|num(?:ber)?|#)\s*)?[:.]?\s*\d", re.IGNORECASE)


_BRACKET_DETERMINERS = frozenset({"the", "a", "his", "her", "their"})


def _names_a_role(bracket: re.Match[str] | None) -> bool:
    """The brackets start with a role or a relation ("(mum)", "(the SW)", "(SW, Physical Disability Team)"), or with
    a team's initials and then one ("(YC support worker)"); not "(vulnerable adult)", which says what kind of thing."""
    if bracket is None:
        return False
    found = re.findall(r"[A-Za-z-]+", bracket.group("inside"))
    if found and found[0].lower() in _BRACKET_DETERMINERS:
        found = found[1:]
    if not found:
        return False
    return found[0] in words.BRACKETED_ROLES or (
        found[0].isupper() and any(word in words.BRACKETED_ROLES for word in found[1:3])
    )


def _done_to_someone(word: str) -> bool:
    """A worker's verb in the past that takes a person: "helped", "rang", "met", "visited" (words.WEAK_CUES)."""
    return word in words.WEAK_CUES and (word.endswith("ed") or word in {"met", "saw", "rang", "told", "gave"})


_DAYS = r"(?:Mon|Tue|Tues|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*"
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|"
    r"Nov(?:ember)?|Dec(?:ember)?)\b"
)
# Days or months from one to another: "open Mon-Thu", "Jan-Mar figures", "April–September" (not "Jan Kowalski").
_DAY_RANGE = re.compile(rf"\b(?:{_DAYS}\s*[-–/]\s*{_DAYS}|{_MONTHS}\s*[-–]\s*{_MONTHS})\b")
# A ward is where something is, a person whom something is done to: "on Rowan Ward", not "visited Mary Ward".
_WARD_AFTER_ON = re.compile(r"\b(?:[Oo]n|[Oo]nto|[Oo]ff)\s+(?P<ward>[A-Z][a-z]+\s+Ward)\b")
# Names that are not people's: a police or military operation's ("Op HERRICK", "Operation Encompass"), an NHS body's
# ("NHS Eileanan Siar", "NHS Greater Glasgow and Clyde") and the rooms a timetable books ("Rooms: Nightingale (am),
# Bevan (pm)").
_NAMED_NOT_PEOPLE = re.compile(
    r"\b(?:Op|Operation)\.?[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?"
    r"|\bNHS(?:[ \t]+(?:[A-Z][\w'’-]*|and|of)){1,4}"
    r"|\b[Rr]ooms?[ \t]*:[ \t]*(?:[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?[ \t]*(?:\((?:am|pm|AM|PM|morning|afternoon)\))?"
    r"[ \t]*(?:,|and|&)?[ \t]*)+"
)
_PLACE_SURNAME_PERSON_VERBS = words.word_set("texted told asked messaged thanked text tell ask message thank")
_PAST_OR_THIRD_PERSON = words.word_set(
    "said told went came rang saw was had got made took gave left ran sat stood felt kept met sent thought knew "
    "became began brought bought found heard held lost paid put read spoke wrote drove fell"
)
_PET_BEFORE = re.compile(
    r"\b(?:dog|dogs|puppy|cat|cats|kitten|pet|rabbit|hamster|budgie|parrot|horse|pony|snake|tortoise|ferret)"
    r"(?:\s*,|\s+(?:called|named|is\s+called))?\s*[\"“‘']?$",
    re.IGNORECASE,
)
_LANDFORMS = words.word_set("Bay Sands Vale Valley Valleys Island Isle Moor Moors Forest Estuary Peninsula")
_ROLES_AFTER_TITLE = words.word_set(
    "Prescriber Prescribers Practitioner Practitioners Specialist Specialists Consultant Manager Lead Advisor Adviser "
    "Associate Assistant Educator Therapist Partner Navigator Coordinator Co-ordinator Liaison"
)
_LABELLED_NUMBER = re.compile(r"[ \t]*(?:no\.?|:|#)?[ \t]*[A-Z]{0,3}\d")
_FIRM_BEFORE = re.compile(
    r"\b(?:solicitors|firm|agency|provider|association|company|employer|contractor|chambers|landlords|lettings|"
    r"letting\s+agents?|managing\s+agents?|care\s+agency|housing\s+association)['’]?s?\s*\(\s*$",
    re.IGNORECASE,
)


def _english_suffix(word: str) -> bool:
    """Ends like an English word ("Training", "Outcomes"), with a stem of three letters or more: not "Ling", "Ted"."""
    suffix = _ENGLISH_SUFFIX.search(word.lower())
    return bool(suffix) and suffix.start() >= 3


_NOUN_SUFFIX = re.compile(r"(?:ion|ment|ness|ity|ance|ence|ies|ics|ism|ship|hood|ure|ful|less|ous|ive|ery)$")
# Specialists' titles, which no surname ends like: "Consultant Nephrologist", "Senior Radiographer".
_SPECIALIST_TITLE = re.compile(r"(?:ologists?|ographers?|iatrists?)$")


# Medicines' stems (the WHO's naming): "Acetylcysteine completed", "Omeprazole stopped", "Sertraline" is listed.
_MEDICINE_SUFFIX = re.compile(
    r"(?:cillin|mycin|statin|prazole|sartan|pril|olol|azepam|azolam|oxetine|triptyline|cysteine|tinib|dronate|parin|"
    r"semide|thiazide|cycline|floxacin|conazole|gliptin|flozin|glutide|dipine|setron|tidine|oxacin|lukast|mab)$"
)


def _looks_like_noun(word: str) -> bool:
    if re.match(r"(?:Mc|Mac|O['’])", word):
        return False
    medicine = _MEDICINE_SUFFIX.search(word.lower())
    if medicine and medicine.start() >= 3:
        return True
    suffix = _NOUN_SUFFIX.search(word)
    return bool(suffix) and suffix.start() >= 3  # "Adulthood", "Partnership"; not "Agness" or "Prue"


# What is said only of a person, after their name: "Olumide was tearful", "Amber was crying", "Rose has been
# drinking again", "Gift seemed very withdrawn". Not "low", "poor", "calm" or "better": said of moods and seas too.
_HUMAN_STATE_AFTER = re.compile(
    r" (?:is|was|has\s+been|had\s+been|seemed|seems|appeared|appears|looked|looks|became|got|felt|feels|kept|"
    r"started|began)\s+(?:(?:very|really|quite|so|more|less|extremely|visibly|increasingly|clearly|a\s+bit|a\s+little|"
    r"slightly|still|now|also)\s+)?(?:angry|upset|tearful|distressed|agitated|aggressive|intoxicated|drunk|frightened|"
    r"scared|worried|anxious|withdrawn|hostile|abusive|rude|polite|chatty|unkempt|dishevelled|pleased|relieved|"
    r"annoyed|furious|confused|disorientated|disoriented|exhausted|hungry|apologetic|guarded|evasive|emotional|"
    r"cheerful|paranoid|suicidal|pregnant|homeless|crying|shouting|screaming|sobbing|swearing|laughing|shaking|"
    r"vomiting|begging|pacing|drinking|smoking|injecting|self-harming|sleeping\s+rough|refusing|asking|talking|"
    r"threatening|hearing\s+voices|arrested|sectioned|admitted|evicted|discharged|released|remanded|charged|"
    r"cautioned|assaulted|attacked|born)\b"
)
# Verbs said of a person, after an unlisted ordinary English word ("Gift said", "Favour rang"): a dictionary word
# needs one of these, not merely any verb ("Threshold met", "Paperwork completed", "Funding agreed").
_STRONG_PERSON_VERBS = words.word_set(
    "said says told tells asked asks rang rings phoned phones texted texts messaged emailed cried shouted screamed "
    "disclosed explained stated wants wanted feels felt thinks thought lives lived hopes hoped believes admitted "
    "denied self-discharged absconded overdosed"
)

# After an unlisted word that starts a sentence, what things have as often as people.
_THING_AFTER = re.compile(r"\s+(?:from\s+(?:the\s+)?[A-Z]|(?:is|was)\s+\d{1,2}\s*(?:[.;)]|$))")


_AUXILIARY_VERBS = words.word_set(
    "is was has had will would can could might should did does seems seemed remains remained became becomes "
    "isn't wasn't hasn't hadn't won't can't couldn't wouldn't didn't doesn't"
)
_MESSAGE_SIGNATURE_END = re.compile(r"\s*(?:[,.!;:)\n-]|$|x+\b|here\b)")
_LOWER_NOT_NAMES = words.word_set(
    "again here there back now agen ere lol hun babe love mate bro sis mum dad nan your ur the only just still outside "
    "prescriber prescribers practitioner specialist educator assessor navigator coordinator co-ordinator lead"
)
_SELF_NAMING = words.word_set("its it's im i'm")  # in a text: "its shelley", "im kayleigh"
_LOWER_PAIRS = frozenset(
    {
        ("me", "and"),
        ("and", "me"),
        ("this", "is"),
        ("my", "name's"),
        ("name", "is"),
        ("with", "me"),
        ("me", "n"),
        ("me", "&"),
        ("left", "for"),
        ("message", "for"),
        ("msg", "for"),
        ("vm", "for"),
        ("voicemail", "for"),
        ("txt", "to"),
        ("text", "to"),
        ("texted", "to"),
        ("msg", "to"),
        ("message", "to"),
        ("said", "to"),
    }
)
# Lower-case words that are no one's name although no dictionary holds them: texting, notes' shorthand.
_LOWER_SHORTHAND = words.word_set(
    "hun babe bae bro bruv fam lol omg tbh ngl idk pls plz thx tmrw tmoz cya luv appt appts dept asap fyi nfa etc "
    "hse thru tho coz cos cuz wiv wid sumfin nuffin summat gonna wanna gotta innit dunno yeah yep nope aww hiya "
    "mins hrs wks yrs approx info admin meds obs pcso paeds ortho uni hosp dr txts msgs vms ok okay okey tbc tba "
    "ive ill id im youre theyre weve wont dont cant didnt doesnt isnt wasnt"
)
# Who said it, reported: "x said tomasz was back", "apparently kayleigh has moved".
_REPORTED_BEFORE = words.word_set("said says thinks reckons heard apparently think reckon told")
# A message signed off at its end: "from leanne x", "kemi x", "love, shaz xx".
_SIGNED_LOWER = re.compile(r"[ \t]*(?:x+|xox+)?[ \t]*[.!]?[ \t]*(?:\n|$)")
# A letter or email signed off: a closing line, then the writer's name alone on the next line.
_SIGN_OFF = re.compile(
    r"(?im)^[ \t]*(?:kind(?:est)?\s+regards|best\s+regards|warm(?:est)?\s+regards|regards|best\s+wishes|"
    r"many\s+thanks|thanks(?:\s+again)?|thank\s+you|cheers|best|speak\s+soon|take\s+care|love|with\s+thanks|"
    r"yours\s+(?:sincerely|faithfully|truly))[ \t]*[,.!]?[ \t]*\n[ \t]*"
    r"(?P<name>[^\W\d_][^\n,(]{1,40}?)[ \t]*(?:[,(][^\n]*)?$"
)
_PERSONAL_PRONOUN = re.compile(r"\b(?:he|she|his|her|him|hers|himself|herself)\b")
_WEAK_VERBS = words.word_set(
    "is was has had goes went came comes continues continued remains remained seems seemed got gets became becomes "
    "started stopped began used uses takes took would will could can might should did does looks looked"
)
_PLURAL_OF_PEOPLE = re.compile(r"(?:ers|ors|ists|ants|ents|ians|iffs|ees|eers|ives|ics|ades)$")
# Words that follow a place's possessive as readily as a person's: "admitted to King's with bronchiolitis".
_FUNCTION_WORDS = words.word_set(
    "with and or in on at for to from by of after before since until about because but is was has been not so as "
    "when then now again too also still yet today tonight this that the a an overnight"
)
_DETERMINERS = words.word_set("the a an this these those its any every each")
# Titles that name pubs and places after "the": "the Lord Nelson", "the Queen Victoria", "the Marquis of Granby".
_PUB_TITLES = words.word_set(
    "Lord Lady Duke Duchess Queen King Prince Princess Marquis Marquess Earl Admiral General Sir"
)
_PLACE_PREPOSITIONS = words.word_set("in at from near to into around outside across towards via of")


def _with_possessive_bases(entries: frozenset[str]) -> frozenset[str]:
    """Each entry and its base without the possessive ("Guy's" and "Guy"), except a listed first name: "St Thomas'"
    and "Jimmy's" are hospitals, but "Thomas" and "Jimmy" alone are people's names."""
    bases = {re.sub(r"['’]s?$", "", entry) for entry in entries}
    return entries | {base for base in bases if base in entries or base not in words.GIVEN_NAMES}


_NEVER_NAMES = _with_possessive_bases(
    words.COMMON_WORDS
    | words.ORGANISATION_WORDS
    | words.TOWNS
    | words.DRUGS
    | _MONTH_NAMES
    | words.PLACES_ABROAD
    | words.CONDITION_EPONYMS
    | (words.JOB_TITLES - {"Sister"})
    | {word.title() for word in _KIN - {"sister", "nan", "nana"}}  # "Niece lives in Galway": a relation, not her name
    | words.word_set("Pt Pts Prescriber Prescribers Legal Surname Surnames Forename Forenames Firstname Side")
    | words.word_set("Widow Widower Widows Examiner Examiners Headteacher Headteachers")
)


# Lower-case nouns after one capitalised word that make it a thing's name: "Moses basket", "Lester tool".
_THING_NOUNS = words.word_set("basket tool scale score protocol chart criteria model approach pathway framework")
# What a full name names when one of these follows it: songs, a hall's reception, a lecture theatre, a fund ("Vera Lynn
# songs", "Henry Price reception"). Not "app", "round" or "case": a person's appointment, round or case conference.
_THING_AFTER_RUN = words.word_set(
    "apps songs song lyrics film films album reception lecture theatre halls grant fund award principle technique "
    "syndrome"
)
_WARD_NUMBER_BEFORE = re.compile(r"\b(?:Ward|ward|Unit|unit|Bay|bay)\s*\d+[A-Za-z]?\s*\(\s*$")
# Field labels and record words typed in capitals that may follow a name: not a surname.
_NOT_SURNAME_CAPITALS = words.word_set(
    "DOB NHS CRN PNC UPN REF TEL MOB ADDRESS PHONE NAME AGE DATE NOTE NOTES URGENT CONFIDENTIAL AND THE FOR WITH "
    "RE FAO ATTN CC BCC SENT FROM TO SUBJECT ID NO NUMBER POSTCODE"
)
# Street names of drugs, and texting's words without their apostrophes, that the name lists also hold.
_LOWER_NOT_ONLY_NAMES = words.word_set("charlie molly mandy tina henry billy pablo theres heres wheres mags")
# Surnames that are also the last word of a place's name ("Kingfisher Ward", "Grove Hall"): a person's only after a
# listed first name, with evidence, and not after "the", "to", "on" ("admitted to Martina Ward" stays a ward).
_PLACE_SURNAMES = words.word_set("Ward Hall Lane Wood Park Church Field Fields Green Marsh Moss Fell")
# Surnames that are also the words of a place's name ("Jo Bridge", "Tom Street", "Abi Lodge"): a person only on
# evidence, as the place surnames are, and only after a listed first name.
_PLACE_WORD_SURNAMES = _PLACE_SURNAMES | words.word_set("Street Bridge Lodge Brook Hill Ford Moor Dale Bank Cross")
# Who a worker is, written before the name in meeting notes: "RSW Jack Preston", "FN Abi Lodge", "OM Janet Ward".
_ROLE_ACRONYMS = words.word_set(
    "OT HV DN RSW FN OM ISVA SPO PA CSW HCA RMN RGN SSW TM MW SW CPN PO IDVA AMHP BIA IMCA IMHA SLT DSL SENCO SENCo "
    "CM CC RN SN"
)
# A name's own contact details straight after it: "Owen Bridge on 0115 496 0582", "Pauline Street (0117 496 0841)",
# "Tom Street (Care Coordinator, ...", "Paul Street | Care Navigator |".
_CONTACT_OR_ROLE_AFTER = re.compile(
    r"\s*(?:[(|:,-]|\bon\b)\s*(?:\+44|0)\s?\d"
    r"|\s*[(|]\s*(?:[A-Z][a-z]+\s+)?(?:Coordinator|Co-ordinator|Navigator|Manager|Worker|Officer|Nurse|Practitioner|"
    r"Assistant|Lead|Adviser|Advisor|Midwife|Therapist|Visitor|resident|tenant|patient|client)\b"
)
_FACILITY_AFTER = re.compile(
    r" (?:[a-z][a-z'’-]* ){0,2}(?:hub|centre|center|room|rooms|hall|unit|ward|club|cafe|café|project|clinic|"
    r"surgery|library|suite|building|base|offices|campus|scheme|garden|gardens|annexe|wing)\b"
)
# A full name straight before a place's noun names the place: "at Dorothy Kerin community garden", "Jack Straw youth
# hub", "Ellen Wilkinson high school". Only a place's own describing word may stand between ("Son Yusuf attends school"
# is a boy), a school needs one ("Tom Smith school attendance" is his), and a place's staff are people ("Sue Bell
# centre manager").
_FACILITY_MODIFIERS = (
    r"community|youth|day|drop-in|family|children's|childrens|sports|leisure|health|medical|resource|training|"
    r"learning|education|wellbeing|well-being|recovery|memorial|village|church|parish|arts|enterprise|activity|"
    r"support|advice|care|carers|women's|men's|skills|music|play|adventure|neighbourhood|primary|secondary|junior|"
    r"infant|infants|high|grammar|special|catholic|academy|sixth-form|free|heritage|peace|nature|walled|sensory"
)
_NAMED_FACILITY_AFTER = re.compile(
    rf" (?:(?:{_FACILITY_MODIFIERS}) )?(?:hub|centre|center|hall|club|cafe|café|project|clinic|surgery|library|"
    r"building|campus|scheme|garden|gardens|annexe|allotments?|park)\b"
    rf"| (?:{_FACILITY_MODIFIERS}) (?:school|college|nursery|academy)\b"
)
# A place's name in capitals after a titled name makes the title part of the place's: "the Dr Gray Health Centre",
# "Lady Margaret Hall Community Centre", "the Sir Robert Peel Hospital".
_CAPITAL_FACILITY_AFTER = re.compile(
    r" (?:(?:Health|Medical|Community|Day|Resource|Family|Youth|Children['’]s|Leisure|Sports|Memorial|Village|"
    r"Wellbeing|Recovery) (?:Centre|Center|Hub|Hall)|Surgery|Practice|Hospital|Hospice|Infirmary|Library|Academy|"
    r"(?:Primary |Secondary |High |Junior |Infant )?School|College|Institute)\b"
)
_PLURAL_FACILITIES = words.word_set("units wards hospitals centres surgeries practices hubs clinics hostels")
_FACILITY_STAFF_AFTER = re.compile(
    r" (?:manager|staff|worker|workers|lead|nurse|coordinator|co-ordinator|volunteer|volunteers|team|officer)\b"
)
# A surname typed in capitals: "HOXHA", "McLEOD", "O'HARA", "MAC GIOLLA" is two tokens and not read here.
_CAPITAL_SURNAME = re.compile(r"(?P<prefix>Mc|Mac|O['’]|D['’])?(?P<rest>[A-Z]{2,}(?:[-'’][A-Z]{2,})?)")


def _mac_title(caps: str) -> str:
    """ "McLEOD" -> "McLeod", "O'HARA" -> "O'Hara"."""
    match = _CAPITAL_SURNAME.fullmatch(caps)
    if match is None or not match.group("prefix"):
        return caps.title()
    return match.group("prefix") + match.group("rest").title()


# An organisation's word at the end of the list item before, or at the end of the item after: "Choice Support,
# Lifeways and Mencap", "Hft, the Brandon Trust".
_ORG_ENDINGS = (
    r"(?:Trust|Council|Support|Project|Centre|Center|Group|Services?|Charity|Foundation|Association|Society|Network|"
    r"Partnership|Housing|Ltd|CIC|Alliance|Collective)"
)
_ORG_LIST_BEFORE = re.compile(rf"\b{_ORG_ENDINGS}\s*(?:,|and|&)\s*$")
_ORG_LIST_AFTER = re.compile(rf"\s*(?:,|and|&)\s*(?:the\s+)?(?:[A-Z][\w'’-]*\s+){{0,3}}{_ORG_ENDINGS}\b")
# An organisation's own nouns: after a title and a first name, never the person's surname ("Dr Emma Surgery").
_ORGANISATION_NOUNS = words.word_set(
    "Trust Hospital Hospitals Surgery Centre Center Practice Clinic Council Service Services Team Unit Ward Wards "
    "House Hall Court Lodge School Academy College University Project Foundation Charity Group Partnership Hub Network "
    "Society Association Health Care NHS Police Housing Hospice Infirmary Station Prison Office Board Authority"
)
# A firm's name runs on to its legal form: "Anderson & Wright Care Ltd", "Khan Solicitors LLP", "Smith and Co".
_FIRM_AFTER = re.compile(
    r"(?:\s+(?:&|and)\s+[A-Z][\w'’-]*)?(?:\s+[A-Z][\w'’-]*){0,3}\s+"
    r"(?:Ltd|Limited|LLP|plc|PLC|CIC|Solicitors|Associates|Partnership|(?:&|and)\s+Co)(?![\w-])"
)
# Lower-case words that, right after a capitalised run, show it is a place or an organisation ("Kingfisher ward").
_LOWER_ORGANISATION_WORDS = words.word_set(
    "ward wards unit practice surgery hostel centre center trust foundation lodge hospital clinic hospice forum "
    "building block wing annexe suite "
    "project charity estate road street lane avenue academy school college church mosque library programme "
    "network partnership fellowship collective care scheme"
)


_NAME_PREFIX = re.compile(r"[OD]['’]|Mac|Mc")


@lru_cache(maxsize=32768)
def _name_shaped(word: str) -> bool:
    """Capitalised like a name: "Jade", "McCarthy", "O'Neill", "Nwachukwu-Okafor", "Siân", "Łukasz"."""
    return all(_name_part_shaped(part) for part in word.split("-"))


def _name_part_shaped(part: str) -> bool:
    prefix = _NAME_PREFIX.match(part)  # "O'Neill", "McCarthy", "MacLeod": the capital after the prefix
    if prefix and len(part) > prefix.end() + 1 and part[prefix.end()].isupper():
        part = part[prefix.end() :]
    rest = part[1:]
    return len(part) >= 2 and part[0].isupper() and rest.isalpha() and rest.islower()


@lru_cache(maxsize=32768)
def _plain(word: str) -> str:
    """The word without accents, for looking it up in lists written without them ("Siân" -> "Sian")."""
    if word.isascii():
        return word
    return "".join(char for char in unicodedata.normalize("NFKD", word) if not unicodedata.combining(char))


@dataclass(frozen=True)
class _Lexicon:
    given: frozenset[str]  # curated first names and the name data's
    ambiguous: frozenset[str]  # first names that are also English words: names only in context
    surnames: frozenset[str]
    lower_given: frozenset[str]  # lower-case first names that are not also ordinary lower-case words
    lower_ambiguous: frozenset[str]  # lower-case names that are also words ("summer"): only after a strong cue
    lower_surnames: frozenset[str]  # lower-case surnames that are no ordinary word, for "maria santos"
    lower_not_names: frozenset[str]  # lower-case words the lists know as services, roles, cues, never names
    common_english: frozenset[str]  # common English words in lower case, never a name on their own
    dictionary: frozenset[str]  # ordinary English words in lower case: an unlisted one is a name only on plain evidence


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = load_name_data()
    ambiguous = words.AMBIGUOUS_GIVEN_NAMES | (data.english_words - _NEVER_NAMES - words.SURNAMES)
    ambiguous = (ambiguous - words.GIVEN_NAMES) | words.PLACE_LIKE_GIVEN_NAMES
    given = (words.GIVEN_NAMES | words.NICKNAMES | data.given_names) - ambiguous
    surnames = words.SURNAMES | data.surnames
    lower_words = {word.lower() for word in _NEVER_NAMES | words.RUN_KILLERS | words.ROLE_CUES}
    lower_words |= words.STRONG_CUES | words.WEAK_CUES | words.NAME_VERBS | words.LOWER_CASE_WORDS
    lower_words |= words.GREETINGS | words.MESSAGE_WORDS | _LOWER_ROLE_CUES | _LOWER_ORGANISATION_WORDS
    curated_ambiguous = words.AMBIGUOUS_GIVEN_NAMES | words.PLACE_LIKE_GIVEN_NAMES  # "summer", "jordan"
    lower_ambiguous = {name.lower() for name in curated_ambiguous if len(name) >= 3} - lower_words
    lower_words |= {name.lower() for name in ambiguous}  # "fed", "sang": words first, even after "her carer"
    lower_given = {name.lower() for name in given if len(name) >= 3} - lower_words - lower_ambiguous
    lower_given -= data.common_english
    lower_surnames = {name.lower() for name in surnames if len(name) >= 3} - lower_words - data.common_english
    return _Lexicon(
        frozenset(given),
        frozenset(ambiguous),
        frozenset(surnames),
        frozenset(lower_given),
        frozenset(lower_ambiguous),
        frozenset(lower_surnames - lower_ambiguous),
        frozenset(lower_words | {word.lower() for word in words.INITIALISMS} | _LOWER_SHORTHAND | _LOWER_NOT_NAMES),
        data.common_english,
        data.dictionary | _british_spellings(data.dictionary),
    )


_AMERICAN_ENDING = re.compile(r"(iz|yz)(e|ed|es|ing|ation|ations|er|ers)$")


def _british_spellings(dictionary: frozenset[str]) -> frozenset[str]:
    """ "anonymised", "organisation", "analysed": the word list is American, case notes are written in British."""
    return frozenset(
        _AMERICAN_ENDING.sub(lambda match: match.group(1).replace("z", "s") + match.group(2), word)
        for word in dictionary
        if _AMERICAN_ENDING.search(word)
    )


def _person_after(after: str) -> bool:
    return bool(_PERSON_AFTER.match(after) or _ROLE_AFTER.match(after))


def is_first_name(word: str) -> bool:
    """A first name in the lists that is not also a surname ("Mina", "Jade"; not "Munro", "Francis")."""
    lexicon = _lexicon()
    return (word in lexicon.given or word in lexicon.ambiguous) and word not in lexicon.surnames


@dataclass(slots=True)
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
    append = tokens.append
    previous_end = -1
    sentence_break = _SENTENCE_BREAK.search
    for match in _TOKEN.finditer(text):
        raw = match.group()
        start, end = match.span()
        base = raw
        if raw[-1] in "s'’" and len(raw) > 2 and raw.endswith(("'s", "’s", "'", "’")):
            base = _POSSESSIVE.sub("", raw)
        if previous_end < 0:
            sentence_start = True
        elif previous_end + 1 == start and text[previous_end] == " ":
            sentence_start = False
        else:
            sentence_start = bool(sentence_break(text[previous_end:start]))
        capitalised = base[0].isupper() and _name_shaped(base)
        append(_Token(start, start + len(base), raw, base, capitalised, sentence_start, base is not raw))
        previous_end = end
    return tokens


class _NameFinder:
    """Decides which tokens in one passage are people's names."""

    def __init__(self, text: str, blocked_spans: Sequence[tuple[int, int]] = ()) -> None:
        self.text = text
        self.tokens = _tokenise(text)
        self.lexicon = _lexicon()
        self.flagged: set[int] = set()
        self.blocked: set[int] = set()  # tokens inside an institution, street or stop phrase
        self.blocked_spans = blocked_spans  # known organisations found by the caller
        self._starts: dict[int, int] | None = None  # token index by start offset, built when needed
        self.joins: set[int] = set()  # flagged tokens whose span runs on into the next token ("E. Eze", "LIU, Yang")

    def run(self) -> list[Span]:
        self._block_spans()
        self._flag_after_titles()
        self._flag_name_shapes()
        for run in self._capitalised_runs():
            self._judge_run(run)
        self._flag_lower_case_names()
        self._flag_lower_full_names()
        self._flag_email_names()
        self._flag_after_patronymics()
        self._flag_nicknames()
        self._flag_initials()
        self._flag_speakers()
        self._flag_sign_offs()
        self._flag_shouted_names()
        self._flag_first_then_capital_surname()
        self._flag_initial_surnames()
        self._flag_capital_surnames_after()
        self._flag_and_pairs()
        self._propagate()
        self._flag_and_pairs()
        return self._spans()

    # -- shapes that are names whatever the word lists say --------------------------------------

    def _at(self, offset: int) -> int | None:
        """The index of the token starting at `offset`."""
        if self._starts is None:
            self._starts = {token.start: position for position, token in enumerate(self.tokens)}
        return self._starts.get(offset)

    def _flag_if_name_like(self, index: int | None, *, listed_only: bool = False) -> bool:
        if index is None or index in self.blocked:
            return False
        token = self.tokens[index]
        word = token.base
        if not token.capitalised or word in _MONTH_NAMES or word in words.RUN_KILLERS:
            return False
        if not self._known_name(word) and (
            listed_only or word in _NEVER_NAMES or word.lower() in self.lexicon.common_english or _looks_like_noun(word)
        ):
            return False
        self.flagged.add(index)
        return True

    def _flag_name_shapes(self) -> None:
        """Self-naming in messages, room occupants, "the X family", "E. Eze", "ADEBAYO, Olufemi", "Surname: O'REILLY",
        and a full name broken over a line after a title ("Mrs Ruth / McAllister")."""
        text = self.text
        for match in _SELF_NAMED.finditer(text):
            if not _MESSAGE_OPENING.search(text, max(0, match.start() - 12), match.start()):
                continue
            index = self._at(match.start("name"))
            if index is not None and self.tokens[index].capitalised:
                self._flag_if_name_like(index)
        for pattern in (_OCCUPANT, _FAMILY_OF, _NAME_THEN_ROOM):
            for match in pattern.finditer(text):
                self._flag_if_name_like(self._at(match.start("name")))
        for match in _NAME_THEN_SHORT_FORM.finditer(text):
            name, short = match.group("name"), match.group("short").lower()
            if name.lower().startswith(short[:2]) or short in name.lower():
                index = self._at(match.start("name"))
                if index is not None and index not in self.blocked and name not in _NEVER_NAMES:
                    self.flagged.add(index)  # 'Ikechukwu ("Ike")': a short form of the word is a nickname
        for match in _INITIAL_SURNAME.finditer(text):
            initial, surname = self._at(match.start("initial")), self._at(match.start("surname"))
            if initial is None or surname is None:
                continue
            if initial > 0 and self._joined(initial - 1, initial) and self._word(initial - 1) in _NOT_INITIAL_BEFORE:
                continue
            if initial > 0 and self.tokens[initial - 1].raw in words.TITLES:
                continue  # "Dr A. Patel": the title's rule reads the surname
            word = self.tokens[surname].base
            if word in _NEVER_NAMES and not self._surname(word):
                continue
            if word.lower() in self.lexicon.dictionary and not self._known_name(word):
                continue  # "distal radius L. Removable splint": a side of the body, then a word
            if self._flag_if_name_like(surname):
                self.flagged.add(initial)
                self.joins.add(initial)
        for match in _CAPITAL_SURNAME_FIRST.finditer(text):
            surname, given = self._at(match.start("surname")), self._at(match.start("given"))
            caps = match.group("surname")
            if surname is None or given is None or caps in words.INITIALISMS or "\n" in match.group("gap"):
                continue
            if not re.sub(r"^Ma?c", "", caps).isupper() or not match.group("given")[1:].islower():
                continue  # the letters' ranges hold small letters too ("ĄĆ" and "ąć" alternate)
            title = caps.title().replace("'S", "'s")
            listed = self._given(title) or self._surname(title)
            # "KOWALCZYK Natalia": a surname no list holds, shaped like one (no word, vowels), before a first name
            shaped = self._unlisted_surname_shape(caps) and self._given(match.group("given"))
            comma = "," in match.group("gap")
            # "PRICE, Levi": a surname that is also a word, with a comma and a listed first name after it
            word_surname = comma and self._surname(title) and self._given(match.group("given"))
            if (title in _NEVER_NAMES and not word_surname) or not (listed or shaped or comma):
                continue  # "LIU Yang" with a listed surname; "ADEBAYO, Olufemi" with the comma of a list of names
            if self._flag_if_name_like(given):
                self.flagged.add(surname)
                self.joins.add(surname)
        for match in _CAPITAL_FIELD.finditer(text):
            for word in re.finditer(r"(?:Ma?c)?[A-Z][A-Z'’-]+", match.group("value")):
                index = self._at(match.start("value") + word.start())
                title = word.group().title()
                if title in _NEVER_NAMES or title.lower() in self.lexicon.common_english or title in _NOT_GIVEN:
                    break  # "Name: UNKNOWN", "NOT GIVEN", "WITHHELD"
                if index is not None and word.group() not in words.INITIALISMS:
                    self.flagged.add(index)
                    if index - 1 in self.flagged and self._joined(index - 1, index):
                        self.joins.add(index - 1)
        self._flag_broken_titled_names()

    def _flag_broken_titled_names(self) -> None:
        """ "Mrs Ruth\nMcAllister": a pasted message breaks a titled name over a line."""
        for index, token in enumerate(self.tokens[:-1]):
            if index not in self.flagged or index - 1 < 0 or self.tokens[index - 1].raw not in words.TITLES:
                continue
            following = self.tokens[index + 1]
            gap = self.text[token.end : following.start]
            surname = following.capitalised and self._surname_like(following.base, False)
            if gap == "\n" and surname and self._given(token.base):
                self.flagged.add(index + 1)
                self.joins.add(index)

    def _flag_lower_full_names(self) -> None:
        """ "Name: zainab hussain", "Discussed maria\nsantos": a listed first name and surname, in lower case."""
        lower_given, lower_surnames = self.lexicon.lower_given, self.lexicon.lower_surnames
        for index, token in enumerate(self.tokens[:-1]):
            if token.raw not in lower_given:
                continue
            following = self.tokens[index + 1]
            if not following.base.islower() or index in self.blocked:
                continue
            if self.text[token.end : following.start] not in (" ", "\n"):
                continue
            if token.raw in lower_given and following.base in lower_surnames:
                self.flagged.update((index, index + 1))
                self.joins.add(index)

    def _flag_nicknames(self) -> None:
        """'Karen Doyle ("Kaz")', 'Terence "Terry" Walsh', '"Big Dev"': quoted nicknames beside a name."""
        text = self.text
        for index, token in enumerate(self.tokens):
            if index not in self.flagged and not (token.capitalised and self._given(token.base)):
                continue
            match = _QUOTED_NICKNAME.match(text, token.end)
            if match is None or token.possessive:
                continue
            nick = match.group("nick") or match.group("single") or match.group("plain")
            if index not in self.flagged and not self._given(nick):
                continue  # 'Benedict "Ben"': an unflagged listed first name, then its short form, is a person
            if match.group("plain") and not (self._given(match.group("plain")) and self._given(token.base)):
                continue  # "Beatrice (Betty)": a first name's short form, not "Jane (Mum)" or "Sam (SW)"
            following = range(index + 1, min(index + 4, len(self.tokens)))
            nickname = [i for i in following if self.tokens[i].end <= match.end()]
            if not nickname:
                continue
            self.flagged.update((index, *nickname))
            if len(nickname) == 2 and self._joined(nickname[0], nickname[1]):
                continue
            after = nickname[-1] + 1  # 'Jermaine "JJ" Campbell': the surname after the nickname
            if (
                after < len(self.tokens)
                and self.tokens[after].start - match.end() <= 1
                and self._surname_after_nickname(after, bracketed="(" in match.group())
            ):
                self.flagged.add(after)
                self.joins.update((index, *nickname))  # 'Danny "Dee" Hollis' is one person
        for match in _QUOTED_ADJECTIVE_NAME.finditer(text):
            if match.group("adjective") not in words.NICKNAME_ADJECTIVES:
                continue
            adjective, name = self._at(match.start("adjective")), self._at(match.start("name"))
            if adjective is not None and name is not None and self._flag_if_name_like(name, listed_only=True):
                self.flagged.add(adjective)

    def _surname_after_nickname(self, index: int, *, bracketed: bool) -> bool:
        """The surname after 'Jermaine "JJ"': name-shaped; in capitals, a listed surname or one shaped like a surname
        ('Maureen "Mo" FINNEGAN', 'Beatrice (Betty) NOLAN'); after a bracket, which may end the sentence's subject
        ('Karen ("Kaz") Called today'), a capitalised word only when it is a listed surname."""
        token = self.tokens[index]
        if self._capital_surname(index):
            return self._surname(token.base.title()) or self._unlisted_surname_shape(token.base.replace("'", ""))
        if not token.capitalised:
            return False
        return self._surname(token.base) if bracketed else self._surname_like(token.base, False)

    def _flag_speakers(self) -> None:
        """A pasted chat: "Leanne: anyone seen him? / Mark: at the hostel". With two or more speakers, one of them
        surely a name, every listed first name used as a speaker's label is a name, even one that is also a word."""
        labels = [self._at(match.start(1)) for match in _SPEAKER.finditer(self.text)]
        labels = [index for index in labels if index is not None and self.tokens[index].base not in _NEVER_NAMES]
        if len(labels) < 2 or not any(index in self.flagged for index in labels):
            return
        for index in labels:
            word = self.tokens[index].base
            if word.lower() not in _FIELD_LABELS and (self._given(word) or self._ambiguous(word)):
                self.flagged.add(index)

    def _flag_initials(self) -> None:
        """Initials standing for a person: "AB (mum)", "Texted LM (SU)", "Notes taken by KO", a note signed "JW"."""
        text = self.text
        people: set[str] = set()
        names_initials: set[str] | None = None
        for match in _INITIALS.finditer(text):
            initials = match.group("initials")
            if initials in words.INITIALISMS or initials in _UPPER_CUES:
                continue
            role = _ROLE_IN_BRACKETS.match(text, match.end())
            before = text[max(0, match.start() - 30) : match.start()]
            signed = _SIGNED_INITIALS.search(before) and not text[match.end() :].strip(" .\t\n")
            role_before = _ROLE_BEFORE_INITIALS.search(before)
            if _names_a_role(role) or _INITIALS_VERB_BEFORE.search(before) or signed:
                people.add(initials)
            elif role_before:
                people.add(initials)  # "POP KW", "resident JB", "Mr TD"
            elif initials in (names_initials := names_initials or self._initials_of_names()):
                people.add(initials)  # "Kelly Ann Brennan (chair) ... KAB to book the review"
            elif _ACTION_OWNER_BEFORE.search(before) and _ACTION_OWNER_AFTER.match(text, match.end()):
                people.add(initials)  # "1. JT - chase GP for the review"
        if not people:
            return
        for match in _INITIALS.finditer(text):
            if match.group("initials") in people:
                index = self._at(match.start())
                if index is not None:
                    self.flagged.add(index)

    def _flag_after_patronymics(self) -> None:
        """ "Ahmed bin Salem", "Dafydd ap Rhys": after a first name, "son of" and a capitalised word is a name."""
        for index in sorted(self.flagged):
            particle, name = index + 1, index + 2
            if name >= len(self.tokens) or self.tokens[particle].raw not in _PATRONYMIC_PARTICLES:
                continue
            token = self.tokens[name]
            joined = self._joined(index, particle) and self._joined(particle, name)
            if joined and token.capitalised and token.base not in words.RUN_KILLERS and name not in self.blocked:
                self.flagged.add(name)

    def _particle_between(self, left: int, right: int) -> bool:
        middle = left + 1
        return (
            self.tokens[middle].raw in _NAME_PARTICLES
            and self._joined(left, middle)
            and self._joined(middle, right)
            and middle not in self.flagged
        )

    def _initials_of_names(self) -> set[str]:
        """ "KAB" and "KA" for "Kelly Ann Brennan": the initials of each flagged name of two or three words."""
        initials: set[str] = set()
        flagged = sorted(self.flagged)
        run: list[int] = []
        for index in [*flagged, -2]:
            if run and index == run[-1] + 1 and self._joined(run[-1], index):
                run.append(index)
                continue
            if len(run) >= 2:
                letters = "".join(self.tokens[i].raw[0] for i in run[:3])
                initials.add(letters)
                initials.add(letters[:2])
            run = [index]
        return initials

    def _flag_email_names(self) -> None:
        """ "Abi Whiteley abi.whiteley@example.org", "Rubina Mahmood ... r.mahmood@nhs.net": a capitalised word that
        is a part of an email address in the same text names the person whose address it is."""
        if "@" not in self.text:
            return
        parts = set()
        for match in _EMAIL_LOCAL.finditer(self.text):
            local = [part for part in re.split(r"[._-]+", match.group(1).lower()) if part]
            if len(local) < 2 or not any(len(part) == 1 or self._given(part.title()) for part in local):
                continue  # a person's address has an initial or a first name: not "support.lifehouse@"
            parts.update(part for part in local if len(part) >= 3)
        if not parts:
            return
        for index, token in enumerate(self.tokens):
            word = token.base
            if not token.capitalised or index in self.blocked or word.lower() not in parts or word.isupper():
                continue
            if word in _NEVER_NAMES or word in words.RUN_KILLERS or word.lower() in self.lexicon.common_english:
                continue
            self.flagged.add(index)

    # -- word lists -------------------------------------------------------------------------

    def _given(self, word: str) -> bool:
        if word in self.lexicon.given or _plain(word) in self.lexicon.given:
            return True
        if "-" in word:  # "Lacey-Mae", "Mary-Jane": every part a first name
            parts = word.split("-")
            return all(self._given(part) or self._ambiguous(part) for part in parts) and any(map(self._given, parts))
        return False

    def _ambiguous(self, word: str) -> bool:
        return word in self.lexicon.ambiguous

    def _surname(self, word: str) -> bool:
        if word in self.lexicon.surnames or _plain(word) in self.lexicon.surnames:
            return True
        if "-" in word and word.count("-") == 1:  # "Owusu-Ansah", "Adeyinka-Moss": a listed name and another name
            first, second = word.split("-")
            listed = [self._listed_name_part(part) for part in (first, second)]
            return any(listed) and all(
                is_listed or self._ambiguous(part) or self._unknown_name_part(part)
                for part, is_listed in zip((first, second), listed, strict=True)
            )
        return False

    def _listed_name_part(self, part: str) -> bool:
        return part in self.lexicon.surnames or part in self.lexicon.given

    def _only_a_word(self, word: str) -> bool:
        """An ordinary English word that no list holds as a name: "Wheelchair", "Vehicles"; not "Ray"."""
        return word.lower() in self.lexicon.dictionary and not self._known_name(word)

    def _surname_shaped_unknown(self, word: str) -> bool:
        """A capitalised word that no list or dictionary holds and that ends like no English word: "Whitlock"."""
        return (
            _name_shaped(word)
            and word not in _NEVER_NAMES
            and word not in words.RUN_KILLERS
            and word.lower() not in self.lexicon.dictionary
            and word.lower() not in self.lexicon.common_english
            and not _looks_like_noun(word)
            and not _english_suffix(word)
            and not self._known_name(word)
        )

    def _unknown_name_part(self, part: str) -> bool:
        return _name_part_shaped(part) and part not in _NEVER_NAMES and part.lower() not in self.lexicon.dictionary

    def _known_name(self, word: str) -> bool:
        return self._given(word) or self._surname(word) or self._ambiguous(word)

    # -- helpers --------------------------------------------------------------------------

    def _word(self, index: int) -> str:
        return self.tokens[index].raw.lower() if 0 <= index < len(self.tokens) else ""

    def _joined(self, left: int, right: int) -> bool:
        """True when two neighbouring tokens are separated by a single space."""
        return self.text[self.tokens[left].end : self.tokens[right].start] == " " and not self.tokens[left].possessive

    def _person_not_organisation(self, start: int, end: int) -> bool:
        """A one-word known organisation that is also a first name, used of a person: "Frank rang", "Mind said" is
        not; "Frank (neighbour)" and "Frank rang" are."""
        index = self._at(start)
        if index is None or self.tokens[index].end != end:
            return False
        word = self.tokens[index].base
        if not (self._given(word) or self._ambiguous(word)):
            return False
        return self._human_after(index) or self._cue_before(index)

    def _block_spans(self) -> None:
        spans = [span for span in self.blocked_spans if not self._person_not_organisation(*span)]
        lowered = self.text.lower()
        for phrase in words.STOP_PHRASES:
            position = lowered.find(phrase)
            while position != -1:
                spans.append((position, position + len(phrase)))
                position = lowered.find(phrase, position + 1)
        spans.extend(match.span() for match in _DAY_RANGE.finditer(self.text))  # "open Mon-Thu"
        spans.extend(match.span("ward") for match in _WARD_AFTER_ON.finditer(self.text))  # "visiting on Rowan Ward"
        spans.extend(match.span() for match in _NAMED_NOT_PEOPLE.finditer(self.text))
        if not spans:
            return
        spans.sort()
        first_open = 0
        for index, token in enumerate(self.tokens):  # tokens and spans both in text order: one sweep
            while first_open < len(spans) and spans[first_open][1] <= token.start:
                first_open += 1
            for start, end in spans[first_open:]:
                if start > token.start:
                    break
                if token.end <= end:
                    self.blocked.add(index)
                    break

    def _flag_after_titles(self) -> None:
        for index, token in enumerate(self.tokens):
            if token.raw not in words.TITLES or token.possessive or index in self.blocked:
                continue
            following = self.text[token.end : token.end + 2]
            if token.raw in {"Sister", "Father", "Lady", "Lord", "Master", "Madam"} and token.sentence_start:
                continue
            if token.raw in _PUB_TITLES and self._word(index - 1) == "the":
                continue  # "quiz at the Lord Nelson", "the Duke of York's": a pub or a place, not a person
            if not re.match(r"\.?\s", following):
                continue
            self._flag_title_name(index + 1)

    def _flag_title_name(self, index: int) -> None:
        # Skip initials such as "Mr J. Smith" or "Dr A Patel".
        while index < len(self.tokens) and _INITIAL.fullmatch(self.tokens[index].raw):
            index += 1
        if index < len(self.tokens) and self._capital_surname(index):
            self.flagged.add(index)  # "Usual GP: Dr HUSSAIN", "Mrs O'REILLY"
            return
        taken = 0
        first = index
        while index < len(self.tokens) and taken < 3:
            token = self.tokens[index]
            if not token.capitalised or index in self.blocked or not self._surname_like(token.base, taken == 0):
                break
            self.flagged.add(index)
            taken += 1
            if token.possessive or index + 1 >= len(self.tokens) or not self._joined(index, index + 1):
                break
            index += 1
        last = first + taken - 1
        if taken and (
            self._organisation_follows(last)
            or (self.tokens[last].possessive and self._named_place_follows(last))
            or self._place_after_titled_name(first, last)
        ):
            self.flagged.difference_update(range(first, first + taken))  # "the Dr Foster practice"
            self.blocked.update(range(first, first + taken))

    def _public_figure(self, run: list[int]) -> bool:
        """The run is a famous person's or a fictional character's name (data/public-figures.txt), with nothing
        before it that makes it someone in the case: a title takes its name first, and the caller has found no cue."""
        if self.tokens[run[0]].base not in _public_figures_first_words():
            return False
        if run[0] > 0 and self.tokens[run[0] - 1].raw in words.TITLES:
            return False
        following = run[-1] + 1  # "Joseph Rowntree", "Thomas Coram": the surname already read as a charity's
        if following < len(self.tokens) and following in self.blocked and self._joined(run[-1], following):
            run = [*run, following]
        if tuple(self.tokens[i].base for i in run) not in _public_figures():
            return False
        after = self.text[self.tokens[run[-1]].end : self.tokens[run[-1]].end + 60]
        # "Imran Khan (estranged husband)", "Tom Jones (12.3.80)", "Tom Jones, NHS ...": someone in the case
        return not (_ROLE_AFTER.match(after) or self._relation_after(run[-1]) or _RECORD_AFTER.match(after))

    def _place_after_titled_name(self, first: int, last: int) -> bool:
        """ "the Dr Gray Health Centre", "Lady Margaret Hall Community Centre": a titled name that a place's name in
        capitals follows is the place's. Not a first name alone: "Dr Emma Surgery team" is Dr Emma's."""
        if not _CAPITAL_FACILITY_AFTER.match(self.text, self.tokens[last].end):
            return False
        base = self.tokens[last].base
        return first < last or not self._given(base) or self._surname(base)

    def _flag_initial_surnames(self) -> None:
        """ "grandmother S. WHITLOCK", "manager (L Crabtree)", "filtered: D. KOWALCZYK": an initial, then a surname in
        capitals or a listed one. Not "Plan B", "Ward C Smith" or "Hepatitis B": no capitalised word before the
        initial, and "A" and "I" only with their full stop."""
        for index in range(len(self.tokens) - 1):
            initial = self.tokens[index]
            if len(initial.raw) != 1 or not initial.raw.isupper() or index in self.flagged or index in self.blocked:
                continue
            gap = self.text[initial.end : self.tokens[index + 1].start]
            if gap not in {" ", ". "} or (initial.raw in {"A", "I"} and gap != ". "):
                continue
            if index > 0 and self.tokens[index - 1].capitalised and self.tokens[index - 1].raw not in words.ROLE_CUES:
                continue
            surname = index + 1
            base = self.tokens[surname].base
            listed = (
                self.tokens[surname].capitalised
                and self._surname(base)
                and base not in _NEVER_NAMES
                and base.lower() not in self.lexicon.dictionary
            )
            if listed or self._capital_surname(surname):
                self.flagged.update((index, surname))
                self.joins.add(index)

    def _capital_surname(self, index: int) -> bool:
        raw = self.tokens[index].base
        return (
            len(raw) >= 2
            and raw.isupper()
            and raw.replace("'", "").replace("’", "").replace("-", "").isalpha()
            and raw not in words.INITIALISMS
            and index not in self.blocked
            and raw.title() not in _NEVER_NAMES
        )

    def _flag_shouted_names(self) -> None:
        """ "CAN U TELL LIAM IM NOT GOING, SHARON IS": a listed first name in a message typed in capitals."""
        for index, token in enumerate(self.tokens):
            raw = token.base
            if len(raw) < 3 or not raw.isupper() or not raw.isalpha() or raw in words.INITIALISMS:
                continue
            title = raw.title()
            if not self._given(title) or self._ambiguous(title) or title in _NEVER_NAMES or index in self.blocked:
                continue
            neighbours = [
                self.tokens[i].raw
                for i in (index - 1, index + 1)
                if 0 <= i < len(self.tokens) and self._joined(min(i, index), max(i, index))
            ]
            if any(len(word) >= 2 and word.isupper() and word.isalpha() for word in neighbours):
                self.flagged.add(index)  # words joined by a space, not "CONN_MAX_AGE"

    def _flag_first_then_capital_surname(self) -> None:
        """ "Ardit HOXHA, DOB ...", "Member of staff: Jordan WEBB", "Child: Ruby McLEOD": records type a person's
        surname in capitals after their first name. Read as a name when the first word is a first name, or the capitals
        a surname, or both are unknown words with the shape of names; never an acronym or a field's label after a place
        or a service ("Leeds CAMHS", "Sam NHS 943 ...")."""
        for index, token in enumerate(self.tokens[:-1]):
            following = index + 1
            if following in self.flagged or index in self.blocked or following in self.blocked:
                continue
            first, caps = token.base, self.tokens[following].base
            after = following + 1
            if after < len(self.tokens) and self._joined(following, after) and self.tokens[after].raw.isupper():
                continue  # "Jade PLEASE CALL": a shouted phrase, not a surname
            if not token.capitalised or first.isupper() or not self._joined(index, following):
                continue
            letters = _CAPITAL_SURNAME.fullmatch(caps)
            if letters is None or caps in words.INITIALISMS or caps in words.SERVICE_ACRONYMS:
                continue
            if caps in _NOT_SURNAME_CAPITALS or caps in _UPPER_CUES or self._number_label(following):
                continue
            if first in _NEVER_NAMES or first in words.RUN_KILLERS or first in _MONTH_NAMES or first in words.TOWNS:
                continue
            surname = caps.title().replace("'S", "'s")
            listed_surname = self._surname(surname) or self._surname(_mac_title(caps))
            unknown_first = first.lower() not in self.lexicon.dictionary and self._name_like_unknown(first)
            unknown_caps = self._unlisted_surname_shape(caps, letters.group("rest"))
            if (
                (self._given(first) and (listed_surname or unknown_caps or surname.lower() in self.lexicon.dictionary))
                or (self._ambiguous(first) and (listed_surname or unknown_caps))
                or (unknown_first and (listed_surname or unknown_caps) and not _looks_like_noun(first))
            ):
                self.flagged.update((index, following))
                self.joins.add(index)

    def _unlisted_surname_shape(self, caps: str, letters: str | None = None) -> bool:
        """ "HOXHA", "KOWALCZYK", "McBRIDE": a surname in capitals that no list holds, shaped like one (four capitals
        or more after any Mc or O', a vowel, no English word), not an acronym such as "CAMHS" or "SPA"."""
        letters = caps if letters is None else letters
        return (
            len(letters) >= 4
            and caps.lower() not in self.lexicon.dictionary
            and re.search(r"[AEIOU]", letters) is not None
        )

    def _flag_capital_surnames_after(self) -> None:
        """ "Victim Kelly ROURKE (11/01/1989)", "Name: Ciarán DOHERTY": police and court records type the surname in
        capitals after a first name already read as one. Not an acronym or a field's label ("Jade DOB", "Sam NHS")."""
        for index in sorted(self.flagged):
            following = index + 1
            if following >= len(self.tokens) or following in self.flagged or not self._joined(index, following):
                continue
            raw = self.tokens[following].base
            if len(raw) < 3 or not raw.isupper() or not raw.replace("-", "").replace("'", "").isalpha():
                continue
            title = raw.title()
            if raw in words.INITIALISMS or raw in words.SERVICE_ACRONYMS or raw in _NOT_SURNAME_CAPITALS:
                continue
            if self._number_label(following):
                continue
            if title in _NEVER_NAMES and not self._surname(title):
                continue
            if self._surname(title) or title.lower() not in self.lexicon.dictionary:
                self.flagged.add(following)

    def _surname_like(self, word: str, first: bool) -> bool:
        """After a title anything name-shaped is a name ("Mrs Hope Marsh", "Mr Best") except a service word."""
        if word in words.RUN_KILLERS:
            # "Mr Ward"; and after a first name, a surname that is also a place's word: "Mrs Bridget Ward"
            return (first and (self._surname(word) or self._given(word))) or word in _PLACE_WORD_SURNAMES
        if word in _MONTH_NAMES or word in words.TITLES or (first and word in _ROLES_AFTER_TITLE):
            return False  # "Nurse Prescriber", "Nurse Specialist": a title that is also a job's first word
        if self._known_name(word):
            return True
        if not first and word not in words.COMMON_WORDS and word not in _ORGANISATION_NOUNS:
            # "Dr Emma Lister": after a title and a first name, a word that names organisations only as a proper
            # name ("the Lister") is her surname; an organisation's own noun ("Dr Emma Surgery") is not
            return word not in _NEVER_NAMES or word.lower() not in self.lexicon.dictionary
        return word not in _NEVER_NAMES or (first and word not in words.COMMON_WORDS)

    def _number_label(self, index: int) -> bool:
        """ "Shahida Begum RXH 2290114", "Jordan Pike CRN N512290": capitals that label the number after them end a
        name; a surname in capitals does not ("Kelly ROURKE 11/01/1989")."""
        token = self.tokens[index]
        raw = token.base
        if not (2 <= len(raw) <= 5 and raw.isupper() and raw.isalpha()):
            return False
        if self._known_name(raw.title()):
            return False
        return bool(_LABELLED_NUMBER.match(self.text, token.end))

    def _capitalised_runs(self) -> list[list[int]]:
        runs: list[list[int]] = []
        current: list[int] = []
        for index, token in enumerate(self.tokens):
            joined = current and self._joined(current[-1], index)
            if (
                index not in self.blocked
                and not self._number_label(index)
                and (token.capitalised or (token.raw in words.ROLE_CUES and not token.raw.islower()))
            ):
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
        run = [index for index in run if index not in self.blocked]  # blocked by a run judged before this one
        if not run:
            return
        if self._public_figure(run) and not any(i in self.flagged for i in run) and not self._cue_before(run[0]):
            self.blocked.update(run)  # "looked a lot like Tom Jones", "a DJ set inspired by Dolly Parton"
            return
        last = self.tokens[run[-1]]
        if len(run) == 1 and self._modal_will(run[0]):
            self.blocked.update(run)  # "Will share report with school SENCo.": the verb, not a name
            return
        if _PET_BEFORE.search(self.text, max(0, self.tokens[run[0]].start - 30), self.tokens[run[0]].start):
            self.blocked.update(run)  # "Has a dog, Bill, who keeps him going": a pet's name is no one's personal data
            return
        if last.base in _LANDFORMS and len(run) > 1:
            self.blocked.update(run)  # "Whitley Bay", "Rhondda Valley": a place
            return
        if last.possessive and run[-1] + 1 < len(self.tokens) and self.tokens[run[-1] + 1].raw in _NAMED_FOR:
            self.blocked.update([*run, run[-1] + 1])  # "Clare's Law", "Awaab's Law": named for someone, not about them
            return
        if len(run) == 1 and not last.possessive and self._thing_named(run[0]):
            self.blocked.update(run)  # "Moses basket", "Lester tool", "Ward 3 (Rowan)": a thing or a ward's name
            return
        if self._eponym(run):
            self.blocked.update(run)  # "Kolb's cycle", "the Peter principle": a theory, not a person
            return
        if len(run) > 1 and self.tokens[run[0]].raw == "Royal":
            self.blocked.update(run)  # "Royal Albert Edward 14 ambulances waiting": an infirmary, no one is "Royal"
            return
        if self._word(run[-1] + 1) in _PLURAL_FACILITIES and self._joined(run[-1], run[-1] + 1):
            self.blocked.update(run)  # "Lister and Harvey units", "the Cavell and Seacole wards": places' names
            return
        if not last.possessive and self._thing_after_run(run):
            self.blocked.update(run)  # "Vera Lynn songs", "Henry Price reception": a thing named, not a person
            return
        if (
            last.possessive
            and len(run) == 1
            and self._word(run[-1] + 1) in _BUSINESS_AFTER_POSSESSIVE
            and not self._given(last.base)
        ):
            self.blocked.update(run)  # "Rowland's pharmacy did the blister packs"; not "Kayla's pharmacy run"
            return
        if last.possessive and self._named_place_follows(run[-1]):
            self.blocked.update(run)  # "Joseph's House", "Ellen's Place": a place named for someone
            return
        first = self.tokens[run[0]].base
        if len(run) == 2 and self._given(first) and first not in _NEVER_NAMES and self._relation_after(run[-1]):
            self.flagged.update(run)  # "Bridie Ward (cousin)": a first name and a surname that is also a word
            return
        if len(run) > 2:
            roles = [position for position, i in enumerate(run[:-1]) if self.tokens[i].raw in words.ROLE_CUES]
            if roles and roles[-1] > 0:
                # "Ward Manager Lorraine", "Team Manager Steve Ash": a job title, then the person who holds it.
                self.blocked.update(run[: roles[-1]])
                run = run[roles[-1] :]
        if (
            len(run) > 1
            and self._word(run[0] - 1) == "the"
            and self._joined(run[0] - 1, run[0])
            and (
                self._given(self.tokens[run[0]].base)
                or self._ambiguous(self.tokens[run[0]].base)
                or self.tokens[run[0]].raw in _PUB_TITLES
                or self._facility_after(run[-1])
            )
            and not any(i in self.flagged for i in run)
        ):
            self.blocked.update(run)  # "admitted to the John Radcliffe": people are not "the" anyone
            return
        if (
            len(run) == 3
            and self.tokens[run[0]].base.lower() in _KIN
            and self._given(self.tokens[run[1]].base)
            and (self._surname(self.tokens[run[2]].base) or self.tokens[run[2]].base in _PLACE_WORD_SURNAMES)
        ):
            self.flagged.update(run[1:])  # "Niece Denise Hall informed": a relative, whose surname is also a place
            return
        if self._first_name_and_place_surname(run):
            self.flagged.update(run)  # "Martina Ward said", "Bethany Hall (sister)": not "admitted to Rose Ward"
            return
        if (
            any(self.tokens[i].base in words.RUN_KILLERS for i in run)
            or self._organisation_follows(run[-1])
            or (len(run) > 1 and self._named_facility_after(run[-1]))
            or _FIRM_AFTER.match(self.text, self.tokens[run[-1]].end)
            or self._names_a_thing(run)
            or tuple(self.tokens[i].base for i in run) in _PLACEHOLDER_NAMES
        ):
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
            role_cue = role_cue or token.raw in words.ROLE_CUES or token.raw.lower() in _PERSON_ROLE_WORDS
            inside_phrase = inside_phrase or (not token.sentence_start and token.raw not in words.ROLE_CUES)
            run = run[1:]
        if (
            len(run) > 1
            and self.tokens[run[0]].base.lower() in _KIN_OR_LABEL
            and not self._known_name(self.tokens[run[0]].base)  # "Nana Ama" is an Akan name, not a grandmother
            and self._given(self.tokens[run[1]].base)
        ):
            # A relation or a form's label written with a capital, then a listed first name: "Nephew Colin holds
            # LPA", "Signed Morgan Pryce", "Name Daniel Jakub Nowak DOB ...". The cue is not part of the name.
            role_cue = True
            run = run[1:]
        if not run:
            return
        bases = [self.tokens[i].base for i in run]
        if (
            len(bases) == 2
            and self._given(bases[0])
            and bases[0] not in _NEVER_NAMES
            and (bases[1] in words.ORGANISATION_WORDS or bases[1] in words.TOWNS)  # "Bradley Kemp", "Amelia Bolton"
            and bases[1] not in words.COMMON_WORDS
        ):
            self.flagged.update(run)  # "Liam Ashworth": a surname that is also a hospital's name
            return
        if (
            len(bases) == 2
            and bases[0] in _MONTH_FIRST_NAMES
            and self._surname(bases[1])
            and bases[1] not in _NEVER_NAMES
            and not self._date_context(run[0])
        ):
            self.flagged.update(run)  # "met Jan Kowalski", "From: April Ashworth"; not "3 Jan Kowalski ward round"
            return
        if any(base in _NEVER_NAMES and not self._known_name(base) for base in bases):
            # Mixed runs such as "Citizens Advice" or "Jamie Methadone": only sure names survive.
            for i in run:
                if self._given(self.tokens[i].base) and self.tokens[i].base not in _NEVER_NAMES:
                    self.flagged.add(i)
            return
        evidence = role_cue or self._evidence(run)
        if not role_cue and self._public_figure(run) and not self._cue_before(run[0]):
            self.blocked.update(run)  # "Yesterday Tom Jones was on the radio": the famous name after a sentence's word
            return
        if inside_phrase:
            self.flagged.update(i for i in run if self._given(self.tokens[i].base))
        elif len(run) >= 2:
            self._judge_multi(run, evidence)
        else:
            self._judge_single(run[0], evidence)

    def _thing_after_run(self, run: list[int]) -> bool:
        following = run[-1] + 1
        return (
            len(run) > 1
            and following < len(self.tokens)
            and self._joined(run[-1], following)
            and self.tokens[following].raw in _THING_AFTER_RUN
        )

    def _thing_named(self, index: int) -> bool:
        token = self.tokens[index]
        if _WARD_NUMBER_BEFORE.search(self.text, max(0, token.start - 16), token.start):
            return True
        following = index + 1
        return (
            following < len(self.tokens)
            and self._joined(index, following)
            and self.tokens[following].raw in _THING_NOUNS
            and not self._cue_before(index)
        )

    def _modal_will(self, index: int) -> bool:
        """ "Will share the report", "Will need a review": a sentence that opens with the verb, then a bare verb."""
        token = self.tokens[index]
        if token.raw != "Will" or not token.sentence_start or index + 1 >= len(self.tokens):
            return False
        following = self.tokens[index + 1].raw
        return (
            self._joined(index, index + 1)
            and following.islower()
            and following in self.lexicon.dictionary
            and following not in _PAST_OR_THIRD_PERSON
            and not following.endswith(("ed", "s"))
        )

    def _first_name_and_place_surname(self, run: list[int]) -> bool:
        if len(run) != 2:
            return False
        surname = self.tokens[run[1]].base
        if surname not in _PLACE_SURNAMES:
            return (surname in _PLACE_WORD_SURNAMES or surname in words.TOWNS) and self._place_word_surname(run)
        first = self.tokens[run[0]].base
        if not self._given(first) or first in _NEVER_NAMES:
            return False
        if self._named_as_a_place(run):
            return False
        # Wards and halls are named for people and flowers ("Ward round, Jasmine Ward"): a person only on evidence.
        if self._word(run[0] - 1) in _PLACE_SURNAME_PERSON_VERBS:
            return True  # "I told Karen Ward": a ward is rung or visited, not told
        return (
            self._evidence(run)
            or self._strong_person_evidence(run[1])
            or self._relation_after(run[1])
            or self._worker_named(run)
        )

    def _named_as_a_place(self, run: list[int]) -> bool:
        """ "admitted to Rose Ward", "14 Albert Park", "Jo Bridge Centre": a place's preposition or "the" before (not an
        email's "From:"), a house number before, or an organisation or a facility after."""
        return bool(
            (self._word(run[0] - 1) in _PLACE_PREPOSITIONS | {"the"} and not self._after_header_label(run[0]))
            or (run[0] > 0 and self.tokens[run[0] - 1].raw.isdigit())
            or self._organisation_follows(run[-1])
            or _FACILITY_AFTER.match(self.text, self.tokens[run[-1]].end)
        )

    def _after_header_label(self, index: int) -> bool:
        """ "From: Tom Street", "To: Janet Ward": an email's header, not a place's preposition."""
        return index > 0 and self.text[self.tokens[index - 1].end : self.tokens[index].start].startswith(":")

    def _worker_named(self, run: list[int]) -> bool:
        """ "RSW Jack Preston", "Owen Bridge on 0115 ...", "Tom Street (Care Coordinator", "OM is Janet Ward
        janet.ward@...", "Bill Street ... Mr Street's": who the person is, their own contact, or their surname with a
        title elsewhere in the text."""
        first, last = self.tokens[run[0]], self.tokens[run[1]]
        previous = self.tokens[run[0] - 1].raw if run[0] > 0 else ""
        return (
            (previous in _ROLE_ACRONYMS and self._joined(run[0] - 1, run[0]))
            or _CONTACT_OR_ROLE_AFTER.match(self.text, last.end) is not None
            or self._own_address_named(first.base, last.base)
            or re.search(rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? {re.escape(last.base)}\b", self.text) is not None
        )

    def _place_word_surname(self, run: list[int]) -> bool:
        """ "DAS worker Jo Bridge", "Wife Pauline Street (0117 ...)", "Hannah Lodge <hannah.lodge@...>": a listed first
        name and a place's word, with plain evidence of a person; not "Ivy Bridge" the town nor "at Kendal Lodge"."""
        first, last = self.tokens[run[0]], self.tokens[run[1]]
        listed = self._given(first.base) or self._ambiguous(first.base)  # "Jack", "Jade", "Summer" need the evidence
        if not listed or last.possessive or first.base in words.TITLES:
            return False  # "Judge Hill": the title is no first name (the title's own rule finds Hill)
        if self._named_as_a_place(run):
            return False
        if self._worker_named(run):
            return True  # even a first name that is a word: "Shared care - Bill Street ... Mr Street's GP"
        if first.base in _NEVER_NAMES:
            return False
        return self._evidence(run) or self._strong_person_evidence(run[1]) or self._relation_after(run[1])

    def _own_address_named(self, first: str, surname: str) -> bool:
        """An email address in the text made of this name: "janet.ward@", "p.street@"."""
        local = rf"(?:{re.escape(first.lower())}|{re.escape(first[0].lower())})[._-]?{re.escape(surname.lower())}\d*@"
        return "@" in self.text and re.search(local, self.text.lower()) is not None

    def _eponym(self, run: list[int]) -> bool:
        """ "Maslow's hierarchy", "the Peter principle": a theory named for its author. A listed first name with a
        possessive stays a person ("Kayla's cycle of self-harm")."""
        last = self.tokens[run[-1]]
        if last.possessive and _MEDICAL_EPONYM_AFTER.match(self.text, last.start + len(last.base)):
            return True
        if not _EPONYM_AFTER.match(self.text, last.start + len(last.base)):
            return False
        return not (last.possessive and len(run) == 1 and self._given(last.base))

    def _named_place_follows(self, index: int) -> bool:
        following = index + 1
        return (
            following < len(self.tokens)
            and self.tokens[following].raw in _NAMED_PLACE_WORDS
            and self.text[self.tokens[index].end : self.tokens[following].start].strip("'’s") == " "
        )

    def _names_a_thing(self, run: list[int]) -> bool:
        """ "Tai Tarian", "Calan DVS", "Abilify Maintena 400mg", "solicitors (Duncan Lewis)": a service, a medicine
        or a firm, whatever names are in it."""
        first, last = self.tokens[run[0]], self.tokens[run[-1]]
        if len(run) > 1 and (first.base in words.WELSH_ORGANISATION_LEADERS or last.base == "Mags"):
            return True  # "Tai Tarian", "Teesside Mags"
        following = run[-1] + 1
        if (
            following < len(self.tokens)
            and self.tokens[following].raw in words.SERVICE_ACRONYMS
            and self._joined(run[-1], following)
            and not _NUMBER_LABEL_AFTER.match(self.text, self.tokens[following].end)
        ):
            return True
        dose = any(char.isdigit() for char in self.text[last.end : last.end + 2])
        if dose and _DOSE_AFTER.match(self.text, last.end):
            return True
        if "(" not in self.text[max(0, first.start - 3) : first.start]:
            return False
        return bool(_FIRM_BEFORE.search(self.text, max(0, first.start - 40), first.start))

    def _organisation_follows(self, index: int) -> bool:
        """ "Kingfisher ward", "the Elm Tree surgery": the capitalised words name a place, not a person."""
        following = index + 1
        if following >= len(self.tokens) or self.tokens[index].possessive:
            return False
        token = self.tokens[following]
        return token.raw in _LOWER_ORGANISATION_WORDS and self.text[self.tokens[index].end : token.start] == " "

    def _named_facility_after(self, index: int) -> bool:
        facility = _NAMED_FACILITY_AFTER.match(self.text, self.tokens[index].end)
        return facility is not None and not _FACILITY_STAFF_AFTER.match(self.text, facility.end())

    def _facility_after(self, index: int) -> bool:
        """ "the Jack Straw youth hub", "the Rose Hill teachers' centre": a place's noun within two words after."""
        after = self.text[self.tokens[index].end : self.tokens[index].end + 40]
        return bool(_FACILITY_AFTER.match(after))

    def _leading_filler(self, index: int) -> bool:
        token = self.tokens[index]
        if token.raw in words.ROLE_CUES or token.raw.lower() in _PERSON_ROLE_WORDS:
            return True
        if token.raw.lower() in _KIN and not self._given(token.base):
            return True  # "Grandmother Jean Smith": the relation, then her name; not "Nana Ama"
        if self._ambiguous(token.base) and self._surname_follows(index):
            return False  # "Frank Hollins", "Mark Tennant": a first name that is also a word, then a surname
        if token.sentence_start and _done_to_someone(token.raw.lower()) and not self._known_name(token.base):
            return True  # "Helped Bailey complete the claim", "Rang Summer Okoro": what the worker did, then to whom
        return token.base in words.COMMON_WORDS and not self._known_name(token.base)

    def _surname_follows(self, index: int) -> bool:
        following = index + 1
        if following >= len(self.tokens) or not self._joined(index, following):
            return False
        base = self.tokens[following].base
        return self._surname(base) and base not in _NEVER_NAMES and base.lower() not in self.lexicon.dictionary

    def _judge_multi(self, run: list[int], evidence: bool) -> None:
        bases = [self.tokens[i].base for i in run[:3]]
        run = run[:3]
        first = bases[0]
        if self._given(first) and first not in _NEVER_NAMES:
            self.flagged.update(run)
        elif self._ambiguous(first):
            mid_sentence = not self.tokens[run[0]].sentence_start and self._name_like_unknown(bases[1])
            # "Jordan Whitlock", "Summer Okonedo": after a first name that is also a place or a word, a surname that
            # no dictionary holds, wherever the pair stands (not "Summer Fair", "Jordan Valley")
            unlisted_surname = (
                len(run) == 2 and self._surname_shaped_unknown(bases[1]) and not self._determiner_before(run[0])
            )
            if self._surname(bases[1]) or self._given(bases[1]) or evidence or mid_sentence or unlisted_surname:
                self.flagged.update(run)
        elif any(self._given(base) or self._surname(base) for base in bases):
            name_words = all(self._known_name(base) or not _english_suffix(base) for base in bases)
            # "Shaheen Akhtar", "Shereen Abdi-Farah": an unlisted first name before a listed surname, even where a
            # heading or a line starts with them
            unlisted_first = len(run) == 2 and self._surname(bases[1]) and self._surname_shaped_unknown(bases[0])
            if evidence or (
                (name_words and not self.tokens[run[0]].sentence_start or unlisted_first)
                and not self._determiner_before(run[0])
            ):
                self.flagged.update(run)
        elif all(
            self._name_like_unknown(base) and not _looks_like_noun(base) and not _english_suffix(base) for base in bases
        ) and (
            (evidence and not all(self._only_a_word(base) for base in bases))  # "Wheelchair Accessible
            # Vehicles can be leased": ordinary words, whatever verb follows
            or not (
                self.tokens[run[0]].sentence_start
                or self._determiner_before(run[0])
                or any(base.lower() in self.lexicon.dictionary for base in bases)  # "see Cheshire West"
            )
        ):
            # Two or three unlisted capitalised words inside a sentence, with no organisation word among them and
            # no "the" before, read as a full name ("referral for Anastasia Nwosu from ...", not "the Blue Badge").
            self.flagged.update(run)

    def _judge_single(self, index: int, evidence: bool) -> None:
        token = self.tokens[index]
        word = token.base
        if _SPECIALIST_TITLE.search(word):
            return  # a title signing a letter, even after "Consultant"
        if self._family_named(index):
            self.flagged.add(index)  # "the O'Hare family", "Okonkwo household": a surname, whatever comes before
            return
        if self._determiner_before(index):
            return  # "the Marina", "an Amber warning": people are not "the" anyone
        if word in words.TITLES and word.lower() in self.lexicon.dictionary and not self._after_title(index):
            return  # "Councillor asked", "District Judge asked": someone named by their office, not by name
        if self._missing_apostrophe(index):
            self.flagged.add(index)  # "last seen round Tylers on the estate"
            return
        if word in _MONTH_NAMES:
            if self._ambiguous(word) and self._cue_before(index) and not self._date_context(index):
                self.flagged.add(index)
            return
        if self._ambiguous(word) and self._addressed(index):
            self.flagged.add(index)  # "Bill, the lad I mentioned is ...": a message opens with whom it is to
            return
        if self._ambiguous(word):
            if token.sentence_start and not self._cue_before(index) and not self._human_after(index):
                return
            if _AGE_AFTER.match(self.text[token.end : token.end + 60]) and not token.possessive:
                self.flagged.add(index)  # "Placement of Rio (12)", "Jordan (14, surname ...)": a child's age
                return
            place = word in words.PLACE_LIKE_GIVEN_NAMES and self._place_preposition_before(index)
            if place and not self._cue_before(index):
                return  # "her sister in Dublin is on ...": a place
            if evidence or (self._weak_cue_before(index) and not token.sentence_start):
                self.flagged.add(index)
            return
        if word in words.GIVEN_NAMES and word not in words.PLACE_LIKE_GIVEN_NAMES:
            self.flagged.add(index)
            return
        if self._given(word):
            if evidence or not self._place_preposition_before(index):
                self.flagged.add(index)
            return
        if self._surname(word):
            if evidence:
                self.flagged.add(index)
            return
        if not self._name_like_unknown(word) or word.lower() in self.lexicon.common_english:
            return
        if word.lower() in self.lexicon.dictionary and not self._strong_person_evidence(index):
            return  # "Threshold met", "Paperwork completed": an ordinary word, unless it is plainly a person's name
        if (
            word.lower() in self.lexicon.dictionary
            and token.sentence_start
            and not self._cue_before(index)
            and not _AGE_AFTER.match(self.text[token.end : token.end + 60])
            and not self._person_verb_after(index)
        ):
            return  # "Package is 2 carers x4", "Venue: Room 2.14": a line about a thing, whatever number follows
        thing_like = _english_suffix(word) or self._only_a_weak_verb_after(index)
        if token.sentence_start and thing_like and not self._cue_before(index):
            return  # "Post goes to...", "Funding was cut": a sentence about a thing
        if (_looks_like_noun(word) or _english_suffix(word)) and not self._cue_before(index):
            return  # "Preparing for Adulthood", "Office for Policing": an English word, not a person
        if token.sentence_start and not self._cue_before(index) and _THING_AFTER.match(self.text, token.end):
            return  # "Quorum is 5.", "Alert from the DWP": said of things as often as of people
        if self._place_preposition_before(index) and not self._cue_before(index) and not self._home_of(index):
            return
        if self._among_organisations(index) and not self._cue_before(index):
            return  # "Choice Support, Lifeways and Mencap": a provider named among providers
        if evidence or (self._weak_cue_before(index) and not token.sentence_start):
            self.flagged.add(index)

    def _family_named(self, index: int) -> bool:
        """A surname before "family", "household" or "twins": a listed one, or a name-shaped word that is no English
        word ("the Royal family" is not, "the Foster family" and "the Okonkwo family" are)."""
        following = index + 1
        if following >= len(self.tokens) or self.tokens[following].raw not in _FAMILY_AFTER:
            return False
        if self.text[self.tokens[index].end : self.tokens[following].start] != " ":
            return False
        word = self.tokens[index].base
        if self.tokens[index].possessive or word in _NEVER_NAMES:
            return False
        if any(part in _NEVER_NAMES for part in word.split("-")):
            return False  # "an Anglo-Irish family", "the British-Pakistani family"
        return self._known_name(word) or (self._name_like_unknown(word) and word.lower() not in self.lexicon.dictionary)

    def _after_title(self, index: int) -> bool:
        """ "Mr Judge", "Mr. Master": the word straight after a title is the name it takes."""
        if index == 0:
            return False
        before = self.tokens[index - 1]
        return before.raw in words.TITLES and self.text[before.end : self.tokens[index].start] in {" ", ". "}

    def _among_organisations(self, index: int) -> bool:
        token = self.tokens[index]
        if _ORG_LIST_BEFORE.search(self.text, max(0, token.start - 40), token.start):
            return True
        if _ORG_LIST_AFTER.match(self.text, token.end):
            return True
        gap = r"\s*(?:,|and|&)\s*"
        return any(
            (token.start - 8 <= end <= token.start and re.fullmatch(gap, self.text[end : token.start]))
            or (token.end <= start <= token.end + 8 and re.fullmatch(gap, self.text[token.end : start]))
            for start, end in self.blocked_spans
        )

    def _strong_person_evidence(self, index: int) -> bool:
        """An ordinary English word is a name only with plain evidence: a cue before it, an age, a role or a relation
        in brackets after it, a verb said only of people, a human state, or a person's things after its possessive."""
        token = self.tokens[index]
        if self._cue_before(index):
            return True
        after = self.text[token.end : token.end + 60]
        if _AGE_AFTER.match(after) or (not token.possessive and _person_after(after)):
            return True
        if not token.possessive and _HUMAN_STATE_AFTER.match(self.text, token.end):
            return True
        following = index + 1
        if following >= len(self.tokens):
            return False
        if token.possessive:
            return self.tokens[following].raw in _PERSONAL_NOUNS
        return self._joined(index, following) and self.tokens[following].raw in _STRONG_PERSON_VERBS

    def _person_verb_after(self, index: int) -> bool:
        """ "Favour rang", "Wisdom told me": a verb said only of people right after the word."""
        following = index + 1
        return (
            following < len(self.tokens)
            and not self.tokens[index].possessive
            and self._joined(index, following)
            and self.tokens[following].raw in _STRONG_PERSON_VERBS
        )

    def _relation_after(self, index: int) -> bool:
        token = self.tokens[index]
        return not token.possessive and bool(_RELATION_AFTER.match(self.text, token.end))

    def _addressed(self, index: int) -> bool:
        token = self.tokens[index]
        at_line_start = token.start == 0 or self.text[token.start - 1] == "\n"
        if not at_line_start or token.possessive or self.text[token.end : token.end + 1] != ",":
            return False
        sentence = re.split(r"[.!?\n]", self.text[token.end : token.end + 120], maxsplit=1)[0]
        return bool(_SPOKEN_TO.search(sentence))  # "Bill, the lad I mentioned", not "Grace, as they say, is scarce"

    def _missing_apostrophe(self, index: int) -> bool:
        """A listed first name with a possessive "s" and no apostrophe, as a place ("round Tylers", "at Kirstys") or
        before a relation ("Malachis mum", "Kaylas dad")."""
        word = self.tokens[index].base
        stem = word[:-1]
        return (
            word.endswith("s")
            and len(stem) >= 3
            and self._given(stem)
            and (
                self._word(index - 1) in {"round", "at", "to", "from", "over", "stopping", "staying"}
                or (self._word(index + 1) in _KIN and self._joined(index, index + 1))
            )
        )

    def _home_of(self, index: int) -> bool:
        """ "at Kasia's flat", "round Mads' house": whose home it is names a person."""
        token = self.tokens[index]
        following = index + 1
        return (
            token.possessive
            and following < len(self.tokens)
            and self.tokens[following].raw in _HOME_NOUNS
            and self.text[token.end : self.tokens[following].start].strip("'’s") == " "
        )

    def _determiner_before(self, index: int) -> bool:
        if index == 0 or self.tokens[index - 1].raw.lower() not in _DETERMINERS or not self._joined(index - 1, index):
            return False
        # "its Tomasz from the warehouse": "it's" in a text message, before a first name; "is this Mandy's worker?"
        word = self.tokens[index - 1].raw.lower()
        given = self._given(self.tokens[index].base)
        return not (given and (word == "its" or (word == "this" and self.tokens[index].possessive)))

    def _only_a_weak_verb_after(self, index: int) -> bool:
        """ "X was", "X goes": said of things as often as of people; "X said", "X (34)" are people."""
        token = self.tokens[index]
        after = self.text[token.end : token.end + 40]
        if token.possessive or _AGE_AFTER.match(after) or _PERSON_AFTER.match(after):
            return False
        if _HUMAN_STATE_AFTER.match(self.text, token.end):
            return False  # "Olumide was tearful": a person
        following = index + 1
        if following >= len(self.tokens) or self.tokens[following].raw not in _WEAK_VERBS:
            return False
        sentence = self.text[token.end : token.end + 80].split(".")[0]
        return not _PERSONAL_PRONOUN.search(sentence)  # "Arturas came in with his partner": a person

    def _place_preposition_before(self, index: int) -> bool:
        """Unlisted words after "in", "from" and the like are usually places ("in Peacehaven")."""
        return (
            index > 0
            and self.tokens[index - 1].raw.lower() in _PLACE_PREPOSITIONS
            and (self._word(index - 2) not in {"spoke", "talked", "chatted", "write", "wrote", "sent", "gave", "went"})
        )

    @staticmethod
    def _name_like_unknown(word: str) -> bool:
        if word.endswith("s") and (word[:-1] in _NEVER_NAMES or _PLURAL_OF_PEOPLE.search(word)):
            return False  # plural of a service word or a trade: "Mentors", "Commissioners", "Bailiffs"
        return word not in _NEVER_NAMES and len(word) >= 2

    # -- names written in lower case ----------------------------------------------------------

    def _flag_lower_case_names(self) -> None:
        """ "txt from kayleigh", "her cpn marek", "dwayne said": lower case, but the context is strong."""
        lower_given = self.lexicon.lower_given
        for index, token in enumerate(self.tokens):
            raw = token.base
            if not raw.islower() or index in self.flagged or index in self.blocked or len(raw) < 3:
                continue
            plain = _plain(raw)
            listed = raw in lower_given or plain in lower_given
            ambiguous = not listed and raw in self.lexicon.lower_ambiguous
            if not ambiguous and self._signs_a_message(index):
                self.flagged.add(index)  # "hi its me kez, ..."
                continue
            if not (listed or ambiguous):
                if self._unlisted_lower_name(index):
                    self.flagged.add(index)  # "spoke with oksana re the rent": no list needed after so strong a cue
                continue
            if listed and self._signed_lower(index):
                self.flagged.add(index)  # "thanks hun, from leanne x", "ok see u then\nkemi x"
                continue
            if listed and self._only_a_name(index):
                self.flagged.add(index)  # "femi hasnt been home", "perp is jermaine": a name and nothing else
                continue
            if (
                listed
                and self._word(index - 1) in _REPORTED_BEFORE
                and self._joined(index - 1, index)
                and self._lower_verb_after(index)
            ):
                self.flagged.add(index)  # "x said tomasz was back on the estate"
                continue
            if self._strong_lower_cue_before(index) or (listed and self._lower_subject(index, auxiliaries=True)):
                self.flagged.add(index)
            elif listed and self._word(index - 1) in _LOWER_PERSON_VERBS and self._joined(index - 1, index):
                self.flagged.add(index)  # "tell kerry ill ring her": a name that is no word, after a verb for people
            elif ambiguous and self._opens_quote(index) and self._lower_subject(index):
                self.flagged.add(index)  # a quoted note: '"precious refused her meds"'
            elif ambiguous and token.sentence_start and token.possessive and self._human_after(index):
                self.flagged.add(index)  # "jordan's mum says..."
            elif ambiguous and token.sentence_start and self._reported_speech_after(index):
                self.flagged.add(index)  # "daisy says can she bring ..."

    def _only_a_name(self, index: int) -> bool:
        """A listed first name that no dictionary, word list, texting shorthand or street slang has ("kayleigh",
        "jermaine"), so in lower case it is still only a name; not a place's, a building's or a syndrome's ("the
        royal albert edward", "charles bonnet syndrome")."""
        lexicon, token = self.lexicon, self.tokens[index]
        word = token.base
        if (
            word in lexicon.dictionary
            or word in lexicon.common_english
            or word in lexicon.lower_not_names
            or word in _LOWER_NOT_ONLY_NAMES
            or word.title() in _NEVER_NAMES
            or word.title() in words.TOWNS
            or word.title() in words.WELSH_ORGANISATION_LEADERS
        ):
            return False
        before = self._word(index - 1)
        if before in {"the", "a", "an", "royal", "check", "on", "by"} or before in _PLACE_PREPOSITIONS:
            return False  # "stuck on the A1231 by washington", "check minerva"
        if self._word(index - 2) in {"the", "royal"}:
            return False  # "the royal albert edward"
        return not _EPONYM_AFTER.match(self.text, token.end) and not _MEDICAL_EPONYM_AFTER.match(self.text, token.end)

    def _unlisted_lower_name(self, index: int) -> bool:
        """A lower-case word in no list, after a cue as strong as "spoke with", "msg from", "her cpn" or "mum": a name,
        unless a dictionary, the lists or texting shorthand know it as a word ("spoke with housing", "txt from hun")."""
        word = self.tokens[index].base
        if len(word) < 3 or not word.isalpha() or not word.isascii() or word in self.lexicon.dictionary:
            return False  # not ASCII: a word of a message in another language ("mam pracę"), which the lists would know
        if word in self.lexicon.lower_not_names or word in self.lexicon.common_english:
            return False
        if word in self.lexicon.lower_ambiguous or word.title() in _NEVER_NAMES:
            return False
        if self._word(index - 1) == "po":
            return False  # "po polsku": Polish, not a probation officer
        if self._word(index - 1) in _SELF_NAMING:
            return False  # "its whitespace", "its catalog": a possessive as often as "it's"; listed names only there
        if self._word(index - 2) in {"him", "her", "them", "us", "me"} and self._word(index - 1) == "as":
            return False  # "started against them as subprocesses": a role, not a name
        return self._strong_lower_cue_before(index)

    def _signed_lower(self, index: int) -> bool:
        """ "... from leanne x" at the end of a message, or "kemi x" alone on its last line."""
        token = self.tokens[index]
        if not _SIGNED_LOWER.match(self.text, token.end):
            return False
        if self._word(index - 1) == "from" and self._joined(index - 1, index):
            return True
        line_start = self.text.rfind("\n", 0, token.start) + 1
        return (
            self.text[line_start : token.start].strip() == ""
            and "x" in self.text[token.end : token.end + 4]
            and line_start > 0
        )

    def _lower_verb_after(self, index: int) -> bool:
        following = index + 1
        return (
            following < len(self.tokens)
            and self._joined(index, following)
            and self.tokens[following].raw in words.NAME_VERBS
        )

    def _flag_sign_offs(self) -> None:
        """ "Kind regards,\nTendai Moyo", "Speak soon\nOksana": the writer's name alone on the line after a closing."""
        for match in _SIGN_OFF.finditer(self.text):
            parts = [self._at(m.start() + match.start("name")) for m in _TOKEN.finditer(match.group("name"))]
            if not parts or len(parts) > 3 or any(index is None for index in parts):
                continue
            tokens = [self.tokens[index] for index in parts]
            if not all(token.capitalised for token in tokens):
                continue
            if any(token.base in _NEVER_NAMES and not self._known_name(token.base) for token in tokens):
                continue  # "Kind regards,\nHousing Options"
            if any(
                token.base.lower() in self.lexicon.dictionary and not self._known_name(token.base) for token in tokens
            ):
                continue  # "Best wishes,\nThe Team"
            self.flagged.update(parts)

    def _reported_speech_after(self, index: int) -> bool:
        following = index + 1
        return (
            following < len(self.tokens)
            and self._joined(index, following)
            and self.tokens[following].raw in _SPEECH_VERBS
        )

    def _signs_a_message(self, index: int) -> bool:
        """ "its me kez," / "this is dee." : whoever sends a text names themselves, whatever the name."""
        previous = self._word(index - 1)
        if previous not in {"me", "is"}:
            return False
        word = self.tokens[index].base
        if not word.isalpha() or len(word) < 3 or word in self.lexicon.common_english or word in _LOWER_NOT_NAMES:
            return False
        pair = (self._word(index - 2), previous)
        if pair == ("this", "is"):  # "this is dee here", not "this is urgent"
            return self._word(index + 1) == "here"
        if pair not in {("its", "me"), ("it's", "me")}:
            return False
        return bool(_MESSAGE_SIGNATURE_END.match(self.text, self.tokens[index].end))

    def _opens_quote(self, index: int) -> bool:
        before = self.text[self.tokens[index - 1].end if index else 0 : self.tokens[index].start]
        return '"' in before or "'" in before

    def _strong_lower_cue_before(self, index: int) -> bool:
        if index == 0 or not _CUE_GAP.match(self.text[self.tokens[index - 1].end : self.tokens[index].start]):
            return False
        previous = self.tokens[index - 1].raw.lower()
        if previous == "miss" and (self._word(index - 2) == "near" or self._word(index - 2) in _DETERMINERS):
            return False  # "a near miss (anonymised)": the noun, not the title
        if previous in words.GREETINGS or previous in _LOWER_ROLE_CUES:
            return True
        if previous in words.STRONG_CUES and previous not in {"called", "named", "child", "children", "baby", "kids"}:
            return True
        if previous in _SELF_NAMING:
            return True  # "its shelley", "me and tasha"
        pair = (self._word(index - 2), previous)
        if pair in _LOWER_PAIRS:
            return True
        return (
            pair in _TWO_WORD_CUES and pair[0] not in {"in", "is", "was"} and pair[1] != "on" or self._known_as(index)
        )

    def _lower_subject(self, index: int, *, auxiliaries: bool = False) -> bool:
        """A lower-case first name starting a sentence, clause or message, then a verb: "kayleigh rang",
        "its nicole, ryan is kicking off". `auxiliaries`: "is", "has" count too (for names that are no word)."""
        token = self.tokens[index]
        clause_start = index > 0 and (
            self.tokens[index - 1].raw.lower() in {"and", "&"}
            or self.text[self.tokens[index - 1].end : token.start].strip() in {",", ";"}
        )
        if not token.sentence_start and not clause_start:
            return False
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        if following is None or self.text[token.end : following.start] != " ":
            return token.possessive and following is not None
        verb = following.raw in words.NAME_VERBS or (following.raw.endswith("ed") and following.raw.isalpha())
        return verb and (auxiliaries or following.raw not in _AUXILIARY_VERBS)

    # -- context evidence ------------------------------------------------------------------

    def _evidence(self, run: list[int]) -> bool:
        return self._cue_before(run[0]) or self._after_evidence(run[-1])

    def _cue_before(self, index: int) -> bool:
        if index == 0:
            return False
        gap = self.text[self.tokens[index - 1].end : self.tokens[index].start]
        previous = self.tokens[index - 1].raw
        if _FIELD_GAP.match(gap) and (previous.lower() in _FIELD_LABELS or self._known_as(index)):
            # Form fields: "Name: Precious Adeyemi", "Mother: Marie", "Known as: Paddy"; but "Subject: Confidential -
            # professionals meeting" is an email's topic, not a person.
            return not (previous.lower() in _TOPIC_LABELS and self._ordinary_word(index))
        if not _CUE_GAP.match(gap) or "\n" in gap:
            return False  # a cue does not reach over a line break: "... Social Worker\nVenue: Room 2.14"
        if previous.lower() in _NAME_PART_CUES:
            return True  # "(surname Liu)", "née Walsh"
        if self._name_word_before(index):
            return True  # "uses the name Jay-Jay", "her name, Precious", "his name is Kai"
        if previous in _UPPER_CUES or previous.lower() in words.STRONG_CUES or previous.lower() in words.GREETINGS:
            return True
        if previous.lower() in _LOWER_ROLE_CUES and previous.lower() not in {"dr", "mr", "mrs", "ms", "miss", "mx"}:
            return True  # "her support worker Faith", "the ward manager Rose"
        if previous in words.ROLE_CUES and not previous.islower():
            return True
        pair = (self._word(index - 2), previous.lower())
        if pair in _TWO_WORD_CUES and pair[0] != "spoke" and pair[1] not in {"to", "with", "on"}:
            return True
        if pair == ("known", "to") and self._given(self.tokens[index].base):
            return True  # "she is known to Bernadette at the Recovery College"
        return self._known_as(index)

    def _ordinary_word(self, index: int) -> bool:
        """A word, not a name: "Confidential", "Summer term", "Reg 44" (a regulation's number after it)."""
        base = self.tokens[index].base
        if self._ambiguous(base) and index + 1 < len(self.tokens) and self.tokens[index + 1].raw.isdigit():
            return True
        return base.lower() in self.lexicon.dictionary and (not self._known_name(base) or self._ambiguous(base))

    def _name_word_before(self, index: int) -> bool:
        previous, before = self._word(index - 1), self._word(index - 2)
        if previous == "is" and before == "name":
            return self._word(index - 3) in _NAME_OWNERS
        return previous == "name" and before in _NAME_OWNERS

    def _known_as(self, index: int) -> bool:
        """ "known locally as Smokey", "goes by the name of Kaz": a nickname."""
        if self._word(index - 1) not in {"as", "of"}:
            return False
        return any(self._word(index - back) in {"known", "goes", "calls", "named", "called"} for back in (2, 3, 4, 5))

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
        after = self.text[token.end : token.end + 60]
        if _AGE_AFTER.match(after) or (not token.possessive and _person_after(after)):
            return True
        if not token.possessive and _HUMAN_STATE_AFTER.match(self.text, token.end):
            return True  # "Olumide was tearful", "Amber was crying"
        if token.possessive:
            following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
            return following is not None and (
                (following.raw.islower() and following.raw not in _FUNCTION_WORDS)
                or following.raw in words.ROLE_CUES
                or bool(_ACRONYM.fullmatch(following.raw))
            )
        next_index = index + 1
        if next_index < len(self.tokens) and self.text[token.end : self.tokens[next_index].start] == " ":
            verb = self.tokens[next_index].raw
            if verb.islower() and verb in words.PERSON_VERBS and self._known_name(token.base):
                return True  # "Mark brought the case": a listed name, then a verb said of people
            return verb.lower() in words.NAME_VERBS and verb.islower()
        return False

    def _human_after(self, index: int) -> bool:
        """Sentence-initial "Grace told me" is a person; "Hope is scarce" is not."""
        token = self.tokens[index]
        after = self.text[token.end : token.end + 60]
        if _AGE_AFTER.match(after) or (not token.possessive and _person_after(after)):
            return True
        if not token.possessive and _HUMAN_STATE_AFTER.match(self.text, token.end):
            return True  # "Amber was crying when I arrived", "Rose has been drinking again"
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        if following is None:
            return False
        if token.possessive:  # "Grace's mum", "Hope's CPN"; not "Summer's end"
            return following.raw in _PERSONAL_NOUNS or _ACRONYM.fullmatch(following.raw) is not None
        if self.text[token.end : following.start] != " ":
            return False
        if following.raw in words.NAME_VERBS and following.raw not in _AUXILIARY_VERBS:
            return True
        if not self._known_name(token.base):
            return False
        if following.raw in words.PERSON_VERBS:
            return True  # "Mark brought the case"
        verb = following.raw  # "Rich raised that ...", not "Hope remained"
        return verb.islower() and verb.endswith("ed") and len(verb) > 4 and verb not in _AUXILIARY_VERBS

    def _date_context(self, index: int) -> bool:
        token = self.tokens[index]
        before = self.text[max(0, token.start - 12) : token.start]
        after = self.text[token.end : token.end + 6]
        return bool(_DATE_NEIGHBOUR.search(before.lower()) or re.match(r"\s*\d", after))

    # -- spreading from sure names ----------------------------------------------------------

    def _flag_and_pairs(self) -> None:
        """ "Bogdan and Florin", and lists of names: "Kerry (chair), Marcus (probation), Precious (IDVA)"."""
        connectors = [
            index
            for index, token in enumerate(self.tokens[1:-1], start=1)
            if token.raw in {"and", "&", "or", "And", "Or"}
        ]
        listed: set[int] = set()  # flagged tokens whose list neighbours were looked at
        changed = True
        while changed:
            changed = False
            for index in connectors:
                for known, other in ((index - 1, index + 1), (index + 1, index - 1)):
                    if known in self.flagged and other not in self.flagged and self._pairable(other):
                        self.flagged.add(other)
                        changed = True
            for index in sorted(self.flagged - listed):
                listed.add(index)
                changed = self._flag_list_neighbours(index) or changed

    def _flag_list_neighbours(self, index: int) -> bool:
        """A listed name next to a flagged name in a comma list is a name too ("Siobhan, Precious, Declan")."""
        if self._starts is None:
            self._starts = {token.start: position for position, token in enumerate(self.tokens)}
        flagged_any = False
        after = _LIST_GAP_AFTER.match(self.text, self.tokens[index].end)
        neighbours = [self._starts.get(after.end())] if after else []
        start = self.tokens[index].start
        before = _LIST_GAP_BEFORE.search(self.text, max(0, start - 40), start)
        if before:
            earlier = [i for i in range(max(0, index - 8), index) if self.tokens[i].end == before.start()]
            neighbours += earlier[-1:]
        for other in neighbours:
            if other is None or other in self.flagged:
                continue
            base = self.tokens[other].base
            if not self.tokens[other].capitalised or not self._pairable(other):
                continue
            if self._known_name(base) or (self._name_like_unknown(base) and self._between_names(other)):
                self.flagged.add(other)
                flagged_any = True
        return flagged_any

    def _between_names(self, index: int) -> bool:
        """ "Tariq, Bex, Siobhan": an unlisted word with a flagged name on each side of it in a list."""
        after = _LIST_GAP_AFTER.match(self.text, self.tokens[index].end)
        following = self._starts.get(after.end()) if after and self._starts else None
        if following is None or following not in self.flagged:
            return False
        start = self.tokens[index].start
        before = _LIST_GAP_BEFORE.search(self.text, max(0, start - 40), start)
        return bool(before) and index > 0 and self.tokens[index - 1].end == before.start() and index - 1 in self.flagged

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
            if self.tokens[i].base not in _NEVER_NAMES
            and (not self._ambiguous(self.tokens[i].base) or self._in_full_name(i))
        }
        sure_lower = {name.lower() for name in sure if name.lower() in self.lexicon.lower_given}
        sure_capitals = {name for name in sure if name.isupper() and len(name) >= 2 and name not in words.INITIALISMS}
        sure |= {name.title() for name in sure_capitals if len(name) >= 4}  # "KOWALCZYK" above, "M Kowalczyk" below
        ambiguous = {self.tokens[i].base for i in self.flagged if self._ambiguous(self.tokens[i].base)}
        for index, token in enumerate(self.tokens):
            if index in self.flagged or index in self.blocked:
                continue
            if not token.capitalised:
                if index > 0 and self._word(index - 1) in _DETERMINERS:
                    continue  # "PoP Charlie says he is only on the charlie": a thing after "the"
                if token.base in sure_lower or (token.base in sure_capitals and token.base == token.raw):
                    self.flagged.add(index)  # "kayleigh" after "Kayleigh"; "JJ" again after 'Jermaine "JJ" Campbell'
                continue
            if token.base in sure or (
                token.base in ambiguous
                and not self._date_context(index)
                and (
                    not token.sentence_start
                    or self._after_evidence(index)
                    or self._past_tense_after(index)
                    or self._gerund_after(index)
                    or _ACTION_AFTER_NAME.match(self.text, token.end)
                )
            ):
                self.flagged.add(index)

    def _gerund_after(self, index: int) -> bool:
        """ "Rose feeling that she's the only one he talks to": a name already read as a person, then what they are
        doing, in a note's clipped grammar."""
        following = index + 1
        word = self._word(following)
        return len(word) > 5 and word.islower() and word.endswith("ing") and self._joined(index, following)

    def _past_tense_after(self, index: int) -> bool:
        """ "Mar 2023 - Jade discharged from the Priory": a name already read as a person, then a verb in the past."""
        following = index + 1
        if following >= len(self.tokens) or not self._joined(index, following):
            return False
        verb = self.tokens[following].raw
        return verb.islower() and len(verb) > 4 and verb.endswith("ed")

    def _in_full_name(self, index: int) -> bool:
        """ "Jade Hughes": a first name flagged with a surname after it is sure, even if it is also a word."""
        following = index + 1
        return following in self.flagged and following < len(self.tokens) and self._joined(index, following)

    def _spans(self) -> list[Span]:
        spans: list[Span] = []
        for index in sorted(self.flagged):
            token = self.tokens[index]
            if spans and index - 1 in self.flagged and (self._joined(index - 1, index) or index - 1 in self.joins):
                spans[-1] = (spans[-1][0], token.end, "name")
            elif spans and index - 2 in self.flagged and self._particle_between(index - 2, index):
                spans[-1] = (spans[-1][0], token.end, "name")  # "Dafydd ap Rhys", "Maria de Souza"
            else:
                spans.append((token.start, token.end, "name"))
        return spans


_RECORD_AFTER = re.compile(r"['’]?s?\s*[(,:;-]?\s*(?:\d|DOB|D\.O\.B|NHS|CRN|PNC|born|aged?\b)", re.IGNORECASE)
PUBLIC_FIGURES_FILE = Path(__file__).resolve().parent / "data" / "public-figures.txt"


@lru_cache(maxsize=1)
def _public_figures() -> frozenset[tuple[str, ...]]:
    """Each famous name as its words; the one-word names only where they are no one's first name or surname."""
    lexicon = _lexicon()
    figures: set[tuple[str, ...]] = set()
    one_word = False
    for line in PUBLIC_FIGURES_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            one_word = one_word or line.strip() == "# one word"
            continue
        name = tuple(_TOKEN.findall(line))
        if len(name) > 1 and not one_word:
            figures.add(name)
        elif len(name) == 1 and one_word:
            word = name[0]
            listed = word in lexicon.given or word in lexicon.surnames or word in lexicon.ambiguous
            if not listed and word.lower() not in lexicon.dictionary:
                figures.add(name)
    return frozenset(figures)


@lru_cache(maxsize=1)
def _public_figures_first_words() -> frozenset[str]:
    return frozenset(name[0] for name in _public_figures())


def find_names(text: str, blocked_spans: Sequence[tuple[int, int]] = ()) -> list[Span]:
    """Spans of people's names in normalised text; nothing inside `blocked_spans` (known organisations)."""
    spans = _NameFinder(text, blocked_spans).run()
    if "." in text:
        taken = _merged([*spans, *((start, end, "") for start, end in blocked_spans)])
        starts = [start for start, _ in taken]
        dotted = [span for span in _dotted_initials(text) if not _overlaps_any(span, taken, starts)]
        spans = sorted(spans + dotted)
    return spans


# Initials written with full stops: "Discussed M.B. (CYP)", "PN for GU-0088123 (T.D.)", "RE: D.A. falls", "T.O'C.".
# Capitals with full stops are a person's initials unless they spell an abbreviation ("D.O.B.", "P.S.", "G.P.").
_DOTTED_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.(?:[A-Z]['’])?){2,3}(?![\w])")


def _dotted_initials(text: str) -> list[Span]:
    return [
        (match.start(), match.end(), "name")
        for match in _DOTTED_INITIALS.finditer(text)
        if re.sub(r"[.'’]", "", match.group()) not in words.INITIALISMS
    ]


def _merged(spans: Sequence[Span]) -> list[tuple[int, int]]:
    """The spans as sorted, disjoint intervals."""
    merged: list[tuple[int, int]] = []
    for start, end, _kind in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _overlaps_any(span: Span, taken: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether the span overlaps one of the sorted, disjoint intervals: its neighbours only, found by bisection."""
    at = bisect.bisect_left(starts, span[1])
    return at > 0 and taken[at - 1][1] > span[0]


# The same name in another script beside the name in Latin letters: "Samir HADDAD (سمير حداد)", "Jimmy Cheung
# (张志明)", "ሰላም ገብረሂወት / Selam Gebrehiwet". Words of letters outside the Latin alphabets, up to five.
_OTHER_SCRIPT_WORD = r"[^\x00-\x7f\s\u00a0-\u024f\u1e00-\u1eff\u2000-\u206f]+"
_OTHER_SCRIPT_RUN = rf"{_OTHER_SCRIPT_WORD}(?:[ \t]{_OTHER_SCRIPT_WORD}){{0,4}}"
_OTHER_SCRIPT_AFTER = re.compile(rf"[ \t]*[(/][ \t]*({_OTHER_SCRIPT_RUN})[ \t]*(?=[)/,;]|\n|$)")
_OTHER_SCRIPT_BEFORE = re.compile(rf"({_OTHER_SCRIPT_RUN})[ \t]*[(/][ \t]*$")


def _letters_only(run: str) -> bool:
    """Every character a letter or a letter's mark (no emoji, symbol or punctuation)."""
    return all(unicodedata.category(char)[0] in "LM" for char in run if not char.isspace())


def names_in_other_scripts(text: str, names: Sequence[Span]) -> list[Span]:
    """The spans, beside each name found, of the same name written in another script."""
    found: list[Span] = []
    for start, end, _kind in names:
        after = _OTHER_SCRIPT_AFTER.match(text, end)
        if after and _letters_only(after.group(1)):
            found.append((after.start(1), after.end(1), "name"))
        before = _OTHER_SCRIPT_BEFORE.search(text, max(0, start - 80), start)
        if before and _letters_only(before.group(1)):
            found.append((before.start(1), before.end(1), "name"))
    return found
