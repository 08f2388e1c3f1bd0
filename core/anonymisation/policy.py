"""What the gate treats as not personal data, as policy (issue 27), so that every corpus is read the same way.

Two kinds of text were labelled differently by the people who wrote the benchmark corpora. They are settled here,
once, and both the detector and `bench/anonymisation.py` read these functions:

- **An initial that is the anonymisation is not personal data**: "Mrs P", "J", "Mr X", "Child A", "Baby S". One
  capital letter, alone or after a title or a role word, is how UK case notes and anonymised write-ups stand in for
  a person; it is what the gate asks presenters to write. It is never flagged. Two or three letters ("KO (student
  SW)", "1. JT - chase GP") are still read as a person's initials when the context says so: they are a team's
  shorthand for a real, findable person, not a pseudonym.
- **A team's shared mailbox and a service's published line are not personal data**: "duty.adults@council...",
  "frontdoor@...", "the emergency duty team on 01632 ...", "the switchboard on ...". They name a service that
  publishes them, not a person. A named worker's own address ("sarah.jones@council...", "k.ahmed@nhs.net") and any
  webmail address are personal data, as is any mobile number.
- **Organisations' number ranges are not anyone's own line**: 0800/0808, 03, 084/087 and 116 numbers are, by Ofcom's
  plan, for organisations; one is read as personal only when its sentence says whose it is ("her number is 0300
  ..."). A landline whose local number is all noughts and ones ("0113 000 0000") is a placeholder.
- **A pseudonym the text declares is not personal data**: 'the pseudonym "Anna"', "Anna (a pseudonym)".
"""

from __future__ import annotations

import re

from core.anonymisation.identifiers import find_phones, team_mailbox, team_mailbox_named_before, words_only_mailbox
from core.anonymisation.known import KnownTerms, matcher_for
from core.anonymisation.normalise import normalise

__all__ = ["initial_pseudonym", "policy_of_span", "service_line", "team_mailbox"]

# A title or a role word that may stand before a one-letter pseudonym.
_PSEUDONYM_LEAD = (
    r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Master|Child|Baby|Infant|Person|Adult|Client|Patient|Parent|Sibling|Service\s+user|"
    r"Young\s+person|YP|SU|Resident|Tenant|Mother|Father|Mum|Dad)"
)
_INITIAL_PSEUDONYM = re.compile(rf"(?:{_PSEUDONYM_LEAD}\.?\s+)?[A-Z]\.?")


def initial_pseudonym(text: str) -> bool:
    """ "Mrs P", "J", "Mr X.", "Child A": one capital letter standing for a person, alone or after a title or role."""
    return _INITIAL_PSEUDONYM.fullmatch(text.strip()) is not None


def service_line(text: str, start: int, end: int, *, known: KnownTerms | None = None) -> bool:
    """The phone number at text[start:end] is a service's published line (a helpline, a switchboard, a duty team's
    number), as the detector judges it in its context. False when the detector reads no phone number there."""
    from core.anonymisation.detector import public_number  # the detector imports this module: import late

    folded = normalise(text)
    matcher = matcher_for(known)
    organisations = None
    for span in find_phones(folded.text):
        original_start, original_end = folded.original_span(span[0], span[1])
        if original_start < end and start < original_end:
            if organisations is None:
                organisations = matcher.organisation_spans(folded.text)
            return public_number(folded.text, span, matcher, organisations)
    return False


def policy_of_span(text: str, start: int, end: int, kind: str) -> str | None:
    """Which not-personal policy a labelled span falls under, if any: "initial", "team mailbox" or "service line"."""
    value = text[start:end]
    if kind == "name" and initial_pseudonym(value):
        return "initial"
    if kind == "email" and (
        team_mailbox(value) or team_mailbox_named_before(text, start, value) or words_only_mailbox(text, start, value)
    ):
        return "team mailbox"
    if kind == "phone" and service_line(text, start, end):
        return "service line"
    return None
