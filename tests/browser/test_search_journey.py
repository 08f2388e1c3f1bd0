"""One search from the top bar: a member types a word and finds a learning object and a forum post, grouped by kind
with the word marked, and not another member's draft that holds the same word (issue 25)."""

import os
from datetime import timedelta
from pathlib import Path

from django.utils import timezone
from playwright.sync_api import expect

from cases.models import Outcome
from cases.services import lifecycle
from forum import services as forum_services
from sites.models import MembershipRole
from tests.browser.axe import scan
from tests.browser.test_case_journey import sign_in
from tests.factories import MeetingFactory, MembershipFactory, SiteFactory, at

SHOTS = Path(os.environ.get("SCREENSHOT_DIR", "screenshots")) / "search"


def published_case(site, member, facilitator, title: str):
    today = timezone.localdate()
    case = lifecycle.create_case(
        site=site, by=member, title=title, presentation="She kept every letter; hoarding put the tenancy at risk."
    )
    lifecycle.share_case(case=case, by=member)
    lifecycle.record_discussion(
        case=case, by=facilitator, meeting=MeetingFactory(site=site, starts_at=at(today - timedelta(days=40)))
    )
    lifecycle.record_follow_up(
        case=case, by=member, meeting=MeetingFactory(site=site, starts_at=at(today - timedelta(days=10))),
        what_happened="The tenancy held.", outcome=Outcome.MAINTENANCE,
    )  # fmt: skip
    lifecycle.write_up_case(case=case, by=facilitator, summary="A hoarding plan with the landlord kept her home.")
    return lifecycle.publish_case(case=case, by=facilitator)


def test_search_finds_a_learning_object_and_a_forum_post_and_not_a_draft(browser, live_server, transactional_db):
    site = SiteFactory(code="CP1")
    member = MembershipFactory(site=site, person__name="Morgan Member").person
    other = MembershipFactory(site=site, person__name="Olu Other").person
    facilitator = MembershipFactory(site=site, role=MembershipRole.FACILITATOR, person__name="Fran Facilitator").person
    published_case(site, member, facilitator, "Hoarding and a tenancy at risk")
    forum_services.start_topic(by=other, title="Letters piling up", body="Has anyone worked with hoarding services?")
    lifecycle.create_case(site=site, by=other, title="Olu's draft about hoarding", presentation="Hoarding again.")

    page = browser.new_context(bypass_csp=True).new_page()  # axe is injected as a script
    sign_in(page, live_server, member.email)
    page.get_by_role("search", name="Search everything you can see").get_by_label("Search").fill("hoarding")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Learning objects")).to_be_visible()
    learning = page.get_by_role("region", name="Learning objects")
    expect(learning.get_by_role("link", name="Hoarding and a tenancy at risk")).to_be_visible()
    expect(learning.locator("mark").first).to_have_text("hoarding")
    posts = page.get_by_role("region", name="Forum posts")
    expect(posts.get_by_role("link", name="In “Letters piling up”")).to_be_visible()
    expect(page.get_by_text("Olu's draft about hoarding")).to_have_count(0)
    assert scan(page, "search results (desk)") == []

    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"results-{width}.png"), full_page=True)
    assert scan(page, "search results (phone)") == []

    posts.get_by_role("link", name="In “Letters piling up”").click()
    expect(page.get_by_text("Has anyone worked with hoarding services?")).to_be_visible()


def test_search_finds_an_agenda_item_and_a_newsletter_article_and_lands_on_each(browser, live_server, transactional_db):
    """A member finds the item on their site's published agenda and the article in a sent newsletter, not the article
    of a draft issue; each result opens its page at the item itself."""
    from datetime import date

    from cycle.services import agenda
    from newsletters.models import NewsletterIssue, NewsletterItem

    site = SiteFactory(code="CP1")
    member = MembershipFactory(site=site, person__name="Morgan Member").person
    facilitator = MembershipFactory(site=site, role=MembershipRole.FACILITATOR, person__name="Fran Facilitator").person
    meeting = MeetingFactory(site=site)
    agenda.add_agenda_item(meeting=meeting, added_by=facilitator, title="Welcome and introductions")
    agenda.add_agenda_item(meeting=meeting, added_by=facilitator, title="Hoarding: the fire service's home visits")
    agenda.publish_agenda(meeting=meeting, published_by=facilitator)
    sent = NewsletterIssue.objects.create(month=date(2026, 10, 1), status="sent", sent_at=timezone.now())
    for position in range(12):  # the article is far enough down its page to need scrolling to
        NewsletterItem.objects.create(
            issue=sent, section="programme", position=position, title=f"Programme news {position}",
            body="Dates for the next quarter.\n\n" * 4, source_key=f"filler:{position}",
        )  # fmt: skip
    training = NewsletterItem.objects.create(
        issue=sent, section="notices", title="Hoarding training in November",
        body="A free half-day course on **hoarding** and self-neglect.", source_key="free:1",
    )  # fmt: skip
    draft = NewsletterIssue.objects.create(month=date(2026, 11, 1))
    NewsletterItem.objects.create(issue=draft, section="notices", title="Draft: hoarding course", source_key="free:2")

    page = browser.new_context(bypass_csp=True).new_page()  # axe is injected as a script
    sign_in(page, live_server, member.email)
    page.get_by_role("search", name="Search everything you can see").get_by_label("Search").fill("hoarding")
    page.keyboard.press("Enter")
    items = page.get_by_role("region", name="Agenda items")
    expect(items.get_by_role("link", name="CP1 meeting")).to_be_visible()
    articles = page.get_by_role("region", name="Newsletter articles")
    expect(articles.get_by_role("link", name="Hoarding training in November")).to_be_visible()
    expect(articles.get_by_text("October 2026 newsletter")).to_be_visible()
    expect(page.get_by_text("Draft: hoarding course")).to_have_count(0)
    assert scan(page, "search results with agenda items and articles (desk)") == []
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"agenda-and-articles-{width}.png"), full_page=True)
    assert scan(page, "search results with agenda items and articles (phone)") == []

    articles.get_by_role("link", name="Hoarding training in November").click()
    article = page.locator(f"#item-{training.pk}")
    expect(article.get_by_role("heading", name="Hoarding training in November")).to_be_in_viewport()
    page.screenshot(path=str(SHOTS / "article-landed-390.png"))
    page.go_back()
    page.get_by_role("region", name="Agenda items").get_by_role("link", name="CP1 meeting").click()
    expect(page.get_by_role("heading", name="Agenda for")).to_be_visible()
    expect(page.locator("#agenda-items li").filter(has_text="the fire service's home visits")).to_be_in_viewport()
