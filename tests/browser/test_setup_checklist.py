"""A facilitator ticks a set-up step on a phone and sees the site's progress move on; steps the records answer are
ticked from the data, with the date."""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import PASSWORD, MeetingFactory, at


@pytest.fixture
def default_steps(transactional_db):
    """The default steps come from a data migration; transactional tests' flushes remove them, so seed again."""
    importlib.import_module("toolkit.migrations.0002_seed_default_checklist").seed_defaults(apps, None)
    importlib.import_module("toolkit.migrations.0004_default_steps_answered_by_records").mark_steps(apps, None)


def test_facilitator_ticks_a_set_up_step_on_a_phone(page, live_server, default_steps, site, facilitator):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(facilitator.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/sites/{site.pk}/")
    assert "0 of 9" in page.locator("#setup").inner_text()
    page.locator("#setup li", has_text="Book a venue").get_by_role("link", name="Tick").click()
    page.get_by_label("This step is done").check()
    page.get_by_label("Note (optional)").fill("Eleven people came")
    page.get_by_role("button", name="Save").click()

    page.wait_for_url(f"{live_server.url}/sites/{site.pk}/#setup-heading")
    setup = page.locator("#setup")
    assert "1 of 9" in setup.inner_text()
    assert "Eleven people came" in setup.inner_text()
    assert page.get_by_role("status").inner_text().startswith("Saved:")


def test_steps_the_records_answer_are_ticked_from_them(page, live_server, default_steps, site, facilitator):
    held = timezone.localdate() - timedelta(days=14)
    MeetingFactory(site=site, starts_at=at(held), is_taster=True)
    for month in range(1, 6):
        MeetingFactory(site=site, starts_at=at(held + timedelta(days=28 * month)))
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(facilitator.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/sites/{site.pk}/")
    setup = page.locator("#setup")
    expect(setup).to_contain_text("2 of 9")
    taster = setup.locator("li", has_text="Hold a taster session")
    expect(taster).to_contain_text("Done")
    expect(taster).to_contain_text(f"Taster session held on {held.day} {held:%B %Y}")
    expect(taster.get_by_role("link", name="Tick")).to_have_count(0)
    six = setup.locator("li", has_text="Schedule at least six meetings")
    expect(six).to_contain_text("6 meetings scheduled")
    recruit = setup.locator("li", has_text="Recruit 6 to 10 members")
    expect(recruit).to_contain_text("Not done yet")
    expect(recruit).to_contain_text("0 of 6 members so far")
