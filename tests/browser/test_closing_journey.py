"""A programme admin closes a site from its page: the closing page says a meeting is still scheduled and refuses to
close, keeping what was typed; the admin thanks the members, tells the presenter of a draft, cancels the last
scheduled meeting, closes the site, and the site page shows it closed. Screenshots at 1280 and 390 pixels wide of the
closing page and of the page that starts a new site from this one."""

import os
from datetime import timedelta
from pathlib import Path

from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from cases.services import lifecycle
from sites.models import Membership, SiteStatus
from tests.browser.axe import scan
from tests.browser.test_case_journey import sign_in
from tests.factories import MeetingFactory, at

SHOTS = Path(os.environ.get("SCREENSHOT_DIR", "screenshots")) / "closing"


def shoot(page, name: str) -> None:
    """Screenshots at desk and phone width, for a person to look at (not committed)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_programme_admin_walks_through_closing_a_site(
    browser, live_server, site, member, facilitator, programme_admin
):
    page = browser.new_context(bypass_csp=True).new_page()  # axe is injected as a script
    today = timezone.localdate()
    MeetingFactory(site=site, starts_at=at(today - timedelta(days=7)))
    MeetingFactory(site=site, starts_at=at(today + timedelta(days=10)), venue="Brighton Housing Trust, room 2")
    lifecycle.create_case(site=site, by=member, title="Weekend crises", presentation="A man in his forties.")
    sign_in(page, live_server, programme_admin.email)

    page.goto(f"{live_server.url}/sites/{site.pk}/")
    page.get_by_role("link", name="Close this site").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Close {site.code} {site.name}")
    expect(page.locator("#step-meeting")).to_contain_text("1 meeting is still scheduled")
    shoot(page, "close-site-to-do")
    assert scan(page, "closing page") == []

    page.get_by_label("Why the site is closing").fill("The host organisation's funding ended.")
    page.get_by_role("button", name="Close the site").click()
    expect(page.locator("#step-close")).to_contain_text("cannot close yet")
    expect(page.get_by_label("Why the site is closing")).to_have_value("The host organisation's funding ended.")

    page.get_by_role("button", name="Email the thank-you to 2 people").click()
    expect(page.get_by_role("status").first).to_contain_text("Thank-you sent to 2 people")
    page.get_by_role("button", name="Tell 1 presenter").click()
    expect(page.locator("#step-drafts")).to_contain_text("Every presenter of a draft has been told")
    page.locator("#step-meeting").get_by_role("link", name="Cancel").click()
    page.get_by_label("Why is the meeting cancelled?").fill("The site is closing.")
    page.get_by_role("button", name="Cancel the meeting").click()

    page.goto(f"{live_server.url}/toolkit/sites/{site.pk}/close/")
    expect(page.locator("#step-close")).not_to_contain_text("Not ready to close yet")
    shoot(page, "close-site-ready")
    page.get_by_label("Why the site is closing").fill("The host organisation's funding ended.")
    page.get_by_role("button", name="Close the site").click()

    page.wait_for_url(f"{live_server.url}/sites/{site.pk}/")
    expect(page.get_by_role("status").first).to_contain_text("is closed")
    expect(page.locator(".lead")).to_contain_text("Closed: The host organisation's funding ended.")
    expect(page.get_by_role("link", name="Close this site")).to_have_count(0)
    site.refresh_from_db()
    assert site.status == SiteStatus.CLOSED and site.ended_on == today
    assert not Membership.objects.current().filter(site=site).exists()
    assert sorted(len(message.to) for message in mail.outbox) == [1, 1, 1]  # two thank-yous, one presenter

    page.get_by_role("link", name="Start a new site from this one").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Start a new site from")
    shoot(page, "sprout-site")
    assert scan(page, "start a new site page") == []
