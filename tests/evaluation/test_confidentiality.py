"""Nobody can see who answered what: not in pages, not in exports, not in the Django admin."""

import pytest
from django.contrib import admin
from django.urls import reverse

from evaluation.models import Agreement, Answer, Assessment, AssessmentRating, Response
from tests.evaluation.conftest import answer, members_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(open_report_survey, site, member):
    people = [member, *members_of(site, 5)]
    for index, person in enumerate(people):
        answer(open_report_survey, person, Agreement.AGREE, text=f"Distinctive answer {index}")
    return open_report_survey, people


def test_no_page_or_export_names_a_respondent(client, programme_admin, facilitator, answered):
    survey, people = answered
    pages = []
    for viewer in (programme_admin, facilitator):
        client.force_login(viewer)
        pages.append(client.get(reverse("evaluation:survey_results", args=[survey.pk])).content.decode())
        pages.append(client.get(reverse("evaluation:survey_results_csv", args=[survey.pk])).content.decode())
        pages.append(client.get(reverse("evaluation:dashboard")).content.decode())
    client.force_login(programme_admin)
    pages.append(client.get(reverse("evaluation:survey_detail", args=[survey.pk])).content.decode())
    pages.append(client.get(reverse("evaluation:surveys")).content.decode())
    for person in people:
        for page in pages:
            assert person.name not in page and person.email not in page
    assert "Distinctive answer 0" in pages[0]


def test_answers_are_not_listed_in_submission_order(client, programme_admin, answered):
    survey, _ = answered
    client.force_login(programme_admin)
    results = client.get(reverse("evaluation:survey_results", args=[survey.pk])).context["results"]
    _, texts = results.free_text[0]
    assert texts == sorted(texts, key=str.casefold)


def test_django_admin_has_no_individual_answers(client, programme_admin, answered):
    for model in (Response, Answer, Assessment, AssessmentRating):
        assert not admin.site.is_registered(model)
    client.force_login(programme_admin)
    assert client.get("/admin/evaluation/response/").status_code == 404
    assert client.get("/admin/evaluation/answer/").status_code == 404
    assert client.get("/admin/evaluation/assessment/").status_code == 404
    survey, people = answered
    page = client.get(f"/admin/evaluation/survey/{survey.pk}/change/").content.decode()
    assert "Distinctive answer" not in page
    assert all(person.name not in page for person in people)


def test_survey_pages_do_not_count_fewer_than_five_responses(client, programme_admin, open_report_survey, site, member):
    for person in [member, *members_of(site, 2)]:
        answer(open_report_survey, person)
    client.force_login(programme_admin)
    listing = client.get(reverse("evaluation:surveys")).content.decode()
    detail = client.get(reverse("evaluation:survey_detail", args=[open_report_survey.pk])).content.decode()
    assert "Fewer than 5" in listing and "3 of" not in listing
    assert "fewer than 5 responses so far" in detail and "3 responses" not in detail


def test_django_admin_cannot_open_or_reword_an_open_survey(client, programme_admin, open_report_survey):
    client.force_login(programme_admin)
    page = client.get(f"/admin/evaluation/survey/{open_report_survey.pk}/change/").content.decode()
    assert 'name="status"' not in page and 'name="questions-0-text"' not in page
