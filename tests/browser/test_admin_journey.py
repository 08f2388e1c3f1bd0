"""A programme admin creates a site, invites its facilitator, who accepts the invitation and sets a password in the
browser; the admin then reads the evaluation dashboard, which now includes the new site."""

import re

from django.core import mail
from playwright.sync_api import expect

from sites.models import Membership, MembershipRole
from tests.browser.test_case_journey import sign_in
from tests.factories import SiteFactory, UserFactory

NEW_PASSWORD = "a-long-new-passphrase"


def open_manage_menu(page) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("button", name="Manage").click()


def test_programme_admin_creates_a_site_invites_a_facilitator_and_reads_the_dashboard(
    page, live_server, transactional_db
):
    SiteFactory(code="CP1", town="Brighton")
    admin = UserFactory(email="admin@example.org", name="Alex Admin", is_programme_admin=True, sector="")

    page.set_default_timeout(10000)

    # A new site.
    sign_in(page, live_server, admin.email)
    page.get_by_role("link", name="Sites", exact=True).click()
    page.get_by_role("link", name="New site").click()
    page.get_by_label("Code").fill("CP7")
    page.get_by_label("Name").fill("Hastings Community of Practice")
    page.get_by_label("Town").fill("Hastings")
    page.get_by_label("Host organisation").fill("Hastings Voluntary Action")
    page.get_by_role("button", name="Create site").click()
    expect(page.locator(".alert-success")).to_contain_text("CP7 Hastings Community of Practice created.")

    # Its facilitator is invited by email.
    open_manage_menu(page)
    page.get_by_role("link", name="Invitations").click()
    page.get_by_label("Email address").fill("Fran@Example.org")
    page.get_by_label("Role").select_option(label="Facilitator")
    page.get_by_label("Site").select_option(label="CP7 Hastings Community of Practice")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.locator(".alert-success")).to_contain_text("fran@example.org")
    expect(page.get_by_role("row", name=re.compile("fran@example.org"))).to_contain_text("Waiting")
    assert mail.outbox[-1].to == ["fran@example.org"]
    link = re.search(r"http://\S+/people/invitations/\S+/", mail.outbox[-1].body).group(0)
    path = link.split("/people/", 1)[1]

    # The facilitator follows the link, gives their details and sets a password.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/people/{path}")
    expect(page.get_by_role("heading", name="Accept your invitation")).to_be_visible()
    expect(page.get_by_text("You are invited as a facilitator of CP7")).to_be_visible()
    page.get_by_label("Your full name").fill("Fran Facilitator")
    page.get_by_label("Job title").fill("Community development worker")
    page.get_by_label("Choose a password").fill(NEW_PASSWORD)
    page.get_by_label("Type the password again").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    page.wait_for_url(re.compile(r"^(?!.*invitations).*$"))
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    fran = Membership.objects.get(site__code="CP7", role=MembershipRole.FACILITATOR).person
    assert fran.email == "fran@example.org"

    # The password works for signing in again.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("fran@example.org")
    page.get_by_label("Password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")
    expect(page.get_by_role("button", name="Manage")).to_be_visible()  # the facilitator's management pages

    # The admin's invitation list shows it accepted, and the dashboard counts the new site.
    sign_in(page, live_server, admin.email)
    open_manage_menu(page)
    page.get_by_role("link", name="Invitations").click()
    expect(page.get_by_role("row", name=re.compile("fran@example.org"))).to_contain_text("Accepted")
    open_manage_menu(page)
    page.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Programme dashboard")
    evaluation_pages = page.get_by_role("navigation", name="Evaluation pages")
    expect(evaluation_pages.get_by_role("link", name="CP7 Hastings")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("Meetings held at each site"))).to_contain_text("CP7 Hastings")
    budget = page.get_by_role("img", name=re.compile("Budget spent against the award"))
    expect(budget).to_have_accessible_name(re.compile("CP7 Hastings: £0 spent of £6,950"))
