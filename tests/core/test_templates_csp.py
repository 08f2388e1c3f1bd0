"""What the browser would refuse: our Content Security Policy allows no inline script, no inline event handler and
no inline style, so a page template that holds one ships a button that silently does nothing, or text whose line
breaks are silently thrown away. PDFs and emails are not
pages a browser runs under the CSP, and are left out."""

import re
from pathlib import Path

from django.conf import settings

TEMPLATES = Path(settings.BASE_DIR) / "templates"
NOT_PAGES = {"pdf", "emails"}
INLINE_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<[^>]*\sstyle\s*=|<style[\s>]", re.IGNORECASE)


def page_templates() -> list[Path]:
    return [p for p in TEMPLATES.rglob("*.html") if not NOT_PAGES & set(p.relative_to(TEMPLATES).parts)]


def test_no_page_template_has_an_inline_handler_script_or_style():
    pages = page_templates()
    assert len(pages) > 100
    found = [
        f"{path.relative_to(TEMPLATES)}: {match.group(0)[:60]}"
        for path in pages
        for pattern in (INLINE_HANDLER, INLINE_SCRIPT, INLINE_STYLE)
        for match in pattern.finditer(path.read_text())
    ]
    assert found == [], "use a class in static/css, or a data- attribute and a handler in static/js"
