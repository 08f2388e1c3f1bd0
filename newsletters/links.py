"""Links in an email or a feed must work away from our site: a link the editor wrote as `/repository/` becomes
`https://<our site>/repository/`, in the HTML and in the plain text's Markdown."""

import re

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe

# A path on our site: one slash, not two (`//host/...` is another site and is left alone).
_HTML_HREF = re.compile(r'href="(/(?!/)[^"]*)"')
_MARKDOWN_INLINE = re.compile(r"(\]\(\s*<?)(/(?!/)[^)\s>]*)")
_MARKDOWN_REFERENCE = re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*<?)(/(?!/)\S*)", re.MULTILINE)


def _site() -> str:
    return settings.SITE_URL.rstrip("/")


def absolute_links(html: SafeString) -> SafeString:
    """Sanitised HTML (core.markdown's output, whose attributes are always double-quoted) with absolute links."""
    return mark_safe(_HTML_HREF.sub(lambda m: f'href="{_site()}{m.group(1)}"', str(html)))  # noqa: S308 - only a prefix added to an href already sanitised


def absolute_markdown_links(markdown: str) -> str:
    """Markdown for the plain-text email with absolute link targets."""
    markdown = _MARKDOWN_INLINE.sub(lambda m: f"{m.group(1)}{_site()}{m.group(2)}", markdown or "")
    return _MARKDOWN_REFERENCE.sub(lambda m: f"{m.group(1)}{_site()}{m.group(2)}", markdown)
