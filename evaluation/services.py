"""Every change to surveys, responses, focus groups and self-assessments goes through here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from core.anonymisation import KIND_LABELS, find_personal_data
from core.text_gate import gated_texts, refuse_personal_data_in
from evaluation.models import (
    LEARNING_CULTURES,
    Answer,
    Assessment,
    AssessmentQuestion,
    AssessmentRating,
    AssessmentRound,
    FocusGroup,
    ImprovementAction,
    ImprovementPlan,
    Question,
    QuestionKind,
    Response,
    RoundStatus,
    Survey,
    SurveySite,
    SurveyStatus,
)
from evaluation.report_survey import REPORT_SURVEY
from members.models import User
from sites.models import Membership, MembershipRole, Site
from sites.rules import member_site_ids


# Surveys
@transaction.atomic
def create_survey(*, created_by: User, title: str, introduction: str = "") -> Survey:
    return Survey.objects.create(title=title.strip(), introduction=introduction.strip(), created_by=created_by)


@transaction.atomic
def start_report_survey(*, created_by: User) -> Survey:
    """A draft survey holding the report's evaluation statements and questions, ready to adjust and open."""
    survey = create_survey(
        created_by=created_by, title=REPORT_SURVEY["title"], introduction=REPORT_SURVEY["introduction"]
    )
    Question.objects.bulk_create(
        Question(survey=survey, position=position, kind=kind, text=text)
        for position, (kind, text) in enumerate(REPORT_SURVEY["questions"], start=1)
    )
    return survey


def _require_draft(survey: Survey) -> None:
    if not survey.is_draft:
        raise ValidationError("This survey is already open or closed, so its questions can no longer change.")


@transaction.atomic
def add_question(*, survey: Survey, kind: str, text: str) -> Question:
    _require_draft(survey)
    last = survey.questions.order_by("-position").values_list("position", flat=True).first() or 0
    return Question.objects.create(survey=survey, kind=kind, text=text.strip(), position=last + 1)


@transaction.atomic
def remove_question(*, question: Question) -> None:
    _require_draft(question.survey)
    question.delete()


def _members_by_site(site_ids) -> dict[int, set[int]]:
    rows = (
        Membership.objects.current(timezone.localdate())
        .filter(site_id__in=site_ids, role=MembershipRole.MEMBER)
        .values_list("site_id", "person_id")
    )
    members: dict[int, set[int]] = {site_id: set() for site_id in site_ids}
    for site_id, person_id in rows:
        members[site_id].add(person_id)
    return members


@transaction.atomic
def open_survey(*, survey: Survey, sites: list[Site], opens_on: date, closes_on: date) -> Survey:
    """Open a draft survey to the members of the chosen sites between two dates (both included).
    Counts the members it is opened to now, so the response rate keeps the same denominator."""
    _require_draft(survey)
    if not sites:
        raise ValidationError("Choose at least one site to open the survey to.")
    if closes_on < opens_on:
        raise ValidationError("The closing date must be on or after the opening date.")
    if closes_on < timezone.localdate():
        raise ValidationError("The closing date has already passed. Choose a closing date from today onwards.")
    if not survey.questions.exists():
        raise ValidationError("Add at least one question before opening the survey.")
    members = _members_by_site([site.pk for site in sites])
    SurveySite.objects.bulk_create(
        SurveySite(survey=survey, site=site, invited_count=len(members[site.pk])) for site in sites
    )
    survey.invited_count = len(set().union(*members.values()))
    survey.opens_on, survey.closes_on = opens_on, closes_on
    survey.status = SurveyStatus.OPEN
    survey.opened_at = timezone.now()
    survey.save(update_fields=["invited_count", "opens_on", "closes_on", "status", "opened_at"])
    return survey


@transaction.atomic
def close_survey(*, survey: Survey) -> Survey:
    if survey.status != SurveyStatus.OPEN:
        raise ValidationError("Only an open survey can be closed.")
    survey.status = SurveyStatus.CLOSED
    survey.closed_at = timezone.now()
    today = timezone.localdate()
    survey.closes_on = min(survey.closes_on or today, today)
    if survey.opens_on and survey.closes_on < survey.opens_on:
        survey.opens_on = survey.closes_on
    survey.save(update_fields=["status", "closed_at", "closes_on", "opens_on"])
    return survey


