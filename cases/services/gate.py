"""The anonymisation gate: every save of case text is checked for personal data.

Each field's findings are kept as `Finding` rows (kind, offsets, a masked excerpt and a keyed digest, never the
text itself). While any finding is open the case cannot leave draft. The author fixes the text or marks a finding
"not personal data" with a reason; the site's facilitators see that reason and can reopen the finding.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from cases.models import CASE_TEXT_FIELDS, GATED_CHILDREN, Case, Finding, FindingStatus, child_field
from cases.services.known_terms import known_terms
from core import anonymisation
from core.text_gate import STRUCTURED_KINDS, check_reason, gated_texts

CASE_FIELDS = CASE_TEXT_FIELDS
MASK = "\u2022"


@dataclass(frozen=True)
class Detected:
    """A detector finding, reduced to what may be stored and shown."""

    start: int
    end: int
    kind: str
    excerpt: str
    digest: str

    @property
    def kind_label(self) -> str:
        return anonymisation.KIND_LABELS.get(self.kind, self.kind)


def mask(text: str) -> str:
    """A short masked excerpt: enough to recognise, not enough to identify ("07•••••123", "J••••••h")."""
    text = " ".join(text.split())
    if len(text) <= 3:
        return MASK * len(text)
    keep = 1 if len(text) < 9 else 2 if len(text) < 12 else 3
    head, tail = text[:keep], text[-keep:]
    return (head + MASK * min(len(text) - 2 * keep, 12) + tail)[:40]


def digest(text: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, " ".join(text.lower().split()).encode(), hashlib.sha256).hexdigest()


def detect(text: str) -> list[Detected]:
    """What the detector finds in the text, leaving out the programme's known organisations and public numbers."""
    if not text:
        return []
    found = anonymisation.find_personal_data(text, known=known_terms())
    return [Detected(f.start, f.end, f.kind, mask(f.text), digest(f.text)) for f in found]


def case_texts(case: Case) -> dict[str, str]:
    """Every piece of text belonging to the case, by gate field name: each gated field (core/text_gate.py) of the
    case, its next steps and its follow-ups."""
    texts = gated_texts(case)
    for prefix, related, model in GATED_CHILDREN:
        for child in getattr(case, related).all():
            for name, text in gated_texts(child).items():
                texts[child_field(prefix, child.pk, model, name)] = text
    return texts


@transaction.atomic
def check_field(*, case: Case, field: str, text: str) -> list[Finding]:
    """Refresh the findings of one field from its current text; returns the field's findings found in it.

    A finding the author dismissed before (same field, kind and text) stays dismissed. Findings no longer in the
    text are deleted, except dismissed ones, which are kept (marked not in the text) as the record of the decision.
    """
    detected = {(d.kind, d.digest): d for d in reversed(detect(text))}  # first occurrence wins
    existing = {(f.kind, f.digest): f for f in Finding.objects.filter(case=case, field=field)}
    now_found = []
    for key, found in detected.items():
        finding = existing.pop(key, None)
        if finding is None:
            finding = Finding.objects.create(
                case=case,
                field=field,
                start=found.start,
                end=found.end,
                kind=found.kind,
                excerpt=found.excerpt,
                digest=found.digest,
            )
        elif (finding.start, finding.end, finding.in_text) != (found.start, found.end, True):
            finding.start, finding.end, finding.in_text = found.start, found.end, True
            finding.save(update_fields=["start", "end", "in_text"])
        now_found.append(finding)
    for finding in existing.values():
        if finding.status == FindingStatus.DISMISSED:
            if finding.in_text:
                finding.in_text = False
                finding.save(update_fields=["in_text"])
        else:
            finding.delete()
    return now_found


@transaction.atomic
def check_case(*, case: Case) -> None:
    """Check every text of the case (title, the four parts, the write-up, next steps and follow-ups)."""
    texts = case_texts(case)
    for field, text in texts.items():
        check_field(case=case, field=field, text=text)
    Finding.objects.filter(case=case).exclude(field__in=list(texts)).delete()


def blocking_findings(case: Case) -> list[Finding]:
    return list(Finding.objects.blocking().filter(case=case))


def describe(finding: Finding) -> str:
    waiting = ", waiting for a facilitator to confirm" if finding.status == FindingStatus.AWAITING else ""
    return f"{finding.kind_label} at '{finding.field_label}' ({finding.excerpt}{waiting})"


