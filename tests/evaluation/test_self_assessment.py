"""The team self-assessment: Table 2's questions in Adair's three domains, rounds and the profile."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from evaluation import services
from evaluation.models import Assessment, AssessmentQuestion, Domain, RoundStatus
from evaluation.selectors import previous_round, round_profile
from tests.evaluation.conftest import members_of

pytestmark = pytest.mark.django_db


def test_table_2_questions_are_seeded_in_the_three_domains():
    counts = {d: AssessmentQuestion.objects.filter(domain=d).count() for d in Domain}
    assert counts == {Domain.TASK: 8, Domain.TEAM: 11, Domain.INDIVIDUAL: 8}
    texts = set(AssessmentQuestion.objects.values_list("text", flat=True))
    assert "How effective is our multi-disciplinary working?" in texts
    assert "To what extent does the team have a climate where problems can be raised and practice challenged?" in texts
    assert "How effective is supervision in developing practice?" in texts


def take_part(assessment_round, person, *, rating: int, stage: str = "norming", humanistic: int = 4):
    questions = AssessmentQuestion.objects.filter(is_active=True)
    return services.submit_self_assessment(
        assessment_round=assessment_round,
        respondent=person,
        stage=stage,
        cultures={"professional": 3, "managed": 2, "humanistic": humanistic, "democratic": 3},
        ratings={q.pk: (rating if q.domain != Domain.INDIVIDUAL else 2, "") for q in questions},
    )


def test_profile_is_withheld_below_five_and_shown_from_five(client, facilitator, site, member):
    assessment_round = services.open_assessment_round(site=site, opened_by=facilitator)
    people = [member, *members_of(site, 4)]
    for person in people[:4]:
        take_part(assessment_round, person, rating=3)
    client.force_login(facilitator)
    url = reverse("evaluation:round", args=[assessment_round.pk])
    page = client.get(url).content.decode()
    assert "Fewer than 5 responses: withheld to protect confidentiality" in page and "<svg" not in page
    take_part(assessment_round, people[4], rating=3, stage="performing")
    profile = round_profile(assessment_round)
    assert profile.domain_means == {"task": 3.0, "team": 3.0, "individual": 2.0}
    assert profile.stages == {"forming": 0, "storming": 0, "norming": 4, "performing": 1}
    assert profile.culture_means["humanistic"] == 4.0
    page = client.get(url).content.decode()
    assert 'role="img"' in page and "first round" in page
    assert all(person.name not in page for person in people)


def test_profile_compares_with_the_previous_round(client, facilitator, site, member):
    people = [member, *members_of(site, 5)]
    first = services.open_assessment_round(site=site, opened_by=facilitator)
    for person in people:
        take_part(first, person, rating=2, humanistic=2)
    services.close_assessment_round(assessment_round=first)
    second = services.open_assessment_round(site=site, opened_by=facilitator)
    for person in people:
        take_part(second, person, rating=4, humanistic=5)
    assert previous_round(second) == first
    client.force_login(facilitator)
    response = client.get(reverse("evaluation:round", args=[second.pk]))
    assert response.context["compare"] is True
    task = response.context["tables"][0]
    assert (task["mean"], task["previous"]) == (4.0, 2.0)
    assert task["rows"][0]["change"] == "+2.0"
    page = response.content.decode()
    assert "Previous round" in page and "(previous round 2.0)" in page


def test_one_open_round_per_site_and_answers_editable_while_open(facilitator, site, member):
    assessment_round = services.open_assessment_round(site=site, opened_by=facilitator)
    with pytest.raises(ValidationError):
        services.open_assessment_round(site=site, opened_by=facilitator)
    take_part(assessment_round, member, rating=2)
    take_part(assessment_round, member, rating=5, stage="storming")
    assessment = Assessment.objects.get()
    assert assessment.stage == "storming" and {r.rating for r in assessment.ratings.all()} == {5, 2}
    services.close_assessment_round(assessment_round=assessment_round)
    assessment_round.refresh_from_db()
    assert assessment_round.status == RoundStatus.CLOSED
    with pytest.raises(ValidationError):
        take_part(assessment_round, member, rating=1)


def test_members_answer_through_the_form(client, facilitator, site, member):
    client.force_login(facilitator)
    client.post(reverse("evaluation:open_round", args=[site.pk]))
    client.force_login(member)
    home = client.get(reverse("home")).content.decode()
    assert "Team self-assessment: CP1" in home
    assessment_round = site.assessment_rounds.get()
    url = reverse("evaluation:answer_round", args=[assessment_round.pk])
    assert client.get(url).status_code == 200
    data = {
        "stage": "forming",
        "culture_professional": 3,
        "culture_managed": 3,
        "culture_humanistic": 5,
        "culture_democratic": 4,
    }
    incomplete = client.post(url, data)
    assert incomplete.status_code == 200 and "Some answers are missing" in incomplete.content.decode()
    for question in AssessmentQuestion.objects.all():
        data[f"rating_{question.pk}"] = 4
    data[f"comment_{AssessmentQuestion.objects.first().pk}"] = "We plan well"
    assert client.post(url, data).status_code == 302
    assert Assessment.objects.get().ratings.filter(comment="We plan well").exists()


def test_who_may_open_see_and_answer_rounds(client, facilitator, member, outsider, site):
    assessment_round = services.open_assessment_round(site=site, opened_by=facilitator)
    client.force_login(outsider)
    assert client.get(reverse("evaluation:answer_round", args=[assessment_round.pk])).status_code == 404
    assert client.get(reverse("evaluation:round", args=[assessment_round.pk])).status_code == 404
    assert client.post(reverse("evaluation:open_round", args=[site.pk])).status_code == 404
    client.force_login(member)
    assert client.get(reverse("evaluation:round", args=[assessment_round.pk])).status_code == 404
    assert client.post(reverse("evaluation:close_round", args=[assessment_round.pk])).status_code == 404
    client.force_login(facilitator)  # facilitators take part too
    assert client.get(reverse("evaluation:answer_round", args=[assessment_round.pk])).status_code == 200