class SurveyNotOpen(ValidationError):
    pass


def _refuse_personal_data_in(rows, what: str) -> None:
    """The gate over each row's gated text (core/text_gate.py), as one message the form shows at its top."""
    for row in rows:
        try:
            refuse_personal_data_in(row)
        except ValidationError as error:
            raise ValidationError(f"{what} {' '.join(error.messages)}") from None


@transaction.atomic
def submit_survey_response(
    *, survey: Survey, respondent: User, agreements: dict[int, int | None], texts: dict[int, str]
) -> Response:
    """Save (or replace) a member's answers. One response per member, changeable until the survey closes."""
    if not survey.accepts_answers():
        raise SurveyNotOpen("This survey is not open for answers now.")
    eligible = sorted(member_site_ids(respondent) & {s.site_id for s in survey.survey_sites.all()})
    if not eligible:
        raise PermissionDenied("Only members of the sites this survey was opened to can answer it.")
    response, created = Response.objects.select_for_update().get_or_create(
        survey=survey, respondent=respondent, defaults={"site_id": eligible[0]}
    )
    if not created:
        response.updated_at = timezone.now()
        response.save(update_fields=["updated_at"])
        response.answers.all().delete()
    answers = []
    for question in survey.questions.all():
        if question.kind == QuestionKind.STATEMENT and agreements.get(question.pk):
            answers.append(Answer(response=response, question=question, agreement=agreements[question.pk]))
        elif question.kind == QuestionKind.FREE_TEXT and texts.get(question.pk, "").strip():
            answers.append(Answer(response=response, question=question, text=texts[question.pk].strip()))
    _refuse_personal_data_in(answers, "Your answers were not saved: an answer could identify someone.")
    Answer.objects.bulk_create(answers)
    return response


# Focus groups
@dataclass(frozen=True)
class PersonalDataLocation:
    field: str
    kind: str
    label: str
    line: int
    column: int
    text: str

    def __str__(self) -> str:
        return f"{self.label} on line {self.line}, from character {self.column}: “{self.text}”"


class PersonalDataFound(ValidationError):
    """The text holds what looks like personal data; nothing was saved."""

    def __init__(self, locations: list[PersonalDataLocation]):
        self.locations = locations
        super().__init__("Remove the personal data found, then save again.")


def find_personal_data_in(fields: dict[str, str]) -> list[PersonalDataLocation]:
    labels = KIND_LABELS
    locations = []
    for field, text in fields.items():
        for finding in find_personal_data(text or ""):
            before = text[: finding.start]
            line = before.count("\n") + 1
            column = finding.start - (before.rfind("\n") + 1) + 1
            label = labels.get(finding.kind, finding.kind.replace("_", " ").capitalize())
            locations.append(PersonalDataLocation(field, finding.kind, label, line, column, finding.text))
    return locations


@transaction.atomic
def record_focus_group(
    *, site: Site, recorded_by: User, held_on: date, attendees_count: int, themes: str, quotes: str
) -> FocusGroup:
    if not recorded_by.has_perm("evaluation.manage_site_evaluation", site):
        raise PermissionDenied("Only this site's facilitators can record its focus groups.")
    if held_on > timezone.localdate():
        raise ValidationError("A focus group is recorded after it is held: the date cannot be in the future.")
    focus_group = FocusGroup(
        site=site,
        recorded_by=recorded_by,
        held_on=held_on,
        attendees_count=attendees_count,
        themes=themes.strip(),
        quotes=quotes.strip(),
    )
    locations = find_personal_data_in(gated_texts(focus_group))
    if locations:
        raise PersonalDataFound(locations)
    focus_group.save()
    return focus_group


# Team self-assessment
@transaction.atomic
def open_assessment_round(*, site: Site, opened_by: User) -> AssessmentRound:
    if not opened_by.has_perm("evaluation.manage_site_evaluation", site):
        raise PermissionDenied("Only this site's facilitators can open a self-assessment round.")
    if AssessmentRound.objects.filter(site=site, status=RoundStatus.OPEN).exists():
        raise ValidationError("A self-assessment round is already open for this site. Close it before opening another.")
    return AssessmentRound.objects.create(site=site, opened_by=opened_by)


