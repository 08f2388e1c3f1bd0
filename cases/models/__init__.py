"""The cases app's models, one module per aggregate: case studies (cases.py), the gate's findings (findings.py), the
programme's known organisations and numbers (known.py) and the evidence library (evidence.py). Import them from here."""

from cases.models.cases import (
    LEARNING_OBJECT_STATUSES,
    ActionItem,
    ActionStatus,
    Case,
    CaseKind,
    CaseQuerySet,
    CaseRevision,
    CaseStatus,
    CaseTransition,
    FollowUp,
    Outcome,
    Theme,
)
from cases.models.evidence import Evidence, EvidenceKind, EvidenceLink, Question, QuestionStatus, evidence_file_name
from cases.models.findings import (
    BLOCKING_FINDING_STATUSES,
    CASE_TEXT_FIELDS,
    Finding,
    FindingQuerySet,
    FindingStatus,
    field_label,
)
from cases.models.known import KnownTerm, KnownTermKind, KnownTermQuerySet

__all__ = [
    "BLOCKING_FINDING_STATUSES",
    "CASE_TEXT_FIELDS",
    "LEARNING_OBJECT_STATUSES",
    "ActionItem",
    "ActionStatus",
    "Case",
    "CaseKind",
    "CaseQuerySet",
    "CaseRevision",
    "CaseStatus",
    "CaseTransition",
    "Evidence",
    "EvidenceKind",
    "EvidenceLink",
    "Finding",
    "FindingQuerySet",
    "FindingStatus",
    "FollowUp",
    "KnownTerm",
    "KnownTermKind",
    "KnownTermQuerySet",
    "Outcome",
    "Question",
    "QuestionStatus",
    "Theme",
    "evidence_file_name",
    "field_label",
]
