"""The basics a person meets on any page: a 404 and a 403 in the site's layout with a way on, the favicon, and one
"Forgotten your password?" link on the sign-in page."""

import re

from playwright.sync_api import expect

from tests.browser.test_case_journey import sign_in


def test_error_pages_keep_the_sites_layout_and_offer_a_way_on(page, live_server, member):
    sign_in(page, live_server, member.email)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 844})
        response = page.goto(f"{live_server.url}/no-such-page/")
        assert response.status == 404
        expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
        expect(page.get_by_role("navigation", name="Main")).to_be_visible()
        expect(page.get_by_role("link", name="Go to your home page")).to_be_visible()

        response = page.goto(f"{live_server.url}/toolkit/site-health/")
        assert response.status == 403
        expect(page.get_by_role("heading", level=1)).to_have_text("You cannot open this page")
        expect(page.get_by_role("navigation", name="Main")).to_be_visible()
        expect(page).to_have_title(re.compile(r"^You cannot open this page · Communities of practice$"))
    page.get_by_role("link", name="Go to your home page").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hello")


def test_every_page_has_a_favicon(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    icon = page.locator("link[rel=icon]")
    expect(icon).to_have_attribute("href", re.compile(r"\.svg$"))
    href = icon.get_attribute("href")
    response = page.request.get(f"{live_server.url}{href}")
    assert response.status == 200 and response.headers["content-type"].startswith("image/svg+xml")


def test_the_sign_in_page_has_one_password_reset_link(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    links = page.get_by_role("link", name=re.compile(r"forgot", re.IGNORECASE))
    expect(links).to_have_count(1)
    expect(links).to_have_text("Forgotten your password?")
    links.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
