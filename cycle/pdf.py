"""The meeting record as an A4 PDF for the site's members ("Confidential: site members only" on every page)."""

import logging

from django.template.loader import render_to_string
from django.utils import timezone

from cycle.models import MeetingRecord

logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def render_meeting_record_pdf(record: MeetingRecord) -> bytes:
    """The latest approved version (agenda, attendance, discussion, actions), as every site member may
    read it: a draft case's title is never in it."""
    from weasyprint import HTML  # imported when needed: it takes a second to load

    version = record.versions.order_by("-number").first()
    if version is None:
        raise ValueError("Only an approved record can be printed.")
    meeting = record.meeting
    context = {
        "meeting": meeting,
        "site": meeting.site,
        "version": version,
        "content": version.content,
        "starts_at": timezone.localtime(meeting.starts_at),
        "ends_at": timezone.localtime(meeting.ends_at),
    }
    html = render_to_string("cycle/pdf/meeting_record.html", context)
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
