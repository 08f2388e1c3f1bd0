"""Show possible personal data highlighted in place: every piece of the user's text is escaped, only our own
<mark> tags are markup."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from core.anonymisation import KIND_LABELS


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    dismissed: bool = False
    number: int | None = None  # shown beside the text, so a list of what to fix can refer to it


def highlight(text: str, spans: list[Span]) -> SafeString:
    """The text, HTML-escaped, with each span wrapped in <mark class="finding"> naming its kind."""
    parts = []
    position = 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.start < position or span.end > len(text):
            continue
        parts.append(escape(text[position : span.start]))
        label = KIND_LABELS.get(span.kind, span.kind)
        css = "finding finding-dismissed" if span.dismissed else "finding"
        title = f"{label} (marked not personal data)" if span.dismissed else f"Possible personal data: {label}"
        if span.number is None:
            number = ""
        else:
            number = format_html('<span class="finding-number" aria-hidden="true">{}</span>', span.number)
            label = f"{span.number}: {label}"
        parts.append(
            format_html(
                '<mark class="{}" title="{}">{}{}<span class="visually-hidden"> ({})</span></mark>',
                css,
                title,
                text[span.start : span.end],
                number,
                label,
            )
        )
        position = span.end
    parts.append(escape(text[position:]))
    return mark_safe("".join(str(p) for p in parts))  # noqa: S308 - every part is escaped above
