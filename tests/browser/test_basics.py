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


# Every kind of form field's edge, read as the browser draws it (WCAG 2.2 1.4.11: at least 3:1 against the page).
FIELD_BORDERS = """() => [...document.querySelectorAll('main input:not([type=hidden]), main select, main textarea')]
  .filter(el => el.offsetParent !== null)
  .map(el => ({field: el.name || el.type, colour: getComputedStyle(el).borderTopColor}))"""


def _contrast_on_white(rgb: str) -> float:
    channels = [int(part) / 255 for part in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def test_every_form_fields_edge_can_be_seen(page, live_server, member):
    page.goto(f"{live_server.url}/accounts/login/")
    fields = page.evaluate(FIELD_BORDERS)
    sign_in(page, live_server, member.email)
    page.goto(f"{live_server.url}/cases/new/")
    fields += page.evaluate(FIELD_BORDERS)
    kinds = {field["field"] for field in fields}
    assert {"login", "password", "remember", "title", "presentation"} <= kinds, kinds
    faint = [field for field in fields if _contrast_on_white(field["colour"]) < 3]
    assert not faint, faint
