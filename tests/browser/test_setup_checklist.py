"""A facilitator ticks a set-up step on a phone and sees the site's progress move on."""

import importlib

import pytest
from django.apps import apps

from tests.factories import PASSWORD


@pytest.fixture
def default_steps(transactional_db):
    """The default steps come from a data migration; transactional tests' flushes remove them, so seed again."""
    importlib.import_module("toolkit.migrations.0002_seed_default_checklist").seed_defaults(apps, None)


def test_facilitator_ticks_a_set_up_step_on_a_phone(page, live_server, default_steps, site, facilitator):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(facilitator.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/sites/{site.pk}/")
    assert "0 of 9" in page.locator("#setup").inner_text()
    page.locator("#setup li", has_text="Hold a taster session").get_by_role("link", name="Tick").click()
    page.get_by_label("This step is done").check()
    page.get_by_label("Note (optional)").fill("Eleven people came")
    page.get_by_role("button", name="Save").click()

    page.wait_for_url(f"{live_server.url}/sites/{site.pk}/#setup-heading")
    setup = page.locator("#setup")
    assert "1 of 9" in setup.inner_text()
    assert "Eleven people came" in setup.inner_text()
    assert page.get_by_role("status").inner_text().startswith("Saved:")
