"""A national programme has hundreds of sites: the membership matrix shows them a page at a time (with a filter),
so its size and its queries stay the same however many sites there are; the CSV still has every site."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sites.views.matrix import SITES_PER_PAGE
from tests.factories import MembershipFactory, SiteFactory

pytestmark = pytest.mark.django_db


def make_sites(first: int, last: int) -> None:
    for number in range(first, last + 1):
        site = SiteFactory(code=f"CP{number}", town="Leeds" if number % 10 == 0 else "Hull")
        MembershipFactory(site=site, person__job_title="Social worker")


def matrix_page(client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("sites:matrix"), params)
    assert response.status_code == 200
    return response, len(queries)


def test_the_matrix_shows_sites_a_page_at_a_time_in_a_fixed_number_of_queries(client, programme_admin):
    make_sites(1, SITES_PER_PAGE + 5)
    client.force_login(programme_admin)
    matrix_page(client)  # warm per-process caches
    first, queries_small = matrix_page(client)
    assert first.context["matrix"].sites == [f"CP{n}" for n in range(1, SITES_PER_PAGE + 1)]  # CP2 before CP10
    page = first.content.decode()
    assert f"Sites 1 to {SITES_PER_PAGE} of {SITES_PER_PAGE + 5}." in page
    assert "Next sites" in page
    second, _ = matrix_page(client, page=2)
    assert second.context["matrix"].sites == [f"CP{n}" for n in range(SITES_PER_PAGE + 1, SITES_PER_PAGE + 6)]

    make_sites(SITES_PER_PAGE + 6, 4 * SITES_PER_PAGE)
    bigger, queries_big = matrix_page(client)
    assert queries_big == queries_small
    assert len(bigger.context["matrix"].sites) == SITES_PER_PAGE
    assert abs(len(bigger.content) - len(first.content)) < 2000  # the page does not grow with the programme


def test_the_matrix_filters_sites_by_code_or_town_and_the_csv_has_every_site(client, programme_admin):
    make_sites(1, 40)
    client.force_login(programme_admin)
    leeds, _ = matrix_page(client, sites="leeds")
    assert leeds.context["matrix"].sites == ["CP10", "CP20", "CP30", "CP40"]
    response = client.get(reverse("sites:matrix"), {"format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    header = next(row for row in rows if "CP1" in row)  # after the title, period and sites rows
    assert header[header.index("CP1") :] == [f"CP{n}" for n in range(1, 41)]


def test_the_dashboard_totals_every_site_and_charts_a_page_of_them(client, programme_admin):
    from datetime import timedelta

    from django.utils import timezone

    from evaluation.dashboard import SITES_PER_PAGE as PER_PAGE
    from sites.models import Site
    from tests.factories import MeetingFactory, at

    make_sites(1, PER_PAGE + 5)
    held_on = at(timezone.localdate() - timedelta(days=20))
    for site in Site.objects.all():
        MeetingFactory(site=site, starts_at=held_on)
    client.force_login(programme_admin)
    url = reverse("evaluation:dashboard")
    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as small:
        first = client.get(url)
    assert first.context["meetings"]["total"] == PER_PAGE + 5  # every site's meeting counted
    assert len(first.context["meetings"]["rows"]) == PER_PAGE  # a page of sites charted
    assert first.context["members"]["total"] == PER_PAGE + 5
    page = first.content.decode()
    assert f"Totals are for all {PER_PAGE + 5} sites" in page and "Next sites" in page
    second = client.get(url, {"page": 2})
    first_codes = {row["site"].code for row in first.context["meetings"]["rows"]}
    second_codes = {row["site"].code for row in second.context["meetings"]["rows"]}
    assert len(second_codes) == 5 and not first_codes & second_codes

    make_sites(PER_PAGE + 6, 4 * PER_PAGE)
    client.get(url)  # counts the new sites' figures afresh (the programme changed), then keeps them
    with CaptureQueriesContext(connection) as big:
        bigger = client.get(url)
    assert len(big) == len(small)
    assert len(bigger.context["meetings"]["rows"]) == PER_PAGE
