"""The documents a facilitator can download, filled in with the site's details: as PDF (toolkit.pdf) to
print, and as plain text to edit."""

from dataclasses import dataclass

from django.template.loader import render_to_string

from sites.models import Site
from toolkit.selectors import document_details


@dataclass(frozen=True)
class Document:
    slug: str
    title: str
    description: str


DOCUMENTS = {
    doc.slug: doc
    for doc in [
        Document(
            "invitation_letter",
            "Letter to an agency manager",
            "Asks a manager to release a worker for the monthly two-hour meetings.",
        ),
        Document(
            "ground_rules",
            "Ground rules",
            "Confidentiality and information sharing, to agree at the first meetings.",
        ),
        Document(
            "case_template",
            "Case presentation template",
            "The four-part template for presenting an anonymised case, and the follow-up question.",
        ),
        Document("taster_outline", "Taster session outline", "A running order for the first meeting."),
    ]
}


def document_filename(document: Document, site: Site, extension: str) -> str:
    return f"{site.code}-{document.slug.replace('_', '-')}.{extension}"


def render_document_html(slug: str, site: Site) -> str:
    return render_to_string(f"toolkit/pdf/{slug}.html", {**document_details(site), "document": DOCUMENTS[slug]})


def render_document_text(slug: str, site: Site) -> str:
    return render_to_string(f"toolkit/text/{slug}.txt", {**document_details(site), "document": DOCUMENTS[slug]})
