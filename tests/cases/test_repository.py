import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from cases.models import Case, CaseStatus, Outcome
from cases.pdf import render_learning_object_pdf
from cases.search import search_cases, uses_postgres
from cases.services import lifecycle

pytestmark = pytest.mark.django_db


@pytest.fixture
def co_presented(make_case, member, colleague):
    """A public learning object presented jointly by Morgan Member and Casey Colleague."""
    return make_case(
        CaseStatus.PUBLIC,
        title="Weekend crises and A&E attendance",
        presenters=[member, colleague],
        learning="A shared weekend plan helped.",
        commissioner_issues="No community service from Friday evening to Monday.",
    )


def test_title_match_ranks_above_body_match(make_case):
    body = make_case(
        CaseStatus.PUBLISHED, title="Moving on from hostels", presentation="Fear of eviction kept him quiet."
    )
    title = make_case(CaseStatus.PUBLISHED, title="Eviction at Christmas", presentation="A family in arrears.")
    make_case(CaseStatus.PUBLISHED, title="Unrelated", presentation="Dual diagnosis and a long wait.")
    found = list(search_cases(Case.objects.learning_objects(), "eviction"))
    assert found == [title, body]


def test_search_understands_web_style_queries_on_postgresql(make_case):
    plan = make_case(CaseStatus.PUBLISHED, title="A weekend plan", presentation="Hospital liaison helped.")
    other = make_case(CaseStatus.PUBLISHED, title="Weekend crises", presentation="No plan at all.")
    if uses_postgres():
        # websearch_to_tsquery: phrases, stemming and exclusion
        assert list(search_cases(Case.objects.all(), '"liaison helped"')) == [plan]
        assert list(search_cases(Case.objects.all(), "helping")) == [plan]  # stemmed: helped
        assert list(search_cases(Case.objects.all(), "weekend -hospital")) == [other]
        assert Case.objects.filter(pk=plan.pk).exclude(search_vector=None).exists()
    else:
        assert list(search_cases(Case.objects.all(), "liaison helped")) == [plan]
        assert list(search_cases(Case.objects.all(), "crises")) == [other]


def test_editing_a_published_case_updates_the_search(make_case, facilitator):
    case = make_case(CaseStatus.PUBLISHED, title="A weekend plan")
    lifecycle.update_case(case=case, by=facilitator, title="Hoarding and fire risk")
    assert list(search_cases(Case.objects.all(), "hoarding")) == [case]


def test_repository_filters_and_search(client, make_case, member, weekend_theme):
    weekend = make_case(CaseStatus.PUBLIC, title="Weekend crises", themes=[weekend_theme])
    other = make_case(CaseStatus.PUBLIC, title="Leaving care", kind="innovative")
    url = reverse("repository:list")
    assert list(client.get(url, {"theme": weekend_theme.pk}).context["page"].object_list) == [weekend]
    assert list(client.get(url, {"kind": "innovative"}).context["page"].object_list) == [other]
    assert list(client.get(url, {"outcome": Outcome.MAINTENANCE, "q": "leaving"}).context["page"].object_list) == [
        other
    ]
    year = weekend.published_at.year
    assert len(client.get(url, {"year": year, "site": "CP1"}).context["page"].object_list) == 2
    assert len(client.get(url, {"year": year - 1}).context["page"].object_list) == 0
    assert client.get(url, {"year": "not-a-year"}).status_code == 200


def test_repository_pages_twenty_at_a_time(client, make_case):
    first = make_case(CaseStatus.PUBLIC, title="Case 0")
    Case.objects.bulk_create(
        Case(
            site=first.site,
            title=f"Case {n}",
            presentation=first.presentation,
            summary=first.summary,
            status=CaseStatus.PUBLIC,
            published_at=first.published_at,
        )
        for n in range(1, 21)
    )
    response = client.get(reverse("repository:list"))
    assert len(response.context["page"].object_list) == 20
    assert len(client.get(reverse("repository:list"), {"page": 2}).context["page"].object_list) == 1


def test_anonymous_people_see_only_public_learning_objects(client, make_case):
    public = make_case(CaseStatus.PUBLIC, title="Open to all")
    published = make_case(CaseStatus.PUBLISHED, title="For signed-in readers")
    page = client.get(reverse("repository:list")).content.decode()
    assert public.title in page and published.title not in page


def test_no_presenter_name_on_any_repository_page_feed_or_export(client, co_presented, commissioner, outsider):
    names = ["Morgan Member", "Casey Colleague"]
    for person in (None, commissioner, outsider):
        if person:
            client.force_login(person)
        else:
            client.logout()
        for url in (
            reverse("repository:list"),
            reverse("repository:list") + "?q=weekend",
            reverse("repository:detail", args=[co_presented.pk]),
        ):
            page = client.get(url).content.decode()
            assert co_presented.title.replace("&", "&amp;") in page
            for name in names:
                assert name not in page, (url, name)
        pdf = client.get(reverse("repository:pdf", args=[co_presented.pk]))
        assert pdf["Content-Type"] == "application/pdf"
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
        for name in names:
            assert name not in text


def test_learning_object_page_shows_the_four_parts_follow_up_and_outcomes(client, co_presented):
    page = client.get(reverse("repository:detail", args=[co_presented.pk])).content.decode()
    for heading in (
        "1. Presentation of the case",
        "2. Next steps",
        "3. Learning for improved practice",
        "4. Issues for commissioners",
        "What happened next",
        "Actions that helped",
        "Evidence",
    ):
        assert heading in page
    for outcome in ("Recovery", "Maintenance: stable, not worse", "Prevention: a crisis was avoided"):
        assert outcome in page
    assert "Stable since the plan was agreed" in page


def test_learning_object_pdf_reads_back(co_presented):
    pdf = render_learning_object_pdf(co_presented)
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Weekend crises" in text and "Issues for commissioners" in text and "No community service" in text
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == (595, 842)  # A4 in points


def test_repository_list_query_count(client, make_case, commissioner, django_assert_max_num_queries):
    for n in range(5):
        make_case(CaseStatus.PUBLISHED, title=f"Case {n}")
    client.force_login(commissioner)
    with django_assert_max_num_queries(15):  # with the menu's counts
        response = client.get(reverse("repository:list"))
    assert response.status_code == 200


def test_cases_list_query_count(client, make_case, member, django_assert_max_num_queries):
    for n in range(3):
        make_case(title=f"Draft {n}")
        make_case(CaseStatus.SHARED, title=f"Shared {n}")
    client.force_login(member)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("cases:list"))
    assert response.status_code == 200



def _site_options(response) -> list[tuple[str, bool]]:
    """The site filter's options as (value, selected), read from the page's HTML."""
    select = re.search(r'<select id="site"[^>]*>(.*?)</select>', response.content.decode(), re.S).group(1)
    return [(value, bool(selected)) for value, selected in re.findall(r'<option value="([^"]*)"( selected)?>', select)]


def test_repository_offers_only_sites_with_learning_objects_and_keeps_the_chosen_one(client, make_case, other_site):
    make_case(CaseStatus.PUBLIC, title="Weekend crises")  # at CP1; CP3 has no learning object
    url = reverse("repository:list")
    assert _site_options(client.get(url)) == [("", False), ("CP1", False)]
    assert _site_options(client.get(url, {"site": "CP1"})) == [("", False), ("CP1", True)]
