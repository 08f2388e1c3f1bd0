"""The words that matched, shown in place: a short extract of a result's text with the searched words marked.

Every piece of the stored text is HTML-escaped; the only markup is our own <mark>. The words are those the person
typed (not the excluded ones after a minus sign, not OR), matched as the start of a word so that "homeless" also
marks "homelessness" (PostgreSQL matched the stem; this is what a reader recognises)."""

from __future__ import annotations

import functools
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 180  # characters of text around the first match
OPERATORS = {"or", "and", "not"}


def query_words(text: str) -> list[str]:
    """The words to mark: lower-case, two letters or more, excluding those after a minus and the operator OR."""
    words: list[str] = []
    for token in text.split():
        if token.startswith("-"):
            continue
        for word in re.findall(r"\w+", token.lower()):
            if len(word) > 1 and word not in OPERATORS and word not in words:
                words.append(word)
    return words


def _stem(word: str) -> str:
    """The start of a word without its ending, so that its other forms match too (tenancies: tenancy)."""
    for ending in ("ies", "ing", "es", "ed", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            word = word[: -len(ending)]
            break
    return word[: max(4, len(word) - 1)]


@functools.lru_cache(maxsize=64)
def _pattern(query: str) -> re.Pattern | None:
    """The words' pattern, made once for the fifty or so extracts of one search."""
    words = query_words(query)
    if not words:
        return None
    stems = sorted({_stem(word) for word in words}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(stem) for stem in stems) + r")\w*", re.IGNORECASE)


def snippet(texts: list[str], query: str, *, width: int = WIDTH) -> SafeString:
    """An extract of the first text with a match (the start of the first text if none does), escaped, with the
    matched words in <mark>."""
    pattern = _pattern(query)
    texts = [" ".join(text.split()) for text in texts if text and text.strip()]
    if not texts:
        return mark_safe("")  # noqa: S308 - empty
    chosen, start = texts[0], 0
    if pattern is not None:
        for text in texts:
            found = pattern.search(text)
            if found:
                chosen, start = text, found.start()
                break
    begin = max(0, start - width // 3)
    if begin:
        space = chosen.find(" ", begin)
        begin = space + 1 if 0 <= space < start else begin
    end = min(len(chosen), begin + width)
    if end < len(chosen):
        space = chosen.rfind(" ", begin, end)
        end = space if space > start else end
    extract = chosen[begin:end]
    parts = ["…" if begin else ""]
    position = 0
    for match in pattern.finditer(extract) if pattern is not None else ():
        parts.append(escape(extract[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(extract[position:]))
    parts.append("…" if end < len(chosen) else "")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text above is escaped
