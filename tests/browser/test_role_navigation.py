"""Each demo role signs in through the real sign-in page and sees its own navigation, nothing more."""

import pytest
from django.core.management import call_command

from sites.demo import DEMO_PASSWORD

EXPECTED_NAVIGATION = {
    "admin@example.org": [
        "Home",
        "Sites",
        "Cases",
        "Repository",
        "Evidence",
        "Questions",
        "Membership matrix",
        "Invitations",
        "Audit log",
        "Admin",
    ],
    "facilitator@example.org": ["Home", "Sites", "Cases", "Repository", "Evidence", "Membership matrix", "Invitations"],
    "member@example.org": ["Home", "Sites", "Cases", "Repository", "Evidence"],
    "broker@example.org": ["Home", "Sites", "Cases", "Repository", "Evidence", "Questions"],
    "commissioner@example.org": ["Home", "Repository"],
}


@pytest.fixture
def demo_programme(transactional_db):
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115


def sign_in(page, live_server, email: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")


@pytest.mark.parametrize("email", list(EXPECTED_NAVIGATION))
def test_each_demo_role_sees_only_its_navigation(page, live_server, demo_programme, email):
    sign_in(page, live_server, email)
    nav = page.get_by_role("navigation", name="Main")
    links = nav.locator("#main-nav ul.me-auto a.nav-link").all_inner_texts()
    assert [label.strip() for label in links] == EXPECTED_NAVIGATION[email]
    assert page.get_by_role("heading", level=1).inner_text().startswith("Hello")


def test_phone_sized_menu_opens(page, live_server, demo_programme):
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, live_server, "facilitator@example.org")
    invitations = page.get_by_role("link", name="Invitations")
    assert not invitations.is_visible()
    page.get_by_role("button", name="Show or hide the menu").click()
    invitations.wait_for(state="visible")
    invitations.click()
    page.wait_for_url(f"{live_server.url}/people/invitations/")
    assert page.get_by_label("Email address").is_visible()
