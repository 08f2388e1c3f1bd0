"""Markdown that people type (meeting notes and the like), turned into HTML that is safe to show.

The text is rendered with `markdown`, then `nh3` keeps only a few basic tags: no images, scripts,
inline styles or javascript: links survive, whatever was typed."""

import functools
import html
import re
import threading

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "a",
    "blockquote",
    "code",
    "pre",
    "h3",
    "h4",
    "h5",
    "h6",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
# Tags removed together with everything inside them, not just unwrapped.
DROPPED_WITH_CONTENT = {"script", "style"}


_converters = threading.local()


def _markdown_to_html(text: str) -> str:
    """One converter per thread, reset for each text: building one costs as much as converting a short post, and a
    forum thread renders dozens."""
    converter = getattr(_converters, "markdown", None)
    if converter is None:
        converter = _converters.markdown = markdown_lib.Markdown(extensions=["sane_lists"], output_format="html")
    return converter.reset().convert(text)


def _sanitised_html(text: str) -> str:
    return nh3.clean(
        _markdown_to_html(text),
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="nofollow noopener",
    )


# The same text always gives the same HTML, and a page shows the same texts again and again (a thread's posts, each
# quoted post): texts up to KEPT_LENGTH characters are kept rendered per process, the least recently shown of
# KEPT_TEXTS dropped first (a few MB at most).
KEPT_TEXTS = 512
KEPT_LENGTH = 4000
_kept_html = functools.lru_cache(maxsize=KEPT_TEXTS)(_sanitised_html)


def render_markdown(text: str) -> SafeString:
    text = text or ""
    html = _kept_html(text) if len(text) <= KEPT_LENGTH else _sanitised_html(text)
    return mark_safe(html)  # noqa: S308 - sanitised by nh3 in _sanitised_html


_BLOCK_END = re.compile(r"</(?:p|li|h[3-6]|blockquote|pre)>|<br\s*/?>")


def markdown_to_text(text: str) -> str:
    """The words of Markdown without its markup (no asterisks, no link addresses), on one line: plain text for an
    extract that is escaped where it is shown. Scripts and styles go with their content, as when rendered."""
    spaced = _BLOCK_END.sub(lambda end: end.group() + " ", render_markdown(text))
    return " ".join(html.unescape(nh3.clean(spaced, tags=set())).split())
