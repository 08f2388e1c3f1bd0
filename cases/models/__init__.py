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
    GATED_CHILDREN,
    Finding,
    FindingQuerySet,
    FindingStatus,
    child_field,
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
    "GATED_CHILDREN",
    "Finding",
    "FindingQuerySet",
    "FindingStatus",
    "FollowUp",
    "Outcome",
    "Question",
    "QuestionStatus",
    "Theme",
    "child_field",
    "evidence_file_name",
    "field_label",
]
