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

from cases.models import CASE_TEXT_FIELDS, Case, Finding, FindingStatus
from cases.services.known_terms import known_terms
from core import anonymisation

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
    """Every piece of text belonging to the case, by gate field name."""
    texts = {name: getattr(case, name) or "" for name in CASE_FIELDS}
    for action in case.actions.all():
        texts[f"action:{action.pk}"] = action.text
        texts[f"action:{action.pk}:note"] = action.note
    for follow_up in case.follow_ups.all():
        texts[f"followup:{follow_up.pk}"] = follow_up.what_happened
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
    return f"{finding.kind_label} at '{finding.field_label}' ({finding.excerpt})"


def ensure_no_open_findings(case: Case, *, action: str) -> None:
    """Raise a ValidationError listing what to fix if the case still holds possible personal data."""
    findings = blocking_findings(case)
    if findings:
        listed = "; ".join(describe(f) for f in findings)
        raise ValidationError(
            f"This case cannot be {action} while it may contain personal data. Possible personal data: {listed}. "
            "Fix the text, or mark each one as not personal data with a reason."
        )


@transaction.atomic
def dismiss_finding(*, finding: Finding, by, reason: str) -> Finding:
    """The author says this is not personal data, and why."""
    if not by.has_perm("cases.dismiss_finding", finding.case):
        raise PermissionDenied("Only the case's presenters and the site's facilitators can do that.")
    reason = reason.strip()
    if not reason:
        raise ValidationError("Say why this is not personal data, so a facilitator can check it.")
    if finding.status == FindingStatus.DISMISSED:
        raise ValidationError("This finding is already marked as not personal data.")
    finding.status = FindingStatus.DISMISSED
    finding.reason = reason
    finding.dismissed_by = by
    finding.dismissed_at = timezone.now()
    finding.save(update_fields=["status", "reason", "dismissed_by", "dismissed_at"])
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
    return finding


def dismissed_match(case: Case, field: str, found: Detected) -> bool:
    return Finding.objects.filter(
        case=case, field=field, kind=found.kind, digest=found.digest, status=FindingStatus.DISMISSED
    ).exists()
