"""The figures: response rates in the report's form, agreement shares, suppression below five."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from evaluation import services
from evaluation.models import WITHHELD, Agreement, QuestionKind
from evaluation.selectors import Rate, survey_results
from sites.models import MembershipRole
from tests.evaluation.conftest import answer, members_of
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_rate_reads_like_the_report():
    assert str(Rate(33, 54)) == "61% (33 of 54)"
    assert str(Rate(0, 0)) == "0% (0 of 0)"
    assert Rate(1, 8).percent == 13  # 12.5 rounds half up


@pytest.fixture
def programme_survey(report_survey, site, other_site):
    """The report's evaluation: 54 members asked across two sites (facilitators not counted), 33 answers."""
    MembershipFactory(site=site, role=MembershipRole.FACILITATOR)
    MembershipFactory(site=other_site, role=MembershipRole.FACILITATOR)
    cp1 = members_of(site, 30)
    cp3 = members_of(other_site, 24)
    today = timezone.localdate()
    services.open_survey(survey=report_survey, sites=[site, other_site], opens_on=today, closes_on=today)
    for person in cp1[:20]:
        answer(report_survey, person, Agreement.STRONGLY_AGREE, text=f"Helped me, {person.pk % 7}")
    for person in cp3[:13]:
        answer(report_survey, person, Agreement.DISAGREE)
    return services.close_survey(survey=report_survey)


def test_54_members_and_33_responses_give_61_percent(programme_survey, site, other_site):
    results = survey_results(programme_survey)
    assert str(results.rate) == "61% (33 of 54)"
    assert [str(r.rate) for r in results.site_rates] == ["67% (20 of 30)", "54% (13 of 24)"]
    statement = results.statements[0]
    assert str(statement.agreeing) == "61% (20 of 33)"
    assert str(statement.disagreeing) == "39% (13 of 33)"
    assert str(statement.neither) == "0% (0 of 33)"


