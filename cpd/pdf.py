"""The certificate of participation: a tagged A4 PDF of a person's development record for a period."""

import logging

from django.template.loader import render_to_string
from django.utils import timezone

from cpd.selectors import DevelopmentRecord

logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
logging.getLogger("fontTools").setLevel(logging.WARNING)


def render_certificate_html(person, record: DevelopmentRecord) -> str:
    return render_to_string(
        "cpd/pdf/certificate.html", {"person": person, "record": record, "issued_on": timezone.localdate()}
    )


def render_certificate_pdf(person, record: DevelopmentRecord) -> bytes:
    from weasyprint import HTML  # imported when needed: it takes a second to load

    return HTML(string=render_certificate_html(person, record)).write_pdf(pdf_variant="pdf/ua-1")
