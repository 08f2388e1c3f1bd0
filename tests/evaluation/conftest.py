from datetime import timedelta

import pytest
from django.utils import timezone

from evaluation import services
from evaluation.models import Agreement, QuestionKind
from tests.factories import MembershipFactory


def members_of(site, count: int, **kwargs) -> list:
    return [m.person for m in MembershipFactory.create_batch(count, site=site, **kwargs)]


def answer(survey, person, agreement: int = Agreement.AGREE, text: str = ""):
    questions = list(survey.questions.all())
    agreements = {q.pk: agreement for q in questions if q.kind == QuestionKind.STATEMENT}
    texts = {q.pk: text for q in questions if q.kind == QuestionKind.FREE_TEXT}
    return services.submit_survey_response(survey=survey, respondent=person, agreements=agreements, texts=texts)


@pytest.fixture
def report_survey(programme_admin):
    return services.start_report_survey(created_by=programme_admin)


@pytest.fixture
def open_report_survey(report_survey, site, facilitator, member):
    today = timezone.localdate()
    return services.open_survey(
        survey=report_survey, sites=[site], opens_on=today, closes_on=today + timedelta(days=14)
    )
