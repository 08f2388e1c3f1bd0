"""Commissioners' responses to the issues raised in a case, shown back to the site on the case page."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from audit.models import AuditAction
from audit.services import record_event
from cases.models import Case, CaseStatus
from core.anonymisation import KIND_LABELS, find_personal_data
from digests.models import CommissionerResponse


@transaction.atomic
def respond_to_issues(*, case: Case, by, text: str) -> CommissionerResponse:
    """A commissioner responds to the issues raised in a case. The text goes through the anonymisation check:
    a response that may contain personal data is refused (nothing is saved)."""
    if not by.has_perm("digests.respond_to_issues", case):
        raise PermissionDenied("Only commissioners can respond to the issues raised in a shared case.")
    text = (text or "").strip()
    if not text:
        raise ValidationError("Write your response before sending it.")
    found = find_personal_data(text)
    if found:
        kinds = sorted({KIND_LABELS.get(f.kind, f.kind) for f in found})
        raise ValidationError(
            "Your response was not saved: it may contain personal data ("
            + ", ".join(kinds)
            + "). Remove it and send your response again."
        )
    response = CommissionerResponse.objects.create(case=case, responder=by, text=text)
    record_event(actor=by, action=AuditAction.CREATED, target=response, detail=f"case {case.pk}")
    return response


def case_accepts_responses(case: Case) -> bool:
    return case.status != CaseStatus.DRAFT and bool(case.commissioner_issues.strip())
