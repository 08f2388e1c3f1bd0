"""Building, opening, answering and closing a survey."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from evaluation import services
from evaluation.models import Agreement, Question, QuestionKind, Response, Survey, SurveyStatus
from evaluation.report_survey import REPORT_SURVEY
from tests.evaluation.conftest import answer, members_of
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_start_from_report_holds_the_reports_statements(programme_admin, client):
    client.force_login(programme_admin)
    response = client.post(reverse("evaluation:survey_from_report"))
    survey = Survey.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("evaluation:survey_detail", args=[survey.pk])
    texts = [q.text for q in survey.questions.all()]
    assert survey.status == SurveyStatus.DRAFT
    assert len(texts) == len(REPORT_SURVEY["questions"])
    assert any(t.startswith("My skills and competencies in working with people facing multiple needs") for t in texts)
    assert any(t.startswith("My knowledge of the role and function of other agencies has increased") for t in texts)
    assert any(t.startswith("I have increased my networks and contacts") for t in texts)
    assert "Communities of practice are just a talking shop." in texts
    assert any("people I support" in t for t in texts)
    assert survey.questions.filter(kind=QuestionKind.FREE_TEXT).exists()


def test_survey_pages_are_for_programme_admins_only(client, report_survey, facilitator, member):
    for person in (facilitator, member):
        client.force_login(person)
        assert client.get(reverse("evaluation:surveys")).status_code == 404
        assert client.get(reverse("evaluation:survey_detail", args=[report_survey.pk])).status_code == 404
        assert client.post(reverse("evaluation:survey_from_report")).status_code == 404


def test_admin_builds_opens_and_closes_a_survey(client, programme_admin, site, other_site, member, facilitator):
    members_of(other_site, 3)
    client.force_login(programme_admin)
    client.post(reverse("evaluation:surveys"), {"title": "Spring check-in", "introduction": ""})
    survey = Survey.objects.get(title="Spring check-in")
    client.post(
        reverse("evaluation:add_question", args=[survey.pk]), {"kind": "statement", "text": "Meetings are useful."}
    )
    client.post(reverse("evaluation:add_question", args=[survey.pk]), {"kind": "free_text", "text": "Anything else?"})
    assert survey.questions.count() == 2
    today = timezone.localdate()
    response = client.post(
        reverse("evaluation:open_survey", args=[survey.pk]),
        {
            "sites": [site.pk, other_site.pk],
            "opens_on": today.isoformat(),
            "closes_on": (today + timedelta(days=7)).isoformat(),
        },
    )
    assert response.status_code == 302
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.OPEN
    assert survey.invited_count == 4  # member + 3 at CP3; the facilitator is not asked
    assert dict(survey.survey_sites.values_list("site__code", "invited_count")) == {"CP1": 1, "CP3": 3}
    # questions are fixed once open
    client.post(reverse("evaluation:add_question", args=[survey.pk]), {"kind": "statement", "text": "Too late"})
    assert survey.questions.count() == 2
    client.post(reverse("evaluation:close_survey", args=[survey.pk]))
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.CLOSED and survey.closes_on == today


def test_open_refuses_a_window_that_ends_before_it_starts_or_has_passed(report_survey, site, member):
    today = timezone.localdate()
    with pytest.raises(ValidationError):
        services.open_survey(survey=report_survey, sites=[site], opens_on=today, closes_on=today - timedelta(days=1))
    with pytest.raises(ValidationError):
        services.open_survey(
            survey=report_survey, sites=[site], opens_on=today - timedelta(days=9), closes_on=today - timedelta(days=2)
        )
    with pytest.raises(ValidationError):
        services.open_survey(survey=report_survey, sites=[], opens_on=today, closes_on=today)
    report_survey.refresh_from_db()
    assert report_survey.status == SurveyStatus.DRAFT


def test_invited_count_does_not_drift_when_people_join_later(open_report_survey, site):
    assert open_report_survey.invited_count == 1
    members_of(site, 4)
    open_report_survey.refresh_from_db()
    assert open_report_survey.invited_count == 1


def test_member_answers_once_and_can_change_their_answers(client, open_report_survey, member):
    client.force_login(member)
    url = reverse("evaluation:answer_survey", args=[open_report_survey.pk])
    statement = open_report_survey.questions.filter(kind=QuestionKind.STATEMENT).first()
    free = open_report_survey.questions.filter(kind=QuestionKind.FREE_TEXT).first()
    assert client.get(url).status_code == 200
    assert client.post(url, {f"q{statement.pk}": "4", f"q{free.pk}": "Better joint working"}).status_code == 302
    assert client.post(url, {f"q{statement.pk}": "2"}).status_code == 302
    response = Response.objects.get()
    assert Response.objects.count() == 1
    assert list(response.answers.values_list("question_id", "agreement")) == [(statement.pk, Agreement.DISAGREE)]
    # the form shows their own answers when they come back
    page = client.get(url)
    assert page.context["form"].initial[f"q{statement.pk}"] == Agreement.DISAGREE


def test_one_response_per_member_is_a_database_rule(open_report_survey, member, site):
    answer(open_report_survey, member)
    with pytest.raises(IntegrityError):
        Response.objects.create(survey=open_report_survey, respondent=member, site=site)


def test_only_current_members_of_the_chosen_sites_may_answer(client, open_report_survey, outsider, facilitator, site):
    url = reverse("evaluation:answer_survey", args=[open_report_survey.pk])
    former = MembershipFactory(site=site, left=timezone.localdate() - timedelta(days=1)).person
    for person in (outsider, facilitator, former):
        client.force_login(person)
        assert client.get(url).status_code == 404
        assert client.post(url, {}).status_code == 404
    with pytest.raises(PermissionDenied):
        answer(open_report_survey, outsider)
    assert not Response.objects.exists()


def test_draft_surveys_cannot_be_answered(client, report_survey, member):
    client.force_login(member)
    assert client.get(reverse("evaluation:answer_survey", args=[report_survey.pk])).status_code == 404


def test_answering_outside_the_window_is_refused(client, report_survey, site, member):
    today = timezone.localdate()
    services.open_survey(
        survey=report_survey, sites=[site], opens_on=today + timedelta(days=3), closes_on=today + timedelta(days=10)
    )
    client.force_login(member)
    url = reverse("evaluation:answer_survey", args=[report_survey.pk])
    response = client.get(url)
    assert response.status_code == 403 and "It opens on" in response.content.decode()
    assert client.post(url, {}).status_code == 403
    with pytest.raises(services.SurveyNotOpen):
        answer(report_survey, member)


def test_a_closed_survey_refuses_new_and_changed_answers(client, open_report_survey, member):
    answer(open_report_survey, member, Agreement.AGREE)
    services.close_survey(survey=open_report_survey)
    client.force_login(member)
    url = reverse("evaluation:answer_survey", args=[open_report_survey.pk])
    statement = open_report_survey.questions.first()
    response = client.post(url, {f"q{statement.pk}": "1"})
    assert response.status_code == 403 and "has closed" in response.content.decode()
    assert Response.objects.get().answers.get(question=statement).agreement == Agreement.AGREE


def test_members_see_open_surveys_on_their_home_page(client, open_report_survey, member, outsider):
    client.force_login(member)
    page = client.get(reverse("home")).content.decode()
    assert "members&#x27; evaluation survey" in page and "Not answered yet" in page
    answer(open_report_survey, member)
    assert "Answered: you can change your answers" in client.get(reverse("home")).content.decode()
    client.force_login(outsider)
    assert "evaluation survey" not in client.get(reverse("home")).content.decode()


def test_survey_list_query_count_does_not_grow(client, programme_admin, django_assert_max_num_queries):
    for n in range(8):
        survey = services.create_survey(created_by=programme_admin, title=f"Survey {n}")
        Question.objects.create(survey=survey, text="Fine?")
    client.force_login(programme_admin)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("evaluation:surveys")).status_code == 200


def test_surveys_past_their_window_are_closed_once(open_report_survey):
    from evaluation.periodic import close_surveys_past_their_window

    later = open_report_survey.closes_on + timedelta(days=1)
    assert services.close_surveys_past_their_window(today=open_report_survey.closes_on) == 0
    assert services.close_surveys_past_their_window(today=later) == 1
    assert services.close_surveys_past_their_window(today=later) == 0
    open_report_survey.refresh_from_db()
    assert open_report_survey.status == SurveyStatus.CLOSED
    assert close_surveys_past_their_window.delay().get() == 0
