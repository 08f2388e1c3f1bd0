"""The Print button on a learning object prints (its handler lives in a static file, which the CSP allows), and
the repository's introduction speaks plainly to readers who do not know what a feed or an API is."""

from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.test_case_journey import sign_in
from tests.browser.test_digest_journey import publish_a_case
from tests.factories import SiteFactory, UserFactory


def test_print_button_prints_and_no_script_is_refused(page, live_server, transactional_db):
    publish_a_case(SiteFactory(code="CP3", town="Colchester"), timezone.localdate())
    commissioner = UserFactory(email="commissioner@example.org", is_commissioner=True)
    refused = []
    page.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    sign_in(page, live_server, commissioner.email)
    page.get_by_role("link", name="Repository", exact=True).click()
    main = page.get_by_role("main")
    expect(main).to_contain_text("news reader app")
    expect(main).not_to_contain_text("Atom")
    page.get_by_role("link", name="Discharged on a Friday").click()
    page.get_by_role("button", name="Print").click()
    page.wait_for_function("window.printed === 1")
    assert refused == []