def ensure_no_open_findings(case: Case, *, action: str) -> None:
    """Raise a ValidationError listing what to fix if the case still holds possible personal data."""
    findings = blocking_findings(case)
    if findings:
        listed = "; ".join(describe(f) for f in findings)
        raise ValidationError(
            f"This case cannot be {action} while it may contain personal data. Possible personal data: {listed}. "
            "Fix the text, or mark each one as not personal data with a reason (a facilitator confirms NHS and "
            "National Insurance numbers, dates of birth, phone numbers and email addresses)."
        )


def needs_confirmation(finding) -> bool:
    """A structured identifier (NHS, NI, date of birth, phone, email) is not dismissed by one person alone."""
    return finding.kind in STRUCTURED_KINDS


def _audit(by, finding: Finding, what: str) -> None:
    record_event(
        actor=by,
        action=AuditAction.CHANGED,
        target=finding.case,
        detail=f"Finding {finding.pk} ({finding.kind_label} at '{finding.field_label}'): {what}"[:300],
    )


@transaction.atomic
def dismiss_finding(*, finding: Finding, by, reason: str) -> Finding:
    """The author says this is not personal data, and why (a real sentence).

    A name, postcode, address or reference is then dismissed. A structured identifier is only asked about: it waits,
    still blocking the case, until one of the site's facilitators (not the person who asked) confirms or refuses."""
    if not by.has_perm("cases.dismiss_finding", finding.case):
        raise PermissionDenied("Only the case's presenters and the site's facilitators can do that.")
    reason = check_reason(reason)
    if finding.status in (FindingStatus.DISMISSED, FindingStatus.AWAITING):
        raise ValidationError("This finding is already marked as not personal data.")
    finding.status = FindingStatus.AWAITING if needs_confirmation(finding) else FindingStatus.DISMISSED
    finding.reason = reason
    finding.dismissed_by = by
    finding.dismissed_at = timezone.now()
    finding.confirmed_by, finding.confirmed_at = None, None
    finding.save(update_fields=["status", "reason", "dismissed_by", "dismissed_at", "confirmed_by", "confirmed_at"])
    if finding.status == FindingStatus.AWAITING:
        _audit(by, finding, "marked not personal data, waiting for a facilitator to confirm")
    else:
        _audit(by, finding, "marked not personal data")
    return finding


def _check_reviewer(finding: Finding, by) -> None:
    if not by.has_perm("cases.review_findings", finding.case):
        raise PermissionDenied("Only the site's facilitators can confirm or refuse this.")
    if finding.status != FindingStatus.AWAITING:
        raise ValidationError("This finding is not waiting for a facilitator's confirmation.")
    if finding.dismissed_by_id == by.pk:
        raise PermissionDenied("Another facilitator must confirm what you marked as not personal data.")


@transaction.atomic
def confirm_finding_dismissal(*, finding: Finding, by) -> Finding:
    """A facilitator agrees that the structured identifier is not personal data: it stops blocking the case."""
    _check_reviewer(finding, by)
    finding.status = FindingStatus.DISMISSED
    finding.confirmed_by, finding.confirmed_at = by, timezone.now()
    finding.save(update_fields=["status", "confirmed_by", "confirmed_at"])
    _audit(by, finding, "the facilitator confirmed it is not personal data")
    return finding


@transaction.atomic
def refuse_finding_dismissal(*, finding: Finding, by) -> Finding:
    """A facilitator does not agree: the finding is reopened and the text must be fixed."""
    _check_reviewer(finding, by)
    finding.status = FindingStatus.REOPENED
    finding.reopened_by, finding.reopened_at = by, timezone.now()
    finding.save(update_fields=["status", "reopened_by", "reopened_at"])
    _audit(by, finding, "the facilitator refused: it must be fixed")
    return finding


@transaction.atomic
def reopen_finding(*, finding: Finding, by) -> Finding:
    """A facilitator disagrees with a dismissal: the finding blocks the case again until fixed."""
    if not by.has_perm("cases.review_findings", finding.case):
        raise PermissionDenied("Only the site's facilitators can reopen a finding.")
    if finding.status != FindingStatus.DISMISSED:
        raise ValidationError("Only a finding marked as not personal data can be reopened.")
    finding.status = FindingStatus.REOPENED
    finding.reopened_by = by
    finding.reopened_at = timezone.now()
    finding.save(update_fields=["status", "reopened_by", "reopened_at"])
    _audit(by, finding, "reopened by a facilitator")
    return finding


def dismissed_match(case: Case, field: str, found: Detected) -> bool:
    return Finding.objects.filter(
        case=case, field=field, kind=found.kind, digest=found.digest, status=FindingStatus.DISMISSED
    ).exists()
