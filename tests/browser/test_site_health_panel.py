"""A facilitator sees their own site's health and its advice on the site page, and on the site health page (their
sites only, in the site's layout, not a bare 403); a member of the site sees neither."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.test_case_journey import sign_in
from tests.factories import MembershipFactory
from tests.toolkit.helpers import cp2_course
from toolkit.periodic import check_site_health


def test_facilitator_sees_their_sites_health_and_advice(page, live_server, site, facilitator, other_site):
    cp2_course(site, facilitator, timezone.localdate() - timedelta(days=70))
    member = MembershipFactory(site=site, person__email="member@example.org").person
    check_site_health()

    sign_in(page, live_server, facilitator.email)
    page.goto(f"{live_server.url}/sites/{site.pk}/")
    health = page.locator("#health")
    expect(health.get_by_role("heading", name="Site health")).to_contain_text("At risk")
    expect(health).to_contain_text("Fewer than 6 confirmed members after meeting 3")
    expect(health).to_contain_text("ask a senior manager in the host organisation")

    page.goto(f"{live_server.url}/toolkit/site-health/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Site health")
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    expect(page.locator("main")).to_contain_text(f"{site.code} {site.town}")
    expect(page.locator("main")).not_to_contain_text(other_site.code)
    expect(page.get_by_role("button", name="Check all sites now")).to_have_count(0)

    sign_in(page, live_server, member.email)
    page.goto(f"{live_server.url}/sites/{site.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(site.code)
    expect(page.locator("#health")).to_have_count(0)
