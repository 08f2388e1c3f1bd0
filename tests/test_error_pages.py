"""Error pages are in the site's layout (its stylesheet, menu bar, footer and favicon), with words that say what to
do next; `make run` gives SITE_URL the port it serves on."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import RequestFactory

from cop.unavailable import server_error_or_unavailable

REPO = Path(__file__).resolve().parent.parent


def test_the_500_page_is_in_the_sites_layout():
    response = server_error_or_unavailable(RequestFactory().get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert '<h1 class="h2">Something went wrong on our side</h1>' in page
    assert "css/app.css" in page and "navbar" in page and "Privacy notice" in page and "favicon" in page


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "status", "heading"), [("/no-such-page/", 404, "Page not found")])
def test_the_404_page_is_in_the_sites_layout(client, member, path, status, heading):
    client.force_login(member)
    response = client.get(path)
    page = response.content.decode()
    assert response.status_code == status and f'<h1 class="h2">{heading}</h1>' in page
    assert 'aria-label="Main"' in page and "Go to your home page" in page


def test_make_run_gives_site_url_the_port_it_serves_on():
    make = shutil.which("make")
    assert make, "make is needed for `make run`"
    dry_run = subprocess.run(  # noqa: S603 - our own Makefile, in dry-run mode
        [make, "-n", "run", "PORT=8123"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    [serve] = [line for line in dry_run.splitlines() if "runserver" in line]
    assert "SITE_URL=${SITE_URL:-http://127.0.0.1:8123}" in serve and serve.endswith("runserver 127.0.0.1:8123")
    assert "PORT" in (REPO / "README.md").read_text()
