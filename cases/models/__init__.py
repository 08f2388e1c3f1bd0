"""The cases app's models, one module per aggregate: case studies (cases.py), the gate's findings (findings.py) and
the evidence library (evidence.py). Import them from here."""

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
    "Outcome",
    "Question",
    "QuestionStatus",
    "Theme",
    "evidence_file_name",
    "field_label",
]
