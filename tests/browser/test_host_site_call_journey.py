"""Choosing host sites (issue 28): a programme admin opens a call for host sites; an organisation applies through the
public form without signing in; a reviewer scores the application against the criteria; the admin awards it, and the
new site appears with its budget, the facilitator's invitation and the set-up checklist filled in from the
application. Screenshots of the public form and the scoring page at 1280 and 390 pixels wide."""

import importlib
import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.axe import scan
from tests.browser.test_case_journey import sign_in
from tests.factories import UserFactory

SHOTS = Path(os.environ.get("SCREENSHOT_DIR", "screenshots")) / "host-site-call"


@pytest.fixture
def default_steps(transactional_db):
    """The default set-up steps come from a data migration; transactional tests' flushes remove them."""
    importlib.import_module("toolkit.migrations.0002_seed_default_checklist").seed_defaults(apps, None)
    importlib.import_module("toolkit.migrations.0004_default_steps_answered_by_records").mark_steps(apps, None)


def shoot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_an_organisation_applies_is_scored_and_awarded_and_becomes_a_site(page, browser, live_server, default_steps):
    UserFactory(email="admin@example.org", name="Pat Programme", is_programme_admin=True)
    closes = timezone.localdate() + timedelta(days=21)

    # The programme admin opens a call.
    sign_in(page, live_server, "admin@example.org")
    page.goto(f"{live_server.url}/host-sites/calls/")
    page.get_by_label("Title").fill("Host a community of practice in 2027")
    page.get_by_label("Closing date").fill(closes.isoformat())
    page.get_by_role("button", name="Open the call").click()
    expect(page.locator(".alert-success")).to_contain_text("Call opened")
    public_form = page.get_by_role("link", name="/apply/").get_attribute("href")

    # An organisation applies through the public form, with no account.
    applicant = browser.new_context(bypass_csp=True).new_page()  # bypass: to inject axe-core
    applicant.goto(live_server.url + public_form)
    expect(applicant.get_by_role("heading", level=1)).to_have_text("Host a community of practice in 2027")
    shoot(applicant, "apply")
    assert scan(applicant, "the public application form") == []
    applicant.get_by_label("Organisation").fill("Calderdale Voluntary Action")
    applicant.get_by_label("Town or area the community would serve").fill("Halifax")
    applicant.get_by_label("Your name").fill("Ruth Ambler")
    applicant.get_by_label("Your email address").fill("ruth@cva.example.org")
    applicant.get_by_label("Facilitator's name").fill("Imran Qureshi")
    applicant.get_by_label("Facilitator's email address").fill("imran@cva.example.org")
    applicant.get_by_label("The facilitator's experience of setting up and running groups").fill(
        "Set up and ran a peer support group for carers for three years."
    )
    applicant.get_by_label("Voluntary").check()
    applicant.get_by_label("NHS").check()
    applicant.get_by_label("Senior sponsor's name").fill("Helen Marsh")
    applicant.get_by_label("Senior sponsor's role").fill("Chief executive")
    applicant.get_by_label("Venue").fill("Square Chapel meeting room")
    applicant.get_by_role("button", name="Send application").click()
    expect(applicant.get_by_role("main")).to_contain_text("your application is sent")
    assert scan(applicant, "the application sent") == []
    shoot(applicant, "apply-done")
    applicant.context.close()

    # A reviewer scores it against each criterion.
    page.reload()
    page.get_by_role("link", name="Calderdale Voluntary Action").click()
    expect(page.get_by_role("main")).to_contain_text("peer support group for carers")
    shoot(page, "score")
    for select in page.locator("form select").all():
        select.select_option("4")
    page.get_by_role("button", name="Save scores").click()
    expect(page.locator(".alert-success")).to_contain_text("Your scores are saved")
    row = page.get_by_role("row", name="Calderdale Voluntary Action")
    expect(row).to_contain_text("4.0")

    # The admin awards it: a site, setting up, with its award, sponsor, venue and facilitator invitation.
    row.get_by_role("button", name="Award Calderdale Voluntary Action", exact=True).click()
    expect(page.locator(".alert-success")).to_contain_text("is awarded")
    page.get_by_role("row", name="Calderdale Voluntary Action").get_by_role("link", name="CP1").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Halifax")
    expect(page.locator("section", has=page.locator("#budget-heading"))).to_contain_text("£6,950.00")
    setup = page.locator("#setup")
    expect(setup.locator("li", has_text="Secure a senior sponsor")).to_contain_text("Helen Marsh")
    expect(setup.locator("li", has_text="Book a venue")).to_contain_text("Square Chapel meeting room")
    page.goto(f"{live_server.url}/people/invitations/")
    expect(page.get_by_role("row", name="imran@cva.example.org")).to_contain_text("CP1")
