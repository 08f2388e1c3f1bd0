"""Putting text that people typed as plain text (a case title, a town) into Markdown that is rendered later, so
that it stays text: `[read the notes](https://evil.example/login)` in a title must not become a live link,
`<a href=...>` must not become a tag. And reading such Markdown back as plain text for a text email.

The sanitiser (core.markdown) decides what Markdown may produce; this module only keeps plain text out of it."""

import re

# Square brackets make links, images and reference definitions; `<` makes raw HTML and autolinks; the backslash
# is the escape itself. Emphasis and the like are left alone: at worst they change how a title looks. An `&` stays:
# an entity such as `&lt;a href=...&gt;` is shown as text, never parsed as a tag.
_BACKSLASHED = re.compile(r"([\\\[\]])")
_UNESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")


def escape_markdown(text: str) -> str:
    """Plain text that reads the same once rendered as Markdown and can make no link or tag."""
    return _BACKSLASHED.sub(r"\\\1", text).replace("<", "&lt;")


def markdown_as_text(markdown: str) -> str:
    """Markdown as a plain-text email shows it: as typed, without the escapes that escape_markdown added."""
    text = _UNESCAPE.sub(r"\1", markdown)
    return text.replace("&lt;", "<")
