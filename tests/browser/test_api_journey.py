"""A commissioner creates an API token on their account page, copies it, reads the API documentation (under
our Content Security Policy, from our own static files), then reads the API with the token."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from sites.models import MembershipRole
from tests.factories import PASSWORD, MembershipFactory, UserFactory


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


def test_a_facilitator_chooses_what_a_token_reads_and_how_long_it_works(page, live_server, transactional_db):
    """The scope and the expiry are chosen when the token is made (the smaller scope and 90 days unless changed),
    and shown in the list of tokens."""
    MembershipFactory(
        person__email="fran@example.org", person__name="Fran Facilitator", role=MembershipRole.FACILITATOR
    )
    sign_in(page, live_server, "fran@example.org")
    page.goto(f"{live_server.url}/people/me/api-tokens/")
    expect(page.get_by_label("Learning objects and evidence", exact=True)).to_be_checked()
    expect(page.get_by_label("90 days")).to_be_checked()
    page.get_by_label("Name of the token").fill("Dashboard sheet")
    page.get_by_label("Learning objects, evidence, programme figures and survey results").check()
    page.get_by_label("30 days").check()
    page.get_by_role("button", name="Create token").click()
    key = page.get_by_label("Your new token").input_value()
    row = page.get_by_role("row", name="Dashboard sheet")
    expect(row).to_contain_text("Learning objects, evidence, programme figures and survey results")
    expect(row).to_contain_text("Active")
    in_30_days = (timezone.localtime() + timedelta(days=30)).strftime("%d/%m/%Y")
    expect(row).to_contain_text(in_30_days)

    page.context.clear_cookies()
    answer = page.request.get(f"{live_server.url}/api/v1/figures/", headers={"Authorization": f"Bearer {key}"})
    assert answer.status == 200
