"""A programme for the API tests: CP1 and CP3 with a person in each role (the security world), cases in every
state, evidence in the library and on cases, meetings with registers, a closed survey with answers, and a
personal API token for each role."""

from datetime import timedelta

import pytest
from django.utils import timezone

from api.models import TokenScope
from api.services import create_api_token
from cases.services import evidence as evidence_services
from evaluation import services as evaluation_services
from evaluation.models import Agreement, QuestionKind
from sites.models import Attendance
from tests.factories import EvidenceFactory, MeetingFactory, MembershipFactory, at
from tests.security.world import world  # noqa: F401  (the objects every role is checked against)

ROLES = ["member", "other_member", "facilitator", "other_facilitator", "broker", "commissioner", "admin"]


def bearer(key: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.fixture
def programme(world):  # noqa: F811
    """Cases in each state at CP1, evidence placed so that each role sees a different part, registers, a survey."""
    broker = world.people["broker"]
    cases = {state: world.case(state) for state in ("draft", "shared", "published", "public")}
    evidence = {"library": EvidenceFactory(title="Library only: housing first review")}
    for state in ("shared", "published", "public"):
        item = EvidenceFactory(title=f"Evidence on the {state} case")
        evidence_services.attach_evidence(case=cases[state], evidence=item, by=broker)
        evidence[state] = item
    # Two past meetings at CP1 with registers, one at CP3.
    today = timezone.localdate()
    for days, site in ((60, world.site), (30, world.site), (30, world.other_site)):
        meeting = MeetingFactory(site=site, starts_at=at(today - timedelta(days=days)))
        people = [world.people["member"], world.people["facilitator"]] if site == world.site else []
        for person in people:
            Attendance.objects.create(meeting=meeting, person=person, status="present")
        if site == world.site:
            absent = MembershipFactory(site=site).person
            Attendance.objects.create(meeting=meeting, person=absent, status="absent")
    # A survey at CP1 with six answers (above the confidentiality threshold of five), closed so its results show.
    survey = evaluation_services.start_report_survey(created_by=world.people["admin"])
    respondents = [world.people["member"], *(MembershipFactory(site=world.site).person for _ in range(5))]
    evaluation_services.open_survey(survey=survey, sites=[world.site], opens_on=today, closes_on=today)
    for number, person in enumerate(respondents, start=1):
        questions = list(survey.questions.all())
        evaluation_services.submit_survey_response(
            survey=survey,
            respondent=person,
            agreements={q.pk: Agreement.AGREE for q in questions if q.kind == QuestionKind.STATEMENT},
            texts={q.pk: f"Free text from respondent {number}" for q in questions if q.kind == QuestionKind.FREE_TEXT},
        )
    evaluation_services.close_survey(survey=survey)
    tokens = {role: create_api_token(user=world.people[role], name=f"{role} token", scope=TokenScope.FIGURES).key
              for role in ROLES}
    return {"world": world, "cases": cases, "evidence": evidence, "survey": survey, "tokens": tokens}


def names_of_people() -> list[str]:
    """Every person's name in the programme: none may appear in what the API returns for figures."""
    from members.models import User

    return [name for name in User.objects.values_list("name", flat=True) if name]
