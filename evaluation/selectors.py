"""Reads for the evaluation pages, and the access_* lookups. Survey and self-assessment figures are
aggregates only, withheld below MIN_RESPONSES; nothing here returns who answered what."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, Q, QuerySet
from django.utils import timezone

from core.rules import is_programme_admin
from evaluation.models import (
    LEARNING_CULTURES,
    MIN_RESPONSES,
    WITHHELD,
    Agreement,
    Answer,
    Assessment,
    AssessmentQuestion,
    AssessmentRating,
    AssessmentRound,
    Domain,
    FocusGroup,
    ImprovementAction,
    ImprovementPlan,
    Question,
    QuestionKind,
    Response,
    RoundStatus,
    Stage,
    Survey,
    SurveyStatus,
)
from evaluation.rules import evaluation_sites_q
from members.models import User
from sites.models import Membership, Site
from sites.rules import facilitated_site_ids, member_site_ids, site_roles


def percent(part: int, whole: int) -> int:
    if not whole:
        return 0
    return int((Decimal(100 * part) / Decimal(whole)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Rate:
    part: int
    whole: int

    @property
    def percent(self) -> int:
        return percent(self.part, self.whole)

    def __str__(self) -> str:
        return f"{self.percent}% ({self.part} of {self.whole})"


# Lists
def surveys_for_admin() -> QuerySet[Survey]:
    return Survey.objects.annotate(
        response_count=Count("responses", distinct=True), site_count=Count("survey_sites", distinct=True)
    ).order_by("-created_at")


def survey_page(survey: Survey) -> dict:
    return {
        "questions": list(survey.questions.all()),
        "survey_sites": list(survey.survey_sites.select_related("site")),
        "response_count": survey.responses.count(),
        "min_responses": MIN_RESPONSES,
    }


def open_surveys_for(user) -> list[dict]:
    """Surveys open now to the user's sites, each with whether the user has answered it yet."""
    site_ids = member_site_ids(user)
    if not site_ids:
        return []
    today = timezone.localdate()
    surveys = (
        Survey.objects.filter(
            status=SurveyStatus.OPEN, opens_on__lte=today, closes_on__gte=today, survey_sites__site_id__in=site_ids
        )
        .distinct()
        .annotate(answered=Count("responses", filter=Q(responses__respondent=user)))
        .order_by("closes_on")
    )
    return [{"survey": s, "answered": bool(s.answered)} for s in surveys]


def open_rounds_for(user) -> list[dict]:
    site_ids = list(site_roles(user))
    if not site_ids:
        return []
    rounds = (
        AssessmentRound.objects.filter(site_id__in=site_ids, status=RoundStatus.OPEN)
        .select_related("site")
        .annotate(answered=Count("assessments", filter=Q(assessments__respondent=user)))
        .order_by("site__code")
    )
    return [{"round": r, "answered": bool(r.answered)} for r in rounds]


def existing_answers(survey: Survey, user) -> tuple[dict[int, int], dict[int, str]]:
    """The user's own answers, to prefill the form when they come back to change them."""
    agreements, texts = {}, {}
    for answer in Answer.objects.filter(response__survey=survey, response__respondent=user):
        if answer.agreement:
            agreements[answer.question_id] = answer.agreement
        if answer.text:
            texts[answer.question_id] = answer.text
    return agreements, texts


# Survey results
@dataclass
class StatementResult:
    question: Question
    counts: dict[int, int]

    @property
    def answered(self) -> int:
        return sum(self.counts.values())

    @property
    def agreeing(self) -> Rate:
        return Rate(self.counts.get(Agreement.AGREE, 0) + self.counts.get(Agreement.STRONGLY_AGREE, 0), self.answered)

    @property
    def neither(self) -> Rate:
        return Rate(self.counts.get(Agreement.NEITHER, 0), self.answered)

    @property
    def disagreeing(self) -> Rate:
        return Rate(
            self.counts.get(Agreement.DISAGREE, 0) + self.counts.get(Agreement.STRONGLY_DISAGREE, 0), self.answered
        )

    @property
    def withheld(self) -> bool:
        return self.answered < MIN_RESPONSES


@dataclass
class SiteRate:
    site: Site
    rate: Rate
    hidden: bool = False  # the survey is still open

    @property
    def withheld(self) -> bool:
        return self.hidden or self.rate.part < MIN_RESPONSES


@dataclass
class FreeTextResult:
    question: Question
    answers: list[str]

    @property
    def withheld(self) -> bool:
        return len(self.answers) < MIN_RESPONSES

    @property
    def grouped(self) -> list[tuple[str, int]]:
        """The same answer given by several people once, with how many gave it (case and spacing aside); the most
        given first, then alphabetically."""
        groups: dict[str, list] = {}
        for text in self.answers:
            groups.setdefault(" ".join(text.split()).casefold(), [text, 0])[1] += 1
        return sorted(((text, n) for text, n in groups.values()), key=lambda group: (-group[1], group[0].casefold()))


