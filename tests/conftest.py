import os
import shutil

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import factory.random  # noqa: E402
import pytest  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402

from cases.services.known_terms import forget_known_terms  # noqa: E402
from sites.models import MembershipRole  # noqa: E402
from tests import figures  # noqa: E402
from tests.factories import MembershipFactory, SiteFactory, UserFactory  # noqa: E402
from tests.seeds import restore_seeded_rows  # noqa: E402

WORKER_FIGURES = pytest.StashKey[dict]()

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


@pytest.fixture(scope="session", autouse=True)
def live_server_leaves_the_shared_sqlite_connection_open():
    """On SQLite the live server's request threads share the tests' in-memory connection; Django's test server closes
    every connection after each request, and a request a browser finishes late (a keep-alive socket closed after its
    test) then raises in its thread ("DatabaseWrapper objects created in a thread can only be used in that same
    thread"). Closing an in-memory database is a no-op anyway: the threads close only the connections they own.
    On PostgreSQL nothing is shared and every connection is closed, as Django does."""
    from django.core.servers.basehttp import ThreadedWSGIServer
    from django.db import connections

    close_all = ThreadedWSGIServer._close_connections

    def close_own_connections(server):
        shared = server.connections_override or {}
        for connection in connections.all(initialized_only=True):
            if connection.alias not in shared:
                connection.close()

    ThreadedWSGIServer._close_connections = close_own_connections
    yield
    ThreadedWSGIServer._close_connections = close_all


@pytest.fixture(autouse=True)
def seeded_rows(request):
    """Each test that uses the database finds the rows the data migrations seed, even after a flush (tests/seeds.py)."""
    names = set(request.fixturenames)
    if "transactional_db" in names or "live_server" in names:
        request.getfixturevalue("transactional_db")
    elif "db" in names or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("db")
    else:
        return
    restore_seeded_rows()


@pytest.fixture(autouse=True)
def known_terms_read_afresh():
    """The gate keeps the programme's known list per process: each test reads the list of its own database."""
    forget_known_terms()


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


def pytest_sessionfinish(session):
    """An xdist worker hands its figures to the controller (pytest_testnodedown)."""
    if hasattr(session.config, "workeroutput"):
        session.config.workeroutput["figures"] = figures.snapshot()


def pytest_testnodedown(node, error):
    node.config.stash[WORKER_FIGURES] = figures.merge(
        node.config.stash.get(WORKER_FIGURES, None), node.workeroutput.get("figures") or figures.snapshot()
    )


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    run_figures = config.stash.get(WORKER_FIGURES, None) or figures.snapshot()
    for line in figures.summary_lines(run_figures):
        terminalreporter.write_line(line)
    if os.environ.get("RECORD_ACCESSIBILITY") and exitstatus == 0 and run_figures["axe_pages"]:
        from django.utils import timezone

        passed = {
            report.nodeid.rsplit("::", 1)[-1].split("[")[0] for report in terminalreporter.stats.get("passed", [])
        }
        keyboard = [name for name in passed if "keyboard" in name]
        record = figures.accessibility_record(run_figures, keyboard, on=timezone.localdate())
        figures.write_accessibility_record(record)
        terminalreporter.write_line(f"Accessibility record written: {figures.ACCESSIBILITY_RECORD}")


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
