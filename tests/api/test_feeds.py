"""The Atom feeds: valid Atom (namespace, required elements), and only what is published openly."""

import xml.etree.ElementTree as ET
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from newsletters.models import Audience, NewsletterIssue, NewsletterItem, Section

ATOM = "{http://www.w3.org/2005/Atom}"


def parse_atom(response) -> ET.Element:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 - our own feed, in a test
    assert feed.tag == f"{ATOM}feed"
    # RFC 4287: a feed has an id, a title and updated; an author (here at feed level); each entry has an id,
    # a title, updated and a link.
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    for entry in feed.findall(f"{ATOM}entry"):
        for required in ("id", "title", "updated", "link"):
            assert entry.find(f"{ATOM}{required}") is not None, required
        assert entry.find(f"{ATOM}link").get("href").startswith("http")
    return feed


def entry_titles(feed) -> list[str]:
    return [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")]


@pytest.mark.django_db
def test_learning_objects_feed_has_only_openly_published_ones(client, programme):
    cases = programme["cases"]
    feed = parse_atom(client.get(reverse("repository_feed")))
    links = [entry.find(f"{ATOM}link").get("href") for entry in feed.findall(f"{ATOM}entry")]
    assert links == [f"http://testserver{reverse('repository:detail', args=[cases['public'].pk])}"]
    summary = feed.find(f"{ATOM}entry/{ATOM}summary").text
    assert summary == "A weekend plan helped."
    assert "feed/" in feed.find(f"{ATOM}link[@rel='self']").get("href")


@pytest.mark.django_db
def test_newsletter_feed_carries_the_public_edition_of_sent_issues(client):
    sent = NewsletterIssue.objects.create(month=date(2026, 3, 1), status="sent", sent_at=timezone.now())
    NewsletterIssue.objects.create(month=date(2026, 4, 1), status="draft")
    for audience, title in ((Audience.PUBLIC, "Housing first in Brighton"), (Audience.MEMBERS_ONLY, "CP1 room change")):
        NewsletterItem.objects.create(
            issue=sent, section=Section.SITE_UPDATES, title=title, body="Some *news*.", audience=audience,
            source_key=title,
        )  # fmt: skip
    feed = parse_atom(client.get(reverse("newsletter_feed")))
    assert entry_titles(feed) == ["March 2026 newsletter"]
    content = feed.find(f"{ATOM}entry/{ATOM}summary").text
    assert "Housing first in Brighton" in content and "<em>news</em>" in content
    assert "CP1 room change" not in content


@pytest.mark.django_db
def test_pages_point_to_their_feeds(client, programme):
    for page, feed in (("repository:list", "repository_feed"), ("newsletters:archive", "newsletter_feed")):
        html = client.get(reverse(page)).content.decode()
        assert f'type="application/atom+xml" href="{reverse(feed)}"' in html