@transaction.atomic
def close_assessment_round(*, assessment_round: AssessmentRound) -> AssessmentRound:
    if not assessment_round.is_open:
        raise ValidationError("This round is already closed.")
    assessment_round.status = RoundStatus.CLOSED
    assessment_round.closed_at = timezone.now()
    assessment_round.save(update_fields=["status", "closed_at"])
    return assessment_round


@transaction.atomic
def submit_self_assessment(
    *,
    assessment_round: AssessmentRound,
    respondent: User,
    stage: str,
    cultures: dict[str, int],
    ratings: dict[int, tuple[int, str]],
) -> Assessment:
    """Save (or replace) one person's self-assessment while the round is open."""
    if not assessment_round.is_open:
        raise ValidationError("This self-assessment round has closed.")
    if not respondent.has_perm("evaluation.answer_self_assessment", assessment_round):
        raise PermissionDenied("Only this site's members can take part in its self-assessment.")
    questions = {q.pk for q in AssessmentQuestion.objects.filter(is_active=True)}
    if set(ratings) != questions:
        raise ValidationError("Rate every question from 1 to 5.")
    values = {culture: cultures[culture] for culture, _ in LEARNING_CULTURES}
    assessment, created = Assessment.objects.select_for_update().get_or_create(
        round=assessment_round, respondent=respondent, defaults={"stage": stage, **values}
    )
    if not created:
        for field, value in {"stage": stage, **values}.items():
            setattr(assessment, field, value)
        assessment.submitted_at = timezone.now()
        assessment.save(update_fields=["stage", *values, "submitted_at"])
        assessment.ratings.all().delete()
    rows = [
        AssessmentRating(assessment=assessment, question_id=qid, rating=rating, comment=comment.strip())
        for qid, (rating, comment) in ratings.items()
    ]
    _refuse_personal_data_in(rows, "Your self-assessment was not saved: a comment could identify someone.")
    AssessmentRating.objects.bulk_create(rows)
    return assessment


def close_surveys_past_their_window(*, today: date | None = None) -> int:
    """Close every open survey whose closing date has passed. Safe to run any number of times."""
    today = today or timezone.localdate()
    closed = 0
    for survey_id in Survey.objects.filter(status=SurveyStatus.OPEN, closes_on__lt=today).values_list("pk", flat=True):
        with transaction.atomic():
            survey = Survey.objects.select_for_update().get(pk=survey_id)
            if survey.status != SurveyStatus.OPEN:
                continue
            survey.status = SurveyStatus.CLOSED
            survey.closed_at = timezone.now()
            survey.save(update_fields=["status", "closed_at"])
            closed += 1
    return closed


# From self-assessment to action
@dataclass(frozen=True)
class PlannedAction:
    question: AssessmentQuestion
    action: str
    owner: User
    review_on: date


@transaction.atomic
def write_improvement_plan(
    *, assessment_round: AssessmentRound, written_by: User, actions: list[PlannedAction]
) -> ImprovementPlan:
    """Write (or rewrite) the improvement plan after a closed round: one action per question, each with its owner,
    one of the site's current members or facilitators, and a review date. Nothing is saved if an action could
    identify someone."""
    if not written_by.has_perm("evaluation.manage_site_evaluation", assessment_round):
        raise PermissionDenied("Only this site's facilitators can write its improvement plan.")
    if assessment_round.is_open:
        raise ValidationError("Close the round first: the plan is written against its final results.")
    if not actions:
        raise ValidationError("Write at least one action.")
    site_people = set(
        Membership.objects.filter(site_id=assessment_round.site_id).current().values_list("person_id", flat=True)
    )
    rows = []
    for planned in actions:
        if planned.owner.pk not in site_people:
            raise ValidationError(f"{planned.owner.name} is not a current member or facilitator of this site.")
        rows.append(
            ImprovementAction(
                question=planned.question,
                action=planned.action.strip(),
                owner=planned.owner,
                review_on=planned.review_on,
            )
        )
    _refuse_personal_data_in(rows, "The plan was not saved: an action could identify someone.")
    plan, created = ImprovementPlan.objects.select_for_update().get_or_create(
        round=assessment_round, defaults={"written_by": written_by}
    )
    if not created:
        plan.updated_at = timezone.now()
        plan.save(update_fields=["updated_at"])
        plan.actions.all().delete()
    for row in rows:
        row.plan = plan
    ImprovementAction.objects.bulk_create(rows)
    return plan
