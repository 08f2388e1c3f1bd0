"""Every main page makes the same number of queries on a small and on a larger programme: no N+1."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.generate import Size, generate
from bench.pages import main_pages, page_people
from cases.selectors.cases import repository_page
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SMALLER = Size(sites=3, members=45, meetings=36, attendance=300, cases=60)
LARGER = Size(sites=8, members=320, meetings=160, attendance=2400, cases=400)
# The programme is generated around a fixed day and the pages are read on that day, so the data and what the pages
# show of it (next meetings, open actions) are the same whatever the date the test runs.
GENERATED_AROUND = date(2026, 11, 1)
READ_AT = datetime(2026, 11, 1, 12, 0, tzinfo=ZoneInfo("Europe/London"))
SEARCH = "housing"  # a word the generated learning objects hold on both databases, so results are rendered


def page_query_counts(client, admin) -> dict[str, int]:
    people = page_people(admin)
    counts = {}
    for label, path, who in main_pages(search=SEARCH):
        client.force_login(people[who])
        client.get(path)  # warm per-process caches (content types, sessions)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, (label, path, response.status_code)
        counts[label] = len(queries)
    return counts


def search_results(admin) -> int:
    return repository_page(admin, params={"q": SEARCH})["page"].paginator.count


@time_machine.travel(READ_AT, tick=True)
def test_main_pages_make_a_fixed_number_of_queries_whatever_the_size(client):
    admin = UserFactory(is_programme_admin=True)
    generate(size=SMALLER, seed=3, today=GENERATED_AROUND)
    small = page_query_counts(client, admin)
    assert search_results(admin) > 0, "the search must find learning objects, or its result queries go unmeasured"
    generate(size=LARGER, seed=3, replace=True, today=GENERATED_AROUND)
    larger = page_query_counts(client, admin)
    assert search_results(admin) > 0
    assert larger == small
    assert max(small.values()) <= 40, small
