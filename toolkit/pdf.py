"""PDF versions of the toolkit documents (A4, for printing), rendered with WeasyPrint from
templates/toolkit/pdf/<doc>.html."""

from django.conf import settings

from sites.models import Site
from toolkit.documents import render_document_html


def _pdf(slug: str, site: Site) -> bytes:
    from weasyprint import HTML  # imported here: it is slow to import and only needed for downloads

    return HTML(string=render_document_html(slug, site), base_url=str(settings.BASE_DIR)).write_pdf()


def render_invitation_letter_pdf(site: Site) -> bytes:
    return _pdf("invitation_letter", site)


def render_ground_rules_pdf(site: Site) -> bytes:
    return _pdf("ground_rules", site)


def render_case_template_pdf(site: Site) -> bytes:
    return _pdf("case_template", site)


def render_taster_outline_pdf(site: Site) -> bytes:
    return _pdf("taster_outline", site)


PDF_RENDERERS = {
    "invitation_letter": render_invitation_letter_pdf,
    "ground_rules": render_ground_rules_pdf,
    "case_template": render_case_template_pdf,
    "taster_outline": render_taster_outline_pdf,
}
