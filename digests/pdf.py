"""Documents the newsletters app produces: the commissioner digest as a tagged A4 PDF."""

from __future__ import annotations

import logging

from django.template.loader import render_to_string

from digests.content import digest_content, digest_sites

# WeasyPrint reports each rendering step at INFO; keep the logs for what matters.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
logging.getLogger("fontTools").setLevel(logging.WARNING)


def render_digest_html(content: dict) -> str:
    return render_to_string("digests/pdf/digest.html", content)


def render_digest_pdf(digest) -> bytes:
    """The digest as a PDF/UA-1 document (title and language set, tagged), from its period and sites."""
    pdf, _ = render_digest_pdf_with_content(digest)
    return pdf


def render_digest_pdf_with_content(digest) -> tuple[bytes, dict]:
    sites = digest_sites(
        sites_key=digest.sites_key,
        site_ids=[s.pk for s in digest.sites.all()],
        period_end=digest.period_end,
    )
    content = digest_content(period_start=digest.period_start, period_end=digest.period_end, sites=sites)
    return render_content_pdf(content), content


def render_content_pdf(content: dict) -> bytes:
    from weasyprint import HTML  # imported when needed: it takes a second to load

    return HTML(string=render_digest_html(content)).write_pdf(pdf_variant="pdf/ua-1")
