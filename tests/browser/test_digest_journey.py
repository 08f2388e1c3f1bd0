"""A commissioner reads the repository, asks for a digest, watches its status, downloads it. In CI a real Celery
worker renders the digest while the page updates by itself (htmx polling); in-process, it is ready at once."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from newsletters.models import Digest
from newsletters.services import digests
from tests.browser.test_case_journey import sign_in
from tests.factories import SiteFactory, UserFactory


def test_commissioner_asks_for_a_digest_and_downloads_it(page, live_server, background_tasks, tmp_path):
    SiteFactory(code="CP1", town="Brighton")
    SiteFactory(code="CP3", town="Colchester")
    commissioner = UserFactory(email="commissioner@example.org", name="Cam Commissioner", is_commissioner=True)
    today = timezone.localdate()

    sign_in(page, live_server, commissioner.email)
    page.get_by_role("link", name="Digests").click()
    page.get_by_label("From").fill((today - timedelta(days=90)).isoformat())
    page.get_by_label("To").fill(today.isoformat())
    page.get_by_label("Sites").select_option(label="CP3 Colchester")
    page.get_by_role("button", name="Prepare the digest").click()

    # The status page shows where the job is and polls until the worker has rendered the PDF.
    expect(page.get_by_role("heading", name="Commissioner digest")).to_be_visible()
    background_tasks.wait_for(lambda: Digest.objects.get().status == "ready", "The digest was not rendered")
    expect(page.get_by_role("status")).to_contain_text("Ready", timeout=10000)
    with page.expect_download() as info:
        page.get_by_role("link", name="Download the digest (PDF)").click()
    download = info.value
    assert download.suggested_filename.startswith("commissioner-digest-") and download.suggested_filename.endswith(
        ".pdf"
    )
    saved = tmp_path / "digest.pdf"
    download.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
    assert list(Digest.objects.get().sites.values_list("code", flat=True)) == ["CP3"]

    # A digest still queued (as when a worker is busy): its page updates itself when the job is done.
    waiting = Digest.objects.create(
        requested_by=commissioner, period_start=today - timedelta(days=30), period_end=today, status="queued"
    )
    page.goto(f"{live_server.url}/digests/{waiting.pk}/")
    expect(page.get_by_role("status")).to_contain_text("Queued")
    digests.render_digest(digest_id=waiting.pk)  # what the Celery worker does
    expect(page.get_by_role("status")).to_contain_text("Ready", timeout=15000)
    expect(page.get_by_role("link", name="Download the digest (PDF)")).to_be_visible()
