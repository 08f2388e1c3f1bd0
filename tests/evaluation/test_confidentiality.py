"""Nobody can see who answered what: not in pages, not in exports, not in the Django admin."""

import re

import pytest
from django.contrib import admin
from django.urls import get_resolver, reverse

from evaluation import services
from evaluation.models import Agreement, Answer, Assessment, AssessmentRating, Response
from tests.evaluation.conftest import answer, members_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(open_report_survey, site, member):
    people = [member, *members_of(site, 5)]
    for index, person in enumerate(people):
        answer(open_report_survey, person, Agreement.AGREE, text=f"Distinctive answer {index}")
    return services.close_survey(survey=open_report_survey), people


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
    texts = results.free_text[0].answers
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


def _result_views(survey_pk: int) -> list[str]:
    """Every page, download and API answer that shows survey figures: the results, the dashboard and its downloads,
    the survey list, the API's survey results and programme figures."""
    resolver = get_resolver()
    urls = []
    for name in ("evaluation", "api"):
        for pattern in resolver.namespace_dict[name][1].url_patterns:
            if pattern.name and re.search(r"survey|dashboard|figures", pattern.name):
                needs_pk = "<int:pk>" in str(pattern.pattern)
                if needs_pk and "results" not in pattern.name:
                    continue  # editing a survey, answering it: no figures
                urls.append(reverse(f"{name}:{pattern.name}", args=[survey_pk] if needs_pk else None))
    return urls


def test_results_appear_only_once_the_survey_has_closed(client, programme_admin, facilitator, open_report_survey, site,
                                                        member):  # fmt: skip
    """While answers come in, no view shows a figure or an answer: watching them move would tell who said what."""
    for index, person in enumerate([member, *members_of(site, 5)]):
        answer(open_report_survey, person, Agreement.STRONGLY_AGREE, text=f"Watched answer {index}")
    urls = _result_views(open_report_survey.pk)
    assert len(urls) >= 8, urls
    shown = []
    for viewer in (programme_admin, facilitator):
        client.force_login(viewer)
        for url in urls:
            body = client.get(url).content.decode("utf-8", "replace")
            if "Watched answer" in body or "(6 of" in body or '"part": 6' in body or '"part":6' in body:
                shown.append(f"{url} as {viewer.name}")
    assert not shown, f"survey figures shown while the survey is open: {shown}"
    services.close_survey(survey=open_report_survey)
    client.force_login(programme_admin)
    page = client.get(reverse("evaluation:survey_results", args=[open_report_survey.pk])).content.decode()
    assert "Watched answer 0" in page and "100% (6 of 6)" in page
