"""'Fix it for me' on a case: the gate's findings replaced by readable stand-ins, one at a time or all together.

The replacements come from `core.anonymisation.propose_fixes`, over all the case's texts at once so that a person
keeps one pseudonym everywhere ("Person A", "A's sister"). Findings the presenter marked as not personal data are
left alone (one still waiting for a facilitator to confirm blocks the case, so it is offered for fixing). What was
replaced goes into the audit log as kinds and counts, never the text itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from audit.models import AuditAction
from audit.services import record_event
from cases import search
from cases.models import CASE_TEXT_FIELDS, ActionItem, Case, CaseRevision, Finding, FindingStatus, FollowUp, field_label
from cases.services import gate, lifecycle
from cases.services.known_terms import known_terms
from core import anonymisation

# Gate fields of a case's related rows that a fix may write: "action:12" is ActionItem 12's text, and so on.
RELATED_FIELDS = {
    ("action", ""): (ActionItem, "text"),
    ("action", "note"): (ActionItem, "note"),
    ("action", "owner_agency"): (ActionItem, "owner_agency"),
    ("followup", ""): (FollowUp, "what_happened"),
}


@dataclass(frozen=True)
class FixPreview:
    """What "Fix all" would do: each changed text with its replacements marked, and how many of each kind."""

    fields: list[dict]  # {"label", "html"}
    summary: dict[str, int]
    based_on: str  # the case's edit stamp the preview was made from

    @property
    def count(self) -> int:
        return sum(self.summary.values())

    def summary_lines(self) -> list[str]:
        return anonymisation.FixResult({}, self.summary).summary_lines()


def _writable(case: Case, field: str) -> bool:
    if field in CASE_TEXT_FIELDS:
        return field != "summary" or bool(case.summary)
    kind, _, rest = field.partition(":")
    pk, _, part = rest.partition(":")
    return pk.isdigit() and (kind, part) in RELATED_FIELDS


def _texts(case: Case) -> dict[str, str]:
    return {field: text for field, text in gate.case_texts(case).items() if _writable(case, field)}


@dataclass(frozen=True)
class Analysis:
    """The case's fixable texts, everything the detector finds in them, and the replacements for the open ones."""

    texts: dict[str, str]
    found: dict[str, list[anonymisation.Finding]]
    replacements: list[anonymisation.Replacement]


def analyse(case: Case) -> Analysis:
    """Every text of the case is read (for the editor's panel); replacements are proposed where a fix can write."""
    texts = gate.case_texts(case)
    known = known_terms()
    found = {field: anonymisation.find_personal_data(text, known=known) for field, text in texts.items()}
    dismissed = set(
        Finding.objects.filter(case=case, status=FindingStatus.DISMISSED).values_list("field", "kind", "digest")
    )
    open_findings = {
        field: [f for f in findings if (field, f.kind, gate.digest(f.text)) not in dismissed]
        for field, findings in found.items()
        if _writable(case, field)
    }
    reference = timezone.localdate(case.created_at)
    writable = {field: texts[field] for field in open_findings}
    replacements = anonymisation.propose_fixes(writable, open_findings, reference_date=reference, known=known)
    return Analysis(texts, found, replacements)


def proposed_fixes(case: Case) -> list[anonymisation.Replacement]:
    """One replacement per open finding in the case's texts (findings marked not personal data are left alone)."""
    return analyse(case).replacements


def fix_for(replacements: list[anonymisation.Replacement], field: str, start: int):
    """The replacement covering the text found at `start` in `field`, if any."""
    return next((r for r in replacements if r.field == field and r.start <= start < r.end), None)


def preview_fix_all(case: Case) -> FixPreview:
    texts = _texts(case)
    replacements = proposed_fixes(case)
    result = anonymisation.apply_fixes(texts, replacements)
    fields = []
    for field, text in texts.items():
        mine = [r for r in replacements if r.field == field]
        if mine:
            fields.append({"label": field_label(field), "html": _marked(text, mine)})
    return FixPreview(fields, result.summary, lifecycle.edit_stamp(case))


def _marked(text: str, replacements: list[anonymisation.Replacement]) -> SafeString:
    """The text after the replacements, HTML-escaped, each stand-in in <mark class="fixed">."""
    parts, position = [], 0
    for replacement in sorted(replacements, key=lambda r: r.start):
        if replacement.start < position:
            continue
        parts.append(escape(text[position : replacement.start]))
        parts.append(format_html('<mark class="fixed">{}</mark>', replacement.text))
        position = replacement.end
    parts.append(escape(text[position:]))
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 - every part is escaped above


def _require(case: Case, by) -> None:
    if not by.has_perm("cases.change_case", case):
        raise PermissionDenied("Only the case's presenters and the site's facilitators can change its text.")


@transaction.atomic
def fix_finding(*, case: Case, by, finding: Finding) -> dict[str, int]:
    """Replace the text of one finding (and, for an address, the town and postcode with it)."""
    _require(case, by)
    if finding.case_id != case.pk:
        raise PermissionDenied("That finding belongs to another case.")
    Case.objects.select_for_update().only("pk").get(pk=case.pk)
    replacement = fix_for(proposed_fixes(case), finding.field, finding.start) if finding.in_text else None
    if replacement is None:
        raise ValidationError("That is no longer in the text, or it cannot be replaced here: change the text itself.")
    return _save(case, by, [replacement])


@transaction.atomic
def fix_all_findings(*, case: Case, by, based_on: str) -> dict[str, int]:
    """Apply every proposed replacement at once, as shown in the preview made from the version `based_on`."""
    _require(case, by)
    saved = Case.objects.select_for_update().only("updated_at").get(pk=case.pk)
    if based_on != lifecycle.edit_stamp(saved):
        raise lifecycle.CaseChanged(
            "The case was saved again since you looked at the result, so nothing was replaced: check the new result "
            "and confirm again."
        )
    replacements = proposed_fixes(case)
    if not replacements:
        raise ValidationError("There is nothing left to fix.")
    return _save(case, by, replacements)


def _save(case: Case, by, replacements: list[anonymisation.Replacement]) -> dict[str, int]:
    texts = _texts(case)
    result = anonymisation.apply_fixes(texts, replacements)
    changed = {field: text for field, text in result.texts.items() if text != texts[field]}
    own = {field: text for field, text in changed.items() if field in CASE_TEXT_FIELDS}
    for field, text in own.items():
        setattr(case, field, text)
    case.updated_at = timezone.now()
    case.save(update_fields=[*own, "updated_at"])
    for field, text in changed.items():
        if field in own:
            continue
        kind, _, rest = field.partition(":")
        pk, _, part = rest.partition(":")
        model, attribute = RELATED_FIELDS[(kind, part)]
        model.objects.filter(pk=int(pk), case=case).update(**{attribute: text})
    for field, text in changed.items():
        gate.check_field(case=case, field=field, text=text)
    CaseRevision.objects.create(case=case, by=by, snapshot=lifecycle.snapshot(case))
    replaced = ", ".join(f"{anonymisation.KIND_LABELS.get(k, k)} {n}" for k, n in sorted(result.summary.items()))
    record_event(actor=by, action=AuditAction.CHANGED, target=case, detail=f"Fix it for me replaced: {replaced}")
    search.update_search_document(case)
    return result.summary
