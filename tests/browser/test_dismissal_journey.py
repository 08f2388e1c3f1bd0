"""A presenter marks a phone number in their draft as not personal data; it waits for the site's facilitator, who finds
it from the home page, confirms it, and the case can then be shared."""

from playwright.sync_api import expect

from cases.services import lifecycle
from sites.models import MembershipRole
from tests.factories import PASSWORD, MembershipFactory, SiteFactory


def sign_in(page, live_server, email: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")


def test_a_presenter_asks_and_the_facilitator_confirms(page, live_server, transactional_db):
    site = SiteFactory(code="CP1")
    member = MembershipFactory(site=site, person__email="member@example.org", person__name="Morgan Member").person
    MembershipFactory(
        site=site, role=MembershipRole.FACILITATOR, person__email="fac@example.org", person__name="Fran Facilitator"
    )
    case = lifecycle.create_case(
        site=site, by=member, title="Weekend crises", presentation="He rang the drop-in on 0161 496 0732 at weekends."
    )

    sign_in(page, live_server, member.email)
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    reason = page.get_by_label("Why is this not personal data?")
    reason.fill("ok")
    page.get_by_role("button", name="Mark as not personal data").click()
    expect(page.locator(".finding-item").first).to_contain_text("fix the text or mark it as not personal data")
    page.get_by_label("Why is this not personal data?").fill("It is the drop-in's public line, on its leaflets.")
    page.get_by_role("button", name="Mark as not personal data").click()
    expect(page.locator(".alert-success")).to_contain_text("Sent to the site's facilitators to confirm")
    expect(page.locator(".finding-item").first).to_contain_text("Waiting for a facilitator to confirm")
    page.get_by_role("button", name="Share with the site").click()
    expect(page.locator(".alert-danger")).to_contain_text("waiting for a facilitator to confirm")

    sign_in(page, live_server, "fac@example.org")
    page.get_by_role("link", name="1 “not personal data” in cases to confirm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("“Not personal data” to confirm")
    expect(page.locator(".finding-item")).to_contain_text("It is the drop-in's public line")
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        expect(page.get_by_role("button", name="Confirm: not personal data")).to_be_visible()
    page.get_by_role("button", name="Confirm: not personal data").click()
    expect(page.locator(".alert-success")).to_contain_text("Confirmed: not personal data")
    expect(page.get_by_text("Nothing waits for you to confirm.")).to_be_visible()

    sign_in(page, live_server, member.email)
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    page.get_by_role("button", name="Share with the site").click()
    expect(page.locator(".alert-success")).to_contain_text("Shared with the site")
