"""Mentions in posts: "@" followed by the name of someone who can see the thread.

Only people in the thread's audience are ever matched, so nobody is notified about a thread they cannot read. The
names of the people mentioned are colleagues' names, not the personal data of the people discussed, so their spans
are blanked before the anonymisation gate reads the text (offsets are kept, so highlights still line up).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LETTER = re.compile(r"\w")


@dataclass(frozen=True)
class Mention:
    start: int  # the "@"
    end: int
    person_id: int


def find_mentions(text: str, people: list) -> list[Mention]:
    """Every "@Name" in the text naming one of `people` (longest name first, case-insensitive)."""
    names = sorted(((p.name.strip(), p.pk) for p in people if p.name.strip()), key=lambda n: -len(n[0]))
    lowered = text.lower()
    found = []
    position = text.find("@")
    while position != -1:
        if position == 0 or not _LETTER.match(text[position - 1]):
            for name, pk in names:
                end = position + 1 + len(name)
                after = text[end : end + 1]
                if lowered[position + 1 : end] == name.lower() and not (after and _LETTER.match(after)):
                    found.append(Mention(position, end, pk))
                    break
        position = text.find("@", position + 1)
    return found


def blank_mentions(text: str, mentions: list[Mention]) -> str:
    """The text with each mention's letters replaced, so the gate does not take a colleague's name for personal data."""
    chars = list(text)
    for mention in mentions:
        for index in range(mention.start + 1, mention.end):
            if chars[index].isalnum():
                chars[index] = "x"
    return "".join(chars)
