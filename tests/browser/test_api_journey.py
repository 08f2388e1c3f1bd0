"""A commissioner creates an API token on their account page, copies it, reads the API documentation (under
our Content Security Policy, from our own static files), then reads the API with the token."""

from playwright.sync_api import expect

from tests.factories import PASSWORD, UserFactory


def sign_in(page, live_server, email: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")


def test_create_a_token_and_read_the_api_documentation(page, live_server, transactional_db):
    UserFactory(email="cam@example.org", name="Cam Commissioner", is_commissioner=True)
    refused, external = [], []
    page.on("console", lambda msg: refused.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.on("request", lambda req: None if req.url.startswith(live_server.url) else external.append(req.url))

    sign_in(page, live_server, "cam@example.org")
    page.get_by_role("button", name="Your account").click()
    page.get_by_role("link", name="API tokens").click()
    page.get_by_label("Name of the token").fill("Quarterly report")
    page.get_by_role("button", name="Create token").click()
    key = page.get_by_label("Your new token").input_value()
    assert key.startswith("cop_")
    expect(page.get_by_role("row", name="Quarterly report")).to_be_visible()

    page.get_by_role("link", name="read API").first.click()
    page.wait_for_selector(".opblock-summary", timeout=20_000)
    operations = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/v1/learning-objects/" in operations and "/api/v1/figures/" in operations
    expect(page.get_by_role("button", name="Authorize")).to_be_visible()
    assert refused == [], refused  # Swagger UI runs under our CSP: no inline script, nothing from elsewhere
    assert external == [], external

    page.context.clear_cookies()  # the token alone, without the session
    answer = page.request.get(f"{live_server.url}/api/v1/learning-objects/", headers={"Authorization": f"Bearer {key}"})
    assert answer.status == 200 and answer.json()["count"] == 0
    refused_answer = page.request.get(f"{live_server.url}/api/v1/figures/", headers={"Authorization": f"Bearer {key}"})
    assert refused_answer.status == 403  # a commissioner's token does not open the programme figures