def test_results_page_and_csv_show_the_figures(client, programme_admin, programme_survey):
    client.force_login(programme_admin)
    page = client.get(reverse("evaluation:survey_results", args=[programme_survey.pk])).content.decode()
    assert "61% (33 of 54)" in page and "67% (20 of 30)" in page
    assert '<svg xmlns="http://www.w3.org/2000/svg" role="img"' in page
    export = client.get(reverse("evaluation:survey_results_csv", args=[programme_survey.pk]))
    assert export["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(export.content.decode())))
    assert ["All sites shown", "33", "54", "61% (33 of 54)"] in rows
    assert any(row[:3] == ["Communities of practice are just a talking shop.", "33", "61% (20 of 33)"] for row in rows)


def test_free_text_answers_are_sorted_not_in_submission_order(programme_survey):
    results = survey_results(programme_survey)
    question, answers = results.free_text[0].question, results.free_text[0].answers
    assert question.kind == QuestionKind.FREE_TEXT
    assert len(answers) == 20 and answers == sorted(answers, key=str.casefold)


@pytest.fixture
def four_answers(open_report_survey, site, member):
    others = members_of(site, 3)
    for person in [member, *others]:
        answer(open_report_survey, person, Agreement.AGREE, text="Very useful")
    return services.close_survey(survey=open_report_survey)


def test_fewer_than_five_responses_are_withheld_everywhere(client, programme_admin, four_answers):
    results = survey_results(four_answers)
    assert results.withheld and results.statements == [] and results.free_text == []
    client.force_login(programme_admin)
    page = client.get(reverse("evaluation:survey_results", args=[four_answers.pk])).content.decode()
    assert WITHHELD in page
    assert "Very useful" not in page and "4 of" not in page and "<svg" not in page
    export = client.get(reverse("evaluation:survey_results_csv", args=[four_answers.pk])).content.decode()
    assert WITHHELD in export and "Very useful" not in export and "4 of" not in export


def test_a_site_under_five_is_withheld_while_the_total_shows(programme_admin, report_survey, site, other_site):
    cp1 = members_of(site, 6)
    cp3 = members_of(other_site, 6)
    today = timezone.localdate()
    services.open_survey(survey=report_survey, sites=[site, other_site], opens_on=today, closes_on=today)
    for person in cp1[:5] + cp3[:2]:
        answer(report_survey, person)
    results = survey_results(services.close_survey(survey=report_survey))
    assert not results.withheld and str(results.rate) == "58% (7 of 12)"
    assert [r.withheld for r in results.site_rates] == [False, True]


def test_a_statement_answered_by_fewer_than_five_is_withheld(open_report_survey, site, member):
    people = [member, *members_of(site, 4)]
    first = open_report_survey.questions.first()
    for index, person in enumerate(people):
        agreements = {first.pk: Agreement.AGREE} if index < 4 else {}
        services.submit_survey_response(survey=open_report_survey, respondent=person, agreements=agreements, texts={})
    results = survey_results(services.close_survey(survey=open_report_survey))
    assert not results.withheld
    assert results.statements[0].withheld and results.statements[0].answered == 4


def test_facilitators_see_their_own_sites_results_only(client, facilitator, outsider, programme_survey, site):
    client.force_login(facilitator)
    response = client.get(reverse("evaluation:survey_results", args=[programme_survey.pk]))
    assert response.status_code == 200
    assert str(response.context["results"].rate) == "67% (20 of 30)"
    assert [r.site.code for r in response.context["results"].site_rates] == ["CP1"]
    client.force_login(outsider)
    assert client.get(reverse("evaluation:survey_results", args=[programme_survey.pk])).status_code == 404
    assert client.get(reverse("evaluation:survey_results_csv", args=[programme_survey.pk])).status_code == 404


def test_results_page_query_count_is_fixed(client, programme_admin, programme_survey, django_assert_max_num_queries):
    client.force_login(programme_admin)
    with django_assert_max_num_queries(13):  # with the menu's counts
        client.get(reverse("evaluation:survey_results", args=[programme_survey.pk]))


def test_a_survey_closed_early_keeps_its_window_consistent(open_report_survey):
    open_report_survey.opens_on = timezone.localdate() + timedelta(days=1)
    open_report_survey.closes_on = timezone.localdate() + timedelta(days=5)
    open_report_survey.save()
    services.close_survey(survey=open_report_survey)
    open_report_survey.refresh_from_db()
    assert open_report_survey.opens_on <= open_report_survey.closes_on


def test_a_free_text_question_answered_by_fewer_than_five_is_withheld(
    client, programme_admin, open_report_survey, site, member
):
    people = [member, *members_of(site, 5)]
    for index, person in enumerate(people):
        answer(open_report_survey, person, Agreement.AGREE, text="Only four wrote this" if index < 4 else "")
    results = survey_results(services.close_survey(survey=open_report_survey))
    assert not results.withheld and results.free_text[0].withheld
    client.force_login(programme_admin)
    page = client.get(reverse("evaluation:survey_results", args=[open_report_survey.pk])).content.decode()
    assert "Only four wrote this" not in page and WITHHELD in page


def test_the_same_free_text_answer_is_shown_once_with_how_many_gave_it(client, programme_admin, programme_survey):
    """20 answers 'Helped me, 0' to 'Helped me, 6': seven groups, the most given first."""
    results = survey_results(programme_survey)
    grouped = results.free_text[0].grouped
    assert sum(n for _, n in grouped) == 20 and len(grouped) == len({text for text, _ in grouped}) <= 7
    assert [n for _, n in grouped] == sorted((n for _, n in grouped), reverse=True)
    client.force_login(programme_admin)
    page = client.get(reverse("evaluation:survey_results", args=[programme_survey.pk])).content.decode()
    for text, n in grouped:
        assert page.count(f'<span class="text-prewrap">{text}</span>') == len(results.free_text)  # once a question
        assert (f"{n} people gave this answer" in page) == (n > 1)