@dataclass
class SurveyResults:
    survey: Survey
    response_count: int
    rate: Rate
    site_rates: list[SiteRate]
    statements: list[StatementResult] = field(default_factory=list)
    free_text: list[FreeTextResult] = field(default_factory=list)
    withheld_message: str = WITHHELD
    available: bool = True  # False while the survey is open: nothing but the message is shown

    @property
    def withheld(self) -> bool:
        return not self.available or self.response_count < MIN_RESPONSES


def not_yet_message(survey: Survey) -> str:
    closes = f" on {survey.closes_on:%d/%m/%Y}" if survey.closes_on else ""
    return (
        f"Results appear once the survey closes{closes}: while answers are still coming in, a change in the counts "
        "could show who answered what."
    )


def survey_results(survey: Survey, *, site_ids: set[int] | None = None) -> SurveyResults:
    """Aggregates of a survey's responses, over all its sites or only `site_ids`, once the survey has closed (while it
    is open, only a message). A fixed number of queries. Every slice (the whole, each site, each statement, each
    free-text question) is withheld below MIN_RESPONSES. Free-text answers come sorted alphabetically, never in the
    order they were given."""
    survey_sites = list(survey.survey_sites.select_related("site"))
    if site_ids is not None:
        survey_sites = [s for s in survey_sites if s.site_id in site_ids]
    scope = [s.site_id for s in survey_sites]
    responses = Response.objects.filter(survey=survey, site_id__in=scope)
    by_site = dict(responses.values_list("site_id").annotate(n=Count("pk")).values_list("site_id", "n"))
    count = sum(by_site.values())
    if site_ids is None:
        rate = Rate(count, survey.invited_count or 0)
    else:
        rate = Rate(count, sum(s.invited_count for s in survey_sites))
    available = survey.results_available()
    results = SurveyResults(
        survey=survey,
        response_count=count,
        rate=rate,
        site_rates=[
            SiteRate(s.site, Rate(by_site.get(s.site_id, 0), s.invited_count), hidden=not available)
            for s in survey_sites
        ],
        available=available,
        withheld_message=WITHHELD if available else not_yet_message(survey),
    )
    if results.withheld:
        return results
    questions = list(survey.questions.all())
    answers = Answer.objects.filter(response__survey=survey, response__site_id__in=scope)
    counts: dict[int, dict[int, int]] = {}
    for question_id, agreement, n in (
        answers.filter(agreement__isnull=False).values_list("question_id", "agreement").annotate(n=Count("pk"))
    ):
        counts.setdefault(question_id, {})[agreement] = n
    texts: dict[int, list[str]] = {}
    for question_id, text in answers.exclude(text="").values_list("question_id", "text"):
        texts.setdefault(question_id, []).append(text)
    for question in questions:
        if question.kind == QuestionKind.STATEMENT:
            results.statements.append(StatementResult(question, counts.get(question.pk, {})))
        else:
            results.free_text.append(FreeTextResult(question, sorted(texts.get(question.pk, []), key=str.casefold)))
    return results


def surveys_with_results_for(user) -> QuerySet[Survey]:
    """Opened surveys whose aggregate results the user may see."""
    surveys = Survey.objects.exclude(status=SurveyStatus.DRAFT)
    if not is_programme_admin(user):
        surveys = surveys.filter(survey_sites__site_id__in=list(facilitated_site_ids(user))).distinct()
    return surveys.order_by("-opened_at")


# Focus groups and the self-assessment
def site_evaluation_page(site: Site) -> dict:
    rounds = list(
        AssessmentRound.objects.filter(site=site).annotate(response_count=Count("assessments")).order_by("-opened_at")
    )
    return {
        "focus_groups": list(FocusGroup.objects.filter(site=site).order_by("-held_on")),
        "rounds": rounds,
        "open_round": next((r for r in rounds if r.is_open), None),
        "min_responses": MIN_RESPONSES,
    }


def assessment_questions_by_domain() -> list[tuple[str, str, list[AssessmentQuestion]]]:
    questions = list(AssessmentQuestion.objects.filter(is_active=True).order_by("position"))
    return [(d.value, d.label, [q for q in questions if q.domain == d.value]) for d in Domain]


def existing_assessment(assessment_round: AssessmentRound, user) -> Assessment | None:
    return Assessment.objects.filter(round=assessment_round, respondent=user).prefetch_related("ratings").first()


@dataclass
class RoundProfile:
    assessment_round: AssessmentRound
    response_count: int
    domain_means: dict[str, float | None] = field(default_factory=dict)
    question_means: dict[int, float | None] = field(default_factory=dict)
    culture_means: dict[str, float | None] = field(default_factory=dict)
    stages: dict[str, int] = field(default_factory=dict)
    comments: dict[int, list[str]] = field(default_factory=dict)

    @property
    def withheld(self) -> bool:
        return self.response_count < MIN_RESPONSES


def _mean(value) -> float | None:
    return None if value is None else round(float(value), 1)


