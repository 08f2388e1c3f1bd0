"""The matching words shown in place, always as text; the results page grouped by kind; the box in the top bar."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from forum import services as forum_services
from search.snippets import query_words, snippet
from tests.factories import MembershipFactory
from tests.security.hostile import MARKER, SCRIPT_PAYLOADS, live_markup

MAX_QUERIES = 22  # the session, the person, their site roles, one query per kind, the themes


def test_query_words_leave_out_excluded_words_and_operators():
    assert query_words('"housing first" -alcohol probation OR police') == ["housing", "first", "probation", "police"]
    assert query_words("a  I") == []


def test_snippet_marks_each_form_of_the_words_and_cuts_around_the_first_match():
    text = (
        "Start. " + "filler words here " * 30 + "He was homeless after the tenancy ended; homelessness services helped."
    )
    shown = str(snippet(["", text], "homeless tenancies"))
    assert shown.startswith("…") and "<mark>homeless</mark>" in shown and "<mark>homelessness</mark>" in shown
    assert "<mark>tenancy</mark>" in shown and "Start." not in shown


def test_snippet_without_a_match_shows_the_start_of_the_first_text():
    assert str(snippet(["A quiet month.", "Other"], "zebra")) == "A quiet month."
    assert str(snippet(["", "  "], "zebra")) == ""


@pytest.mark.parametrize("payload", SCRIPT_PAYLOADS)
def test_snippet_escapes_the_stored_text_and_the_words(payload):
    shown = str(snippet([f"{payload} alert near the script"], f"{payload} alert script"))
    assert live_markup(f"<p>{shown}</p>") == []
    assert "<mark>" in shown  # our own markup only


class _Groups(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings: list[str] = []
        self.marks: list[str] = []
        self._in = None

    def handle_starttag(self, tag, attrs):
        if tag == "h2" and (dict(attrs).get("id") or "").startswith("results-"):
            self._in = "h2"
            self.headings.append("")
        elif tag == "mark":
            self._in = "mark"
            self.marks.append("")

    def handle_endtag(self, tag):
        if tag in ("h2", "mark"):
            self._in = None

    def handle_data(self, data):
        if self._in == "h2":
            self.headings[-1] += data
        elif self._in == "mark":
            self.marks[-1] += data


@pytest.mark.django_db
def test_results_are_grouped_by_kind_with_the_words_marked_and_typed_text_shown_as_text(client, member, site):
    hostile = f"<script>alert('{MARKER}')</script>"
    forum_services.start_topic(by=member, title="Tenancy sustainment", body=f"Tenancy workers {hostile} helped.")
    MembershipFactory(site=site, person__job_title="Tenancy sustainment officer")
    client.force_login(member)
    response = client.get(reverse("search:results"), {"q": "tenancy"})
    body = response.content.decode()
    assert response.status_code == 200 and live_markup(body) == []
    page = _Groups()
    page.feed(body)
    assert page.headings == ["Forum topics", "Forum posts", "People"]
    assert "Tenancy" in page.marks
    typed = client.get(reverse("search:results"), {"q": hostile}).content.decode()  # the words typed, shown back
    assert live_markup(typed) == [] and "&lt;script&gt;" in typed


@pytest.mark.django_db
def test_a_too_long_search_is_explained_and_kept(client, member):
    client.force_login(member)
    words = "weekend " * 40
    response = client.get(reverse("search:results"), {"q": words})
    body = response.content.decode()
    assert response.status_code == 200
    assert "at most 200 characters" in body and 'value="weekend weekend' in body


@pytest.mark.django_db
def test_the_top_bar_has_a_labelled_search_box_for_signed_in_people_only(client, member):
    assert 'id="top-search-q"' not in client.get(reverse("account_login")).content.decode()
    client.force_login(member)
    body = client.get(reverse("home")).content.decode()
    assert 'role="search"' in body and '<label for="top-search-q"' in body
    assert f'action="{reverse("search:results")}"' in body


@pytest.mark.django_db
def test_one_kind_shows_more_of_that_kind(client, member):
    for n in range(8):
        forum_services.start_topic(by=member, title=f"Weekend rota {n}", body="Who covers the weekend rota?")
    client.force_login(member)
    everything = client.get(reverse("search:results"), {"q": "rota"}).context["groups"]
    threads = next(group for group in everything if group.kind == "threads")
    assert len(threads.hits) == 5 and threads.more
    only = client.get(reverse("search:results"), {"q": "rota", "kind": "threads"}).context["groups"]
    assert [group.kind for group in only] == ["threads"] and len(only[0].hits) == 8 and not only[0].more


@pytest.mark.django_db
def test_the_page_reads_a_fixed_number_of_queries_however_many_results(
    client, site, member, facilitator, django_assert_max_num_queries
):
    """Six results of every kind, and no query per result (themes, threads, authors, sites are read with them)."""
    from datetime import date

    from cases.models import Case, Theme
    from cases.search import update_evidence_search_document
    from cases.services import lifecycle
    from cycle.services import agenda
    from newsletters.models import NewsletterIssue, NewsletterItem
    from tests.factories import EvidenceFactory, MeetingFactory

    theme = Theme.objects.create(name="Tenancy sustainment")
    for n in range(6):
        case = lifecycle.create_case(site=site, by=member, title=f"Tenancy {n}", presentation="A tenancy at risk.")
        case.themes.add(theme)
        if n % 2:
            Case.objects.filter(pk=case.pk).update(status="published", published_at=timezone.now())
            case.refresh_from_db()
        update_evidence_search_document(EvidenceFactory(title=f"Tenancy evidence {n}"))
        forum_services.start_topic(by=member, title=f"Tenancy question {n}", body="Any tenancy advice?")
        meeting = MeetingFactory(site=site, notes="Tenancy workshop")
        agenda.add_agenda_item(
            meeting=meeting, added_by=facilitator, title="Tenancy panel", case=case if n % 2 else None
        )
        if n % 2:
            agenda.publish_agenda(meeting=meeting, published_by=facilitator)
        issue = NewsletterIssue.objects.create(month=date(2020, n + 1, 1), status="sent", introduction="Tenancy news.")
        NewsletterItem.objects.create(issue=issue, section="programme", title="Tenancy", source_key=f"t{n}")
        MembershipFactory(site=site, person__job_title="Tenancy officer")
    client.force_login(facilitator)
    client.get(reverse("home"))  # the session and the person, read once
    with django_assert_max_num_queries(MAX_QUERIES):
        groups = client.get(reverse("search:results"), {"q": "tenancy"}).context["groups"]
    kinds = {group.kind for group in groups}
    assert kinds == {
        "learning_objects", "cases", "evidence", "threads", "posts", "meetings", "agenda_items", "newsletters",
        "newsletter_articles", "people",
    }  # fmt: skip
    shown = {group.kind: (len(group.hits), group.more) for group in groups}
    assert shown.pop("learning_objects") == (3, False)
    assert set(shown.values()) == {(5, True)}
