"""From self-assessment to action: the improvement plan against a round's weakest questions, the next round's
comparison with it, and the paper's advice for the stage the members say the group has reached."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from evaluation import selectors, services
from evaluation.models import AssessmentQuestion, ImprovementAction, Stage
from evaluation.stages import ADVICE, CITATION, leading_stage
from tests.evaluation.conftest import members_of
from tests.factories import MembershipFactory
from tests.html import parse, select, text

pytestmark = pytest.mark.django_db


def take_part(assessment_round, person, *, low: dict[int, int], stage: str = "norming"):
    """Rate every question 4, except those in `low` (question pk -> rating)."""
    return services.submit_self_assessment(
        assessment_round=assessment_round,
        respondent=person,
        stage=stage,
        cultures={"professional": 3, "managed": 3, "humanistic": 3, "democratic": 3},
        ratings={q.pk: (low.get(q.pk, 4), "") for q in AssessmentQuestion.objects.filter(is_active=True)},
    )


def closed_round(site, facilitator, people, *, low, stages=None):
    assessment_round = services.open_assessment_round(site=site, opened_by=facilitator)
    for i, person in enumerate(people):
        take_part(assessment_round, person, low=low, stage=(stages or {}).get(i, "norming"))
    return services.close_assessment_round(assessment_round=assessment_round)


@pytest.fixture
def questions():
    return list(AssessmentQuestion.objects.filter(is_active=True).order_by("position"))


@pytest.fixture
def people(site, member):
    return [member, *members_of(site, 4)]


def test_weakest_questions_are_the_lowest_means_earliest_first_on_a_tie(site, facilitator, people, questions):
    low = {questions[5].pk: 1, questions[2].pk: 2, questions[20].pk: 2, questions[9].pk: 3}
    first = closed_round(site, facilitator, people, low=low)
    weakest = selectors.weakest_questions(selectors.round_profile(first))
    assert weakest == [questions[5], questions[2], questions[20]]


def test_no_weakest_questions_while_withheld(site, facilitator, member, questions):
    first = closed_round(site, facilitator, [member], low={questions[0].pk: 1})
    assert selectors.weakest_questions(selectors.round_profile(first)) == []


def test_plan_page_writes_the_plan_and_keeps_what_was_typed_on_error(
    client, site, facilitator, member, people, questions
):
    low = {questions[5].pk: 1, questions[2].pk: 2, questions[20].pk: 2}
    first = closed_round(site, facilitator, people, low=low)
    client.force_login(facilitator)
    url = reverse("evaluation:improvement_plan", args=[first.pk])
    page = parse(client.get(url).content)
    legends = [text(legend) for legend in select(page, "fieldset legend")]
    assert [text.split(" mean ")[0].strip() for text in legends] == [
        q.text for q in (questions[5], questions[2], questions[20])
    ]
    missing = client.post(url, {f"action_{questions[5].pk}": "Invite a housing officer to each meeting"})
    assert missing.status_code == 200
    body = missing.content.decode()
    assert "Choose who will do this action." in body and "Give the date the group will review this action." in body
    assert "Invite a housing officer to each meeting" in body
    nothing = client.post(url, {})
    assert "Write an action for at least one question." in nothing.content.decode()
    done = client.post(
        url,
        {
            f"action_{questions[5].pk}": "Invite a housing officer to each meeting",
            f"owner_{questions[5].pk}": member.pk,
            f"review_{questions[5].pk}": "2027-03-01",
        },
    )
    assert done.status_code == 302
    action = ImprovementAction.objects.get()
    assert (action.question, action.owner, action.review_on) == (questions[5], member, date(2027, 3, 1))
    profile = client.get(reverse("evaluation:round", args=[first.pk])).content.decode()
    assert "Invite a housing officer to each meeting" in profile and "Change the improvement plan" in profile


def test_next_round_compares_each_planned_question_before_and_after(
    client, site, facilitator, member, people, questions
):
    weak = questions[5]
    first = closed_round(site, facilitator, people, low={weak.pk: 1})
    services.write_improvement_plan(
        assessment_round=first,
        written_by=facilitator,
        actions=[
            services.PlannedAction(
                question=weak, action="Joint visits with the NHS team", owner=member, review_on=date(2027, 2, 1)
            )
        ],
    )
    second = closed_round(site, facilitator, people, low={weak.pk: 3})
    client.force_login(facilitator)
    response = client.get(reverse("evaluation:round", args=[second.pk]))
    assert [(r["question"], r["before"], r["after"], r["change"]) for r in response.context["plan_rows"]] == [
        (weak.text, 1.0, 3.0, "+2.0")
    ]
    page = parse(response.content)
    rows = select(page, "section[aria-labelledby=plan-compare-heading] tbody tr")
    cells = [text(c) for c in select(rows[0], "th, td")]
    assert cells[:4] == [weak.text, "1.0", "3.0", "+2.0"]
    assert "Joint visits with the NHS team" in cells[4] and member.name in cells[4]


def test_the_plan_is_refused_while_the_round_is_open_to_outsiders_and_with_personal_data(
    site, facilitator, member, people, questions, other_site
):
    weak = questions[0]
    open_round = services.open_assessment_round(site=site, opened_by=facilitator)
    planned = services.PlannedAction(question=weak, action="Agree a rota", owner=member, review_on=date(2027, 1, 5))
    with pytest.raises(ValidationError, match="Close the round first"):
        services.write_improvement_plan(assessment_round=open_round, written_by=facilitator, actions=[planned])
    services.close_assessment_round(assessment_round=open_round)
    other_facilitator = MembershipFactory(site=other_site, role="facilitator").person
    with pytest.raises(PermissionDenied):
        services.write_improvement_plan(assessment_round=open_round, written_by=other_facilitator, actions=[planned])
    stranger = members_of(other_site, 1)[0]
    elsewhere = services.PlannedAction(question=weak, action="Agree a rota", owner=stranger, review_on=date(2027, 1, 5))
    with pytest.raises(ValidationError, match="not a current member"):
        services.write_improvement_plan(assessment_round=open_round, written_by=facilitator, actions=[elsewhere])
    personal = services.PlannedAction(
        question=weak,
        action="Call Mrs Jane Smith on 07700 900123 about her flat",
        owner=member,
        review_on=date(2027, 1, 5),
    )
    with pytest.raises(ValidationError, match="could identify someone"):
        services.write_improvement_plan(assessment_round=open_round, written_by=facilitator, actions=[personal])
    assert not ImprovementAction.objects.exists()


def test_who_may_write_or_read_a_plan(
    client, site, facilitator, member, people, questions, other_site, programme_admin, broker, commissioner
):
    first = closed_round(site, facilitator, people, low={questions[0].pk: 1})
    url = reverse("evaluation:improvement_plan", args=[first.pk])
    other_facilitator = MembershipFactory(site=other_site, role="facilitator").person
    for person, status in [
        (member, 404),
        (other_facilitator, 404),
        (broker, 404),
        (commissioner, 404),
        (programme_admin, 200),
        (facilitator, 200),
    ]:
        client.force_login(person)
        assert client.get(url).status_code == status, person


@pytest.mark.parametrize("stage", list(Stage))
def test_each_stage_shows_the_papers_advice_with_the_paper_cited(client, site, facilitator, people, stage):
    stages = {0: stage.value, 1: stage.value, 2: stage.value, 3: "forming", 4: "performing"}
    first = closed_round(site, facilitator, people, low={}, stages=stages)
    client.force_login(facilitator)
    for url in (reverse("evaluation:round", args=[first.pk]), reverse("evaluation:site", args=[site.pk])):
        page = parse(client.get(url).content)
        section = text(select(page, ".stage-advice")[0])
        assert f"Leading at the {stage.label.lower()} stage" in section
        assert all(point in section for point in ADVICE[stage].points)
        assert CITATION in section and "Leading communities of practice" in section


def test_no_stage_advice_while_the_figures_are_withheld(client, site, facilitator, member):
    first = closed_round(site, facilitator, [member], low={})
    client.force_login(facilitator)
    page = client.get(reverse("evaluation:site", args=[site.pk])).content.decode()
    assert first.status == "closed" and "stage-advice" not in page


def test_leading_stage_is_the_most_chosen_and_the_earlier_on_a_tie():
    assert leading_stage({"forming": 0, "storming": 2, "norming": 3, "performing": 0}) == "norming"
    assert leading_stage({"forming": 2, "storming": 2, "norming": 0, "performing": 0}) == "forming"
    assert leading_stage({"forming": 0, "storming": 0, "norming": 0, "performing": 0}) is None
