import os
import shutil

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import factory.random  # noqa: E402
import pytest  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402

from sites.models import MembershipRole  # noqa: E402
from tests.factories import MembershipFactory, SiteFactory, UserFactory  # noqa: E402

# The same commit gives the same verdict on every run: generated names and hypothesis' examples are seeded.
factory.random.reseed_random("communities-of-practice")
hypothesis_settings.register_profile("deterministic", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("deterministic")


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise RuntimeError("Chromium is needed for the browser tests: apt-get install chromium (make test does this).")
    return path


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": chromium_path(),
        "args": [
            "--no-sandbox",
            "--headless",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def site(db):
    return SiteFactory(code="CP1", town="Brighton")


@pytest.fixture
def other_site(db):
    return SiteFactory(code="CP3", town="Colchester", host_organisation="Colchester CVS")


@pytest.fixture
def facilitator(site):
    return MembershipFactory(site=site, role=MembershipRole.FACILITATOR, person__name="Fran Facilitator").person


@pytest.fixture
def member(site):
    return MembershipFactory(site=site, person__name="Morgan Member").person


@pytest.fixture
def outsider(other_site):
    """A member of another site."""
    return MembershipFactory(site=other_site, person__name="Olly Outsider").person


@pytest.fixture
def programme_admin(db):
    return UserFactory(name="Alex Admin", is_programme_admin=True, sector="")


@pytest.fixture
def broker(db):
    return UserFactory(name="Kit Broker", is_knowledge_broker=True, sector="")


@pytest.fixture
def commissioner(db):
    return UserFactory(name="Cam Commissioner", is_commissioner=True, sector="")


def pytest_terminal_summary(terminalreporter):
    from tests.api.test_schema_fuzz import FUZZED
    from tests.browser.axe import TALLY
    from tests.browser.test_page_weight import WEIGHT
    from tests.security.matrix import CHECKED, MATRIX, ROLES
    from tests.security.test_hostile_input import TRIED

    if TRIED["cases"]:
        terminalreporter.write_line(
            f"Hostile input: {TRIED['cases']} fuzzed submissions, no server error, no live HTML."
        )

    if CHECKED["combinations"]:
        terminalreporter.write_line(
            f"Authorisation matrix: {CHECKED['combinations']} combinations checked over {len(MATRIX)} URL "
            f"patterns, {len(ROLES)} roles, GET and POST; unexpected answers fail the test."
        )

    if FUZZED["cases"]:
        terminalreporter.write_line(
            f"API schema fuzzing (schemathesis): {FUZZED['cases']} cases over {FUZZED['operations']} operation runs; "
            "a server error or a response not matching the schema fails the test."
        )

    if TALLY.pages:
        terminalreporter.write_line(
            f"Accessibility (axe-core): {TALLY.pages} page scans, {len(TALLY.rules)} rules checked, "
            f"{len(TALLY.violations)} serious or critical violations."
        )

    if WEIGHT["pages"]:
        path, packed, raw = WEIGHT["heaviest"]
        terminalreporter.write_line(
            f"JavaScript per page: {WEIGHT['pages']} pages loaded, the heaviest ({path}) {packed / 1024:.0f} KB "
            f"compressed ({raw / 1024:.0f} KB raw); the budget is 100 KB."
        )


@pytest.fixture
def page(page):
    """Navigations wait for the page's HTML (DOMContentLoaded: our scripts have run by then) rather than
    for every asset, which made a browser test hang now and then on the single live server."""
    wait_for_url = page.wait_for_url

    def wait_for_html(url, **kwargs):
        kwargs.setdefault("wait_until", "domcontentloaded")
        return wait_for_url(url, **kwargs)

    page.wait_for_url = wait_for_html
    return page
