"""Evaluation and development: member surveys, focus groups and the team self-assessment.

Confidentiality: a survey response or a self-assessment keeps its respondent only so that each person
answers once and can change their answers. No page, export or admin list shows who answered what;
pages show aggregates, withheld below `MIN_RESPONSES`."""

from evaluation.models.focus_groups import (
    FocusGroup,
)
from evaluation.models.improvement import (
    ImprovementAction,
    ImprovementPlan,
)
from evaluation.models.self_assessment import (
    LEARNING_CULTURES,
    Assessment,
    AssessmentQuestion,
    AssessmentRating,
    AssessmentRound,
    Domain,
    RoundStatus,
    Stage,
)
from evaluation.models.surveys import (
    MIN_RESPONSES,
    WITHHELD,
    Agreement,
    Answer,
    Question,
    QuestionKind,
    Response,
    Survey,
    SurveySite,
    SurveyStatus,
)

__all__ = [
    "Agreement",
    "Answer",
    "MIN_RESPONSES",
    "Question",
    "QuestionKind",
    "Response",
    "Survey",
    "SurveySite",
    "SurveyStatus",
    "WITHHELD",
    "FocusGroup",
    "ImprovementAction",
    "ImprovementPlan",
    "Assessment",
    "AssessmentQuestion",
    "AssessmentRating",
    "AssessmentRound",
    "Domain",
    "LEARNING_CULTURES",
    "RoundStatus",
    "Stage",
]
