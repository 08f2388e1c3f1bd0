"""Adding and removing a meeting's papers. A text paper passes the anonymisation gate (refused, nothing saved, when
it could identify someone); a file was checked by its content in the form (core.form_fields.CheckedFileField)."""

from django.core.exceptions import PermissionDenied, SuspiciousFileOperation, ValidationError
from django.db import transaction
from django.utils.text import get_valid_filename

from audit.models import AuditAction
from audit.services import record_event
from core.text_gate import refuse_personal_data_in
from core.uploads import ALL_KINDS, check_upload
from sites.models import Meeting, MeetingPaper

PAPER_MAX_BYTES = 10 * 1024 * 1024
ACCEPTED = "a PDF, a Word document (.docx or .doc), a spreadsheet (.xlsx, .xls, .ods or .csv) or an .odt document"


def _download_name(name: str, extension: str) -> str:
    """A download name people recognise, with nothing that could break a header or a path."""
    stem = (name or "").replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0].encode("ascii", "ignore").decode()
    try:
        stem = get_valid_filename(stem)[:120]
    except SuspiciousFileOperation:
        stem = "paper"
    return f"{stem}.{extension}"


@transaction.atomic
def add_meeting_paper(*, meeting: Meeting, added_by, title: str, text: str = "", upload=None) -> MeetingPaper:
    """A text paper or a file (checked by its content again here, whatever the form did)."""
    if not added_by.has_perm("sites.manage_meetings", meeting):
        raise PermissionDenied("Only this site's facilitators add papers to its meetings.")
    title, text = (title or "").strip(), (text or "").strip()
    if not title:
        raise ValidationError({"title": "Give the paper a title."})
    if bool(text) == bool(upload):
        raise ValidationError("Either write the paper or attach a file, one of the two.")
    paper = MeetingPaper(meeting=meeting, title=title, text=text, added_by=added_by)
    refuse_personal_data_in(paper)
    if upload is not None:
        checked = check_upload(upload, kinds=ALL_KINDS, max_bytes=PAPER_MAX_BYTES, accepted=ACCEPTED)
        paper.file_type = checked.content_type
        paper.file_name = _download_name(upload.name, checked.extension)
        paper.file.save(paper.file_name, upload, save=False)
    paper.save()
    record_event(actor=added_by, action=AuditAction.CREATED, target=paper, detail=f"paper for meeting {meeting.pk}")
    return paper


@transaction.atomic
def remove_meeting_paper(*, paper: MeetingPaper, removed_by) -> None:
    if not removed_by.has_perm("sites.manage_meetings", paper.meeting):
        raise PermissionDenied("Only this site's facilitators remove papers from its meetings.")
    record_event(actor=removed_by, action=AuditAction.DELETED, target=paper, detail=paper.title[:200])
    if paper.file:
        paper.file.delete(save=False)
    paper.delete()
