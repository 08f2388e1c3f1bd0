"""Demo data for evaluation: the report's survey answered and closed, a focus group and two
self-assessment rounds at CP1. Called by the demo programme (demo/programme.py) after the sites exist."""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from evaluation import services
from evaluation.models import (
    Agreement,
    AssessmentQuestion,
    AssessmentRound,
    QuestionKind,
    Survey,
)
from evaluation.report_survey import REPORT_SURVEY
from members.models import User
from sites.models import Membership, MembershipRole, Site, SiteStatus

FREE_TEXT_ANSWERS = [
    "Joint working happens now without a referral form.",
    "I know who to ring at the hospital when someone is discharged.",
    "Someone was kept out of hospital over a weekend because we had a plan.",
    "It reminds me I am not the only one seeing this problem.",
    "More people from adult social care would help.",
    "Better links with the housing team.",
]


@transaction.atomic
def create_evaluation_demo_data(rng: random.Random) -> None:
    if Survey.objects.filter(title=REPORT_SURVEY["title"]).exists():
        return
    admin = User.objects.get(email="admin@example.org")
    sites = list(Site.objects.filter(status=SiteStatus.ACTIVE).order_by("code"))
    today = timezone.localdate()
    survey = services.start_report_survey(created_by=admin)
    services.open_survey(survey=survey, sites=sites, opens_on=today, closes_on=today + timedelta(days=14))
    memberships = Membership.objects.current(today).filter(site__in=sites, role=MembershipRole.MEMBER)
    people = sorted({m.person for m in memberships.select_related("person")}, key=lambda p: p.email)
    questions = list(survey.questions.all())
    for person in people:
        if person.email == "member@example.org" or rng.random() > 0.62:
            continue
        agreements, texts = {}, {}
        for question in questions:
            if question.kind == QuestionKind.STATEMENT:
                if "talking shop" in question.text:
                    agreements[question.pk] = rng.choice([Agreement.STRONGLY_DISAGREE, Agreement.DISAGREE])
                else:
                    agreements[question.pk] = rng.choice([Agreement.AGREE] * 3 + [Agreement.STRONGLY_AGREE] * 2 + [3])
            elif rng.random() < 0.5:
                texts[question.pk] = rng.choice(FREE_TEXT_ANSWERS)
        services.submit_survey_response(survey=survey, respondent=person, agreements=agreements, texts=texts)
    services.close_survey(survey=survey)

    cp1 = Site.objects.get(code="CP1")
    facilitator = User.objects.get(email="facilitator@example.org")
    services.record_focus_group(
        site=cp1,
        recorded_by=facilitator,
        held_on=today - timedelta(days=3),
        attendees_count=7,
        themes="Dual diagnosis and access to mental health services\nWeekend crises\nSecret caseloads\n"
        "Lack of suitable accommodation",
        quotes="It reminds me I am not the only one seeing this problem. (Member CP1)\n"
        "We get to know the person behind the agency. (Member CP1)",
    )
    team = [m.person for m in Membership.objects.current(today).filter(site=cp1).select_related("person")][:8]
    question_ids = list(AssessmentQuestion.objects.filter(is_active=True).values_list("pk", flat=True))
    for stage, base, days_ago in (("storming", 2, 120), ("norming", 3, 10)):
        assessment_round = services.open_assessment_round(site=cp1, opened_by=facilitator)
        for person in team:
            services.submit_self_assessment(
                assessment_round=assessment_round,
                respondent=person,
                stage=stage if rng.random() < 0.7 else "forming",
                cultures={c: rng.randint(2, 5) for c in ("professional", "managed", "humanistic", "democratic")},
                ratings={q: (min(5, base + rng.randint(0, 2)), "") for q in question_ids},
            )
        services.close_assessment_round(assessment_round=assessment_round)
        AssessmentRound.objects.filter(pk=assessment_round.pk).update(
            opened_at=timezone.now() - timedelta(days=days_ago),
            closed_at=timezone.now() - timedelta(days=days_ago - 7),
        )
