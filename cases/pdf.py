"""The learning object as an A4 PDF (never with presenters' names)."""

import logging

from django.template.loader import render_to_string

from cases.models import Case
from cases.selectors.cases import learning_object_page

# WeasyPrint reports each rendering step at INFO; keep the logs for what matters.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def render_learning_object_pdf(case: Case) -> bytes:
    from weasyprint import HTML  # imported when needed: it takes a second to load

    html = render_to_string("cases/pdf/learning_object.html", {"case": case, **learning_object_page(case)})
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