def round_profile(assessment_round: AssessmentRound) -> RoundProfile:
    """Mean rating per domain, per question and per learning culture, and the stages chosen: aggregates
    only, and nothing at all below MIN_RESPONSES."""
    assessments = Assessment.objects.filter(round=assessment_round)
    count = assessments.count()
    profile = RoundProfile(assessment_round, count)
    if profile.withheld:
        return profile
    ratings = AssessmentRating.objects.filter(assessment__round=assessment_round)
    profile.domain_means = {
        d: _mean(m)
        for d, m in ratings.values_list("question__domain")
        .annotate(m=Avg("rating"))
        .values_list("question__domain", "m")
    }
    profile.question_means = {
        q: _mean(m)
        for q, m in ratings.values_list("question_id").annotate(m=Avg("rating")).values_list("question_id", "m")
    }
    culture_avgs = assessments.aggregate(**{c: Avg(c) for c, _ in LEARNING_CULTURES})
    profile.culture_means = {c: _mean(culture_avgs[c]) for c, _ in LEARNING_CULTURES}
    stage_counts = dict(assessments.values_list("stage").annotate(n=Count("pk")).values_list("stage", "n"))
    profile.stages = {s.value: stage_counts.get(s.value, 0) for s in Stage}
    for question_id, comment in ratings.exclude(comment="").values_list("question_id", "comment"):
        profile.comments.setdefault(question_id, []).append(comment)
    for comments in profile.comments.values():
        comments.sort(key=str.casefold)
    return profile


def previous_round(assessment_round: AssessmentRound) -> AssessmentRound | None:
    return (
        AssessmentRound.objects.filter(site_id=assessment_round.site_id, opened_at__lt=assessment_round.opened_at)
        .order_by("-opened_at")
        .first()
    )


def evaluation_sites_for(user) -> QuerySet[Site]:
    return Site.objects.filter(evaluation_sites_q(user)).order_by("code")


def profile_tables(profile: RoundProfile, previous: RoundProfile | None) -> list[dict]:
    """Per domain: its mean and, per question, the mean, the previous round's mean and the change."""
    compare = previous is not None and not previous.withheld
    tables = []
    for domain, label, questions in assessment_questions_by_domain():
        rows = []
        for question in questions:
            now = profile.question_means.get(question.pk)
            before = previous.question_means.get(question.pk) if compare else None
            change = None if now is None or before is None else round(now - before, 1)
            rows.append(
                {
                    "text": question.text,
                    "mean": now,
                    "previous": before,
                    "change": f"{change:+.1f}" if change is not None else None,
                    "comments": profile.comments.get(question.pk, []),
                }
            )
        tables.append(
            {
                "label": label,
                "mean": profile.domain_means.get(domain),
                "previous": previous.domain_means.get(domain) if compare else None,
                "rows": rows,
            }
        )
    return tables


# From self-assessment to action: the improvement plan after a round, and the next round's comparison with it
PLAN_QUESTIONS = 3  # a plan is written against this many of the round's weakest questions


def weakest_questions(profile: RoundProfile, count: int = PLAN_QUESTIONS) -> list[AssessmentQuestion]:
    """The questions with the lowest mean ratings in a round (the earlier question on a tie); none when withheld."""
    if profile.withheld:
        return []
    questions = AssessmentQuestion.objects.filter(pk__in=profile.question_means, is_active=True)
    ranked = sorted(questions, key=lambda q: (profile.question_means[q.pk], q.position))
    return ranked[:count]


def plan_of(assessment_round: AssessmentRound | None) -> ImprovementPlan | None:
    """A round's improvement plan with its actions, their questions and owners (one query for the actions)."""
    if assessment_round is None:
        return None
    plan = ImprovementPlan.objects.filter(round=assessment_round).select_related("written_by").first()
    if plan is not None:
        plan.action_list = list(
            ImprovementAction.objects.filter(plan=plan)
            .select_related("question", "owner")
            .order_by("question__position")
        )
    return plan


def plan_owner_choices(site: Site) -> QuerySet[User]:
    """Who can own an action: the site's current facilitators and members."""
    people = Membership.objects.filter(site=site).current().values("person_id")
    return User.objects.filter(pk__in=people).order_by("name")


def plan_comparison(plan: ImprovementPlan | None, before: RoundProfile | None, after: RoundProfile) -> list[dict]:
    """Each planned question: its mean in the planning round (before), in this round (after), and the action taken.
    Means are None where a round's figures are withheld."""
    if plan is None:
        return []
    rows = []
    for action in plan.action_list:
        was = before.question_means.get(action.question_id) if before and not before.withheld else None
        now = after.question_means.get(action.question_id) if not after.withheld else None
        change = None if was is None or now is None else round(now - was, 1)
        rows.append(
            {
                "question": action.question.text,
                "before": was,
                "after": now,
                "change": f"{change:+.1f}" if change is not None else None,
                "action": action,
            }
        )
    return rows
