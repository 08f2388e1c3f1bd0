"""Each demo role signs in through the real sign-in page and sees its own navigation, nothing more."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from sites.demo import DEMO_PASSWORD
from tests.navigation_expectations import EXPECTED_MENU_BARS, EXPECTED_MENUS

DEMO_ACCOUNT_ROLES = {
    "admin@example.org": "programme_admin",
    "facilitator@example.org": "facilitator",
    "member@example.org": "member",
    "broker@example.org": "broker",
    "commissioner@example.org": "commissioner",
}
EXPECTED_NAVIGATION = {email: EXPECTED_MENU_BARS[role] for email, role in DEMO_ACCOUNT_ROLES.items()}


@pytest.fixture
def demo_programme(transactional_db):
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115


def sign_in(page, live_server, email: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/", wait_until="domcontentloaded")


def label_of(entry) -> str:
    """An entry's label, without the count of what waits for the person (a badge beside some labels)."""
    return entry.locator(".nav-label").inner_text().strip()


@pytest.mark.parametrize("email", list(EXPECTED_NAVIGATION))
def test_each_demo_role_sees_only_its_navigation(page, live_server, demo_programme, email):
    sign_in(page, live_server, email)
    bar = page.locator("#main-nav ul.me-auto > li")
    seen = []
    for entry in bar.all():
        toggle = entry.locator("button.dropdown-toggle")
        if toggle.count():
            toggle.click()  # the Manage menu opens and lists its entries
            items = entry.get_by_role("link").all()
            for item in items:
                expect(item).to_be_visible()
            seen.append((toggle.inner_text().strip(), [label_of(item) for item in items]))
            page.keyboard.press("Escape")
            expect(items[0]).to_be_hidden()
        else:
            seen.append(label_of(entry))
    assert seen == EXPECTED_NAVIGATION[email]
    flat = [entry for item in seen for entry in (item[1] if isinstance(item, tuple) else [item])]
    assert flat == EXPECTED_MENUS[DEMO_ACCOUNT_ROLES[email]]
    assert page.get_by_role("heading", level=1).inner_text().startswith("Hello")
    # The bar stays on one line at desktop width.
    heights = {round(box["y"]) for box in (e.bounding_box() for e in bar.all())}
    assert len(heights) == 1, f"the menu wraps onto {len(heights)} lines"


def test_phone_sized_menu_opens(page, live_server, demo_programme):
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, live_server, "facilitator@example.org")
    invitations = page.get_by_role("link", name="Invitations")
    expect(invitations).to_be_hidden()
    page.get_by_role("button", name="Show or hide the menu").click()
    # The menu slides open: tap only once it has stopped moving (a tap mid-slide missed the link on a busy CI machine).
    expect(page.locator("#main-nav.show:not(.collapsing)")).to_be_visible()
    page.get_by_role("button", name="Manage").click()
    invitations.wait_for(state="visible")
    invitations.click()
    page.wait_for_url(f"{live_server.url}/people/invitations/", wait_until="domcontentloaded")
    expect(page.get_by_label("Email address")).to_be_visible()
