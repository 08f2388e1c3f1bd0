"""Pages stay light: the JavaScript each main page loads, as Chromium receives it, stays under 100 KB once
compressed as whitenoise serves it in production (gzip level 9; tests/test_static_files.py checks that production
really serves the compressed files, cached for ever). No front-end build step is involved."""

import gzip
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from cases.models import Case
from cop.navigation import NAV_ITEMS
from digests.models import Digest
from members.models import User
from newsletters.models import NewsletterIssue
from sites.demo import DEMO_PASSWORD
from sites.models import Meeting, Site

BUDGET = 100 * 1024
WEIGHT = {"pages": 0, "heaviest": ("", 0, 0)}  # for the run's summary: path, compressed bytes, raw bytes


@pytest.fixture
def demo_programme(transactional_db):
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115


def main_pages() -> list[str]:
    """Every menu entry a programme admin has, and the busiest pages below them (meetings, cases, digests)."""
    cp1 = Site.objects.get(code="CP1").pk
    held = Meeting.objects.filter(site_id=cp1).past().first().pk
    upcoming = Meeting.objects.filter(site_id=cp1).upcoming().first().pk
    issue = NewsletterIssue.objects.get().pk
    pages = [reverse(item.url_name) for item in NAV_ITEMS if item.url_name != "admin:index"]
    pages += [
        f"/sites/{cp1}/",
        f"/sites/meetings/{held}/",
        f"/sites/meetings/{held}/register/",
        f"/sites/meetings/{held}/record/",
        f"/sites/meetings/{upcoming}/agenda/",
        f"/cases/{Case.objects.order_by('pk').first().pk}/",
        f"/newsletter/manage/{issue}/",
        f"/newsletter/manage/{issue}/deliveries/",
        "/sites/import/",
    ]
    # A digest being prepared: its page polls with htmx, the heaviest script we have.
    today = timezone.localdate()
    digest = Digest.objects.create(
        requested_by=User.objects.get(email="admin@example.org"),
        period_start=today - timedelta(days=90),
        period_end=today,
        status="queued",
    )
    return [*pages, f"/digests/{digest.pk}/"]


def test_each_main_page_loads_under_100_kb_of_javascript(page, live_server, demo_programme):
    scripts: list = []
    page.on("response", lambda response: response.request.resource_type == "script" and scripts.append(response))
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("admin@example.org")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")

    over = []
    for path in main_pages():
        scripts.clear()
        page.goto(live_server.url + path, wait_until="load")
        bodies = [response.body() for response in scripts if response.ok]
        assert bodies, f"{path} loaded no script at all: is the page broken?"
        raw = sum(len(body) for body in bodies)
        packed = sum(len(gzip.compress(body, compresslevel=9)) for body in bodies)
        WEIGHT["pages"] += 1
        if packed > WEIGHT["heaviest"][1]:
            WEIGHT["heaviest"] = (path, packed, raw)
        if packed >= BUDGET:
            over.append(f"{path}: {packed / 1024:.0f} KB compressed ({raw / 1024:.0f} KB raw)")
    assert over == []
