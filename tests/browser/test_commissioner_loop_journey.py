"""Closing the loop with commissioners (issue 28): a member raises an issue in a case; a commissioner finds it in
their list grouped with the same issue at another site, responds and sets it "under review"; the facilitator sees
the response on the next meeting's proposed agenda."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from cases.models import Theme
from cases.services import lifecycle
from sites.models import MembershipRole
from tests.browser.test_case_journey import sign_in
from tests.factories import MeetingFactory, MembershipFactory, SiteFactory, UserFactory, at

ISSUE = "The crisis team closes at five on Fridays: nobody answers until Monday."
ELSEWHERE = "No out-of-hours mental health cover at weekends in the district."


def test_an_issue_raised_at_a_site_comes_back_to_it_with_the_commissioners_response(
    page, live_server, transactional_db
):
    weekend = Theme.objects.get_or_create(name="Weekend crises")[0]
    brighton, colchester = SiteFactory(code="CP1", town="Brighton"), SiteFactory(code="CP3", town="Colchester")
    member = MembershipFactory(site=brighton, person__email="member@example.org").person
    MembershipFactory(site=brighton, role=MembershipRole.FACILITATOR, person__email="fac@example.org")
    UserFactory(email="commissioner@example.org", name="Cam Commissioner", is_commissioner=True)
    upcoming = MeetingFactory(site=brighton, starts_at=at(timezone.localdate() + timedelta(days=12)))
    # The same blockage, raised at Colchester a while ago.
    outsider = MembershipFactory(site=colchester).person
    earlier = lifecycle.create_case(
        site=colchester, by=outsider, title="Friday night at A&E", presentation="He waits at A&E all weekend.",
        commissioner_issues=ELSEWHERE, themes=[weekend],
    )  # fmt: skip
    lifecycle.share_case(case=earlier, by=outsider)

    # The member writes the case with an issue for commissioners and shares it.
    sign_in(page, live_server, member.email)
    page.get_by_role("link", name="Cases").first.click()
    page.get_by_role("link", name="Write a new case").click()
    page.get_by_label("Title").fill("Weekend crisis cover")
    page.get_by_label("Challenging case").check()
    page.get_by_label("Weekend crises").check()
    page.get_by_label("1. Presentation of the case").fill("She rings the crisis line every Friday evening.")
    page.get_by_label("4. Issues for commissioners").fill(ISSUE)
    page.get_by_role("button", name="Save draft").click()
    page.get_by_role("link", name="Back to the case").click()
    page.get_by_role("button", name="Share with the site").click()
    expect(page.locator(".alert-success")).to_contain_text("Shared with the site")

    # The commissioner finds it grouped with Colchester's, responds and sets it under review.
    sign_in(page, live_server, "commissioner@example.org")
    page.goto(f"{live_server.url}/digests/issues/")
    group = page.locator(".issue-group", has=page.get_by_role("heading", name="Weekend crises"))
    expect(group).to_contain_text("Raised at 2 sites")
    expect(group).to_contain_text(ISSUE)
    expect(group).to_contain_text(ELSEWHERE)
    group.get_by_role("link", name="Weekend crisis cover").click()
    expect(page.get_by_role("heading", name="The same issue elsewhere")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Friday night at A&E")
    page.get_by_label("Your response").fill("We are costing a Friday evening crisis line with the trust.")
    page.get_by_role("combobox", name="Status").select_option(label="Under review")
    page.get_by_role("button", name="Save and tell the site").click()
    expect(page.locator(".alert-success")).to_contain_text("told by email")
    expect(page.locator(".badge.issue-status")).to_have_text("Under review")

    # The facilitator sees it on the next meeting's proposed agenda.
    sign_in(page, live_server, "fac@example.org")
    page.goto(f"{live_server.url}/sites/meetings/{upcoming.pk}/agenda/")
    expect(page.locator("#agenda-items")).to_contain_text("Commissioners: under review: Weekend crisis cover")
