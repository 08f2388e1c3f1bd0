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
