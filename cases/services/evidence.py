"""The evidence library: adding and editing items (with an optional file checked by its content), finding
duplicates, attaching evidence to cases, and questions for the knowledge brokers."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from cases import search, tasks, uploads
from cases.models import Case, Evidence, EvidenceLink, Question, QuestionStatus, Theme
from cases.services import gate
from cases.services.citations import Citation, normalise_doi, title_key
from cases.services.lifecycle import PersonalDataError
from core.text_gate import refuse_personal_data_in

EVIDENCE_FIELDS = ("kind", "title", "authors", "year", "publisher", "doi", "url", "abstract", "summary")


def _require(user, perm: str, obj, message: str) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied(message)


# Duplicates -------------------------------------------------------------------------------------------------------
def find_duplicates(*, doi: str = "", title: str = "", year: int | None = None, exclude_pk: int | None = None):
    """Items already in the library with the same DOI, or the same normalised title and year."""
    match = Q(pk__in=[])
    if doi:
        match |= Q(doi=normalise_doi(doi))
    key = title_key(title)
    if key:
        match |= Q(title_key=key, year=year)
    found = Evidence.objects.filter(match)
    if exclude_pk:
        found = found.exclude(pk=exclude_pk)
    return list(found.order_by("pk"))


def _check_not_duplicate(evidence: Evidence) -> None:
    duplicates = find_duplicates(doi=evidence.doi, title=evidence.title, year=evidence.year, exclude_pk=evidence.pk)
    if duplicates:
        raise DuplicateEvidenceError(duplicates)


class DuplicateEvidenceError(ValidationError):
    def __init__(self, duplicates: list[Evidence]):
        titles = "; ".join(f"“{d.title}”" for d in duplicates[:3])
        super().__init__(f"This is already in the library: {titles}. Use the existing item instead.")
        self.duplicates = duplicates


# Files -------------------------------------------------------------------------------------------------------------
def _store_file(evidence: Evidence, upload) -> None:
    checked = uploads.check_upload(upload)
    extension = checked.extension
    if extension == "doc" and upload.name.lower().endswith(".xls"):
        extension = "xls"
    evidence.file_name = uploads.safe_file_name(upload.name, extension=extension)
    evidence.file_type = checked.content_type
    evidence.file_size = upload.size
    evidence.file.save("upload", upload, save=False)


def _delete_file(storage, name: str) -> None:
    """Remove a stored file (written for a save that failed, or replaced)."""
    with contextlib.suppress(OSError):
        storage.delete(name)


# Items -------------------------------------------------------------------------------------------------------------
def _apply(evidence: Evidence, fields: dict) -> None:
    for name in EVIDENCE_FIELDS:
        if name in fields:
            value = fields[name]
            setattr(evidence, name, value if value is not None or name == "year" else "")
    evidence.doi = normalise_doi(evidence.doi)
    if evidence.doi and not evidence.url:
        evidence.url = f"https://doi.org/{evidence.doi}"
    evidence.title = " ".join(evidence.title.split())
    if not evidence.title:
        raise ValidationError("Give the item a title.")
    if evidence.url:
        try:
            URLValidator(schemes=["http", "https"])(evidence.url)
        except ValidationError:
            raise ValidationError(f"“{evidence.url[:80]}” is not a web link (https://...).") from None
    evidence.title_key = title_key(evidence.title)
    for name in ("title", "authors", "publisher", "doi", "url"):
        field = Evidence._meta.get_field(name)
        if len(getattr(evidence, name)) > field.max_length:
            raise ValidationError(f"The {field.verbose_name} is too long: at most {field.max_length} characters.")
    refuse_personal_data_in(evidence)  # the broker's summary is shown on cases, in the API and in newsletters


def _save(evidence: Evidence, *, upload, themes) -> Evidence:
    """Save the row and its file; if the database refuses, the file just written is removed again."""
    written = None
    try:
        with transaction.atomic():
            if upload is not None:
                _store_file(evidence, upload)
                written = evidence.file.name
            evidence.save()
            if themes is not None:
                evidence.themes.set(themes)
            search.update_evidence_search_document(evidence)
    except IntegrityError:
        if written:
            _delete_file(evidence.file.storage, written)
        raise DuplicateEvidenceError(find_duplicates(doi=evidence.doi)) from None
    except Exception:
        if written:
            _delete_file(evidence.file.storage, written)
        raise
    return evidence


@transaction.atomic
def add_evidence(*, by, themes: Iterable[Theme] = (), file=None, **fields) -> Evidence:
    """A new item in the library. Refused (nothing saved) when it is already there or its file is not accepted."""
    _require(by, "cases.manage_evidence", None, "Only knowledge brokers and programme admins add evidence.")
    evidence = Evidence(added_by=by, added_at=timezone.now())
    _apply(evidence, fields)
    _check_not_duplicate(evidence)
    _save(evidence, upload=file, themes=list(themes))
    record_event(actor=by, action=AuditAction.CHANGED, target=evidence, detail="Added to the evidence library")
    return evidence


@transaction.atomic
def update_evidence(
    *, evidence: Evidence, by, themes: Iterable[Theme] | None = None, file=None, remove_file: bool = False, **fields
) -> Evidence:
    _require(by, "cases.manage_evidence", evidence, "Only knowledge brokers and programme admins edit evidence.")
    old_file = evidence.file.name if evidence.file else ""
    _apply(evidence, fields)
    _check_not_duplicate(evidence)
    if remove_file and file is None:
        evidence.file, evidence.file_name, evidence.file_type, evidence.file_size = "", "", "", None
    _save(evidence, upload=file, themes=None if themes is None else list(themes))
    if old_file and (file is not None or remove_file):
        storage = Evidence._meta.get_field("file").storage
        transaction.on_commit(lambda: _delete_file(storage, old_file))
    record_event(actor=by, action=AuditAction.CHANGED, target=evidence, detail="Evidence item edited")
    return evidence


def add_evidence_from_citations(*, by, citations: list[Citation]) -> tuple[list[Evidence], list[Evidence]]:
    """Several pasted citations at once: each new one with a title is added; returns (added, already there)."""
    added, existing = [], []
    with transaction.atomic():
        for citation in citations:
            duplicates = find_duplicates(doi=citation.doi, title=citation.title, year=citation.year)
            if duplicates:
                existing.extend(d for d in duplicates if d not in existing)
                continue
            if not citation.title:
                raise ValidationError(
                    f"The DOI {citation.doi} has no title with it: paste DOIs one at a time and complete each item."
                )
            added.append(add_evidence(by=by, **citation.as_initial()))
    return added, existing


def record_file_download(*, evidence: Evidence, by, request=None) -> None:
    record_event(actor=by, action=AuditAction.DOWNLOADED, target=evidence, detail=evidence.file_name, request=request)


# Evidence on cases -------------------------------------------------------------------------------------------------
def _check_text(case: Case, field: str, text: str, label: str) -> None:
    detected = gate.detect(text)
    if detected:
        listed = "; ".join(d.kind_label for d in detected)
        raise PersonalDataError(
            f"Not saved: your {label} may contain personal data ({listed}). Remove it and try again.",
            found={field: detected},
        )


@transaction.atomic
def attach_evidence(*, case: Case, evidence: Evidence, by, note: str = "") -> EvidenceLink:
    _require(by, "cases.attach_evidence", case, "Only knowledge brokers attach evidence, once a case is shared.")
    _check_text(case, "evidence_note", note, "note")
    link, created = EvidenceLink.objects.get_or_create(
        case=case, evidence=evidence, defaults={"note": note, "added_by": by, "added_at": timezone.now()}
    )
    if not created and note and note != link.note:
        link.note = note
        link.save(update_fields=["note"])
    record_event(actor=by, action=AuditAction.CHANGED, target=case, detail=f"Evidence attached: {evidence.title}"[:300])
    return link


@transaction.atomic
def detach_evidence(*, link: EvidenceLink, by) -> None:
    _require(by, "cases.attach_evidence", link.case, "Only knowledge brokers remove evidence from a case.")
    record_event(
        actor=by, action=AuditAction.CHANGED, target=link.case, detail=f"Evidence removed: {link.evidence}"[:300]
    )
    link.delete()


# Questions for the broker --------------------------------------------------------------------------------------------
@transaction.atomic
def ask_question(*, case: Case, by, text: str) -> Question:
    _require(by, "cases.ask_question", case, "Only the site's members can ask about this case, once it is shared.")
    text = text.strip()
    if not text:
        raise ValidationError("Write your question.")
    _check_text(case, "question", text, "question")
    return Question.objects.create(case=case, asked_by=by, text=text, asked_at=timezone.now())


@transaction.atomic
def answer_question(
    *, question: Question, by, reply: str = "", evidence: Iterable[Evidence] = (), note: str = ""
) -> Question:
    """Answer with a reply and/or evidence attached to the case; the asker is emailed after commit."""
    _require(by, "cases.answer_question", question, "Only knowledge brokers answer questions.")
    evidence = list(evidence)
    reply = reply.strip()
    if not reply and not evidence:
        raise ValidationError("Write a reply or choose evidence to attach, or both.")
    if question.status == QuestionStatus.CLOSED:
        raise ValidationError("This question is closed. Reopen it before answering.")
    _check_text(question.case, "reply", reply, "reply")
    for item in evidence:
        attach_evidence(case=question.case, evidence=item, by=by, note=note)
    question.evidence.add(*evidence)
    question.reply = reply or question.reply
    question.status = QuestionStatus.ANSWERED
    question.answered_by = by
    question.answered_at = timezone.now()
    question.save(update_fields=["reply", "status", "answered_by", "answered_at"])
    if question.asked_by_id:
        # robust: with the broker away the answer stands (the view says the email may not go out).
        transaction.on_commit(lambda: tasks.send_question_answered_email.delay(question.pk), robust=True)
    return question


@transaction.atomic
def set_question_status(*, question: Question, by, status: str) -> Question:
    _require(by, "cases.answer_question", question, "Only knowledge brokers close or reopen questions.")
    if status not in QuestionStatus.values:
        raise ValidationError("Choose open, answered or closed.")
    question.status = status
    question.save(update_fields=["status"])
    return question
