"""A commissioner reads the repository, asks for a digest, watches its status, downloads it. In CI a real Celery
worker renders the digest while the page updates by itself (htmx polling); in-process, it is ready at once."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from cases.services import lifecycle
from digests.models import Digest
from digests.services import rendering
from sites.models import MembershipRole
from tests.browser.test_case_journey import sign_in
from tests.factories import MeetingFactory, MembershipFactory, SiteFactory, UserFactory, at


def publish_a_case(site, today):
    """A case at `site` taken through the real services to the repository."""
    member = MembershipFactory(site=site, person__name="Morgan Member").person
    facilitator = MembershipFactory(site=site, role=MembershipRole.FACILITATOR).person
    held = MeetingFactory(site=site, starts_at=at(today - timedelta(days=40)))
    later = MeetingFactory(site=site, starts_at=at(today - timedelta(days=10)))
    case = lifecycle.create_case(
        site=site,
        by=member,
        title="Discharged on a Friday",
        presentation="A woman leaves hospital on a Friday evening with no support arranged until Monday.",
        commissioner_issues="Weekend discharge needs a named contact in adult social care.",
    )
    lifecycle.share_case(case=case, by=member)
    lifecycle.record_discussion(case=case, by=facilitator, meeting=held)
    lifecycle.record_follow_up(case=case, by=member, meeting=later, what_happened="A Friday checklist is in use.")
    lifecycle.write_up_case(case=case, by=facilitator, summary="Plan discharge support before the weekend.")
    lifecycle.publish_case(case=case, by=facilitator)


def test_commissioner_asks_for_a_digest_and_downloads_it(page, live_server, background_tasks, tmp_path):
    SiteFactory(code="CP1", town="Brighton")
    colchester = SiteFactory(code="CP3", town="Colchester")
    commissioner = UserFactory(email="commissioner@example.org", name="Cam Commissioner", is_commissioner=True)
    today = timezone.localdate()
    publish_a_case(colchester, today)

    # The commissioner reads the repository: the issues for commissioners, never who presented the case.
    sign_in(page, live_server, commissioner.email)
    page.get_by_role("link", name="Repository", exact=True).click()
    page.get_by_role("link", name="Discharged on a Friday").click()
    expect(page.get_by_text("Weekend discharge needs a named contact in adult social care.")).to_be_visible()
    assert "Morgan Member" not in page.get_by_role("main").inner_text()

    page.get_by_role("link", name="Digests").click()
    page.get_by_role("textbox", name=re.compile(r"^From\b")).fill((today - timedelta(days=90)).isoformat())
    page.get_by_role("textbox", name=re.compile(r"^To\b")).fill(today.isoformat())
    page.get_by_label("CP3 Colchester").check()
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
    text = " ".join(page_.extract_text() for page_ in PdfReader(saved).pages)
    assert "named contact in adult social care" in " ".join(text.split())
    assert list(Digest.objects.get().sites.values_list("code", flat=True)) == ["CP3"]
    if background_tasks.mode == "worker":
        assert "digests.tasks.render_digest" in background_tasks.log()

    # A digest still queued (as when a worker is busy): its page updates itself when the job is done.
    waiting = Digest.objects.create(
        requested_by=commissioner, period_start=today - timedelta(days=30), period_end=today, status="queued"
    )
    page.goto(f"{live_server.url}/digests/{waiting.pk}/")
    expect(page.get_by_role("status")).to_contain_text("Queued")
    expect(page.get_by_role("progressbar", name="Preparing your digest")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Waiting for its turn")
    rendering.render_digest(digest_id=waiting.pk)  # what the Celery worker does
    expect(page.get_by_role("status")).to_contain_text("Ready", timeout=15000)
    expect(page.get_by_role("progressbar")).to_have_count(0)
    expect(page.get_by_role("link", name="Download the digest (PDF)")).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Ready: Digest"))


def test_commissioner_shares_a_digest_with_another_commissioner(page, live_server, tmp_path, settings):
    """A digest is its requester's; shared, another commissioner finds it on their digests page and reads it."""
    from django.core.files.base import ContentFile

    settings.MEDIA_ROOT = str(tmp_path)
    owner = UserFactory(email="owner@example.org", name="Cam Commissioner", is_commissioner=True)
    colleague = UserFactory(email="colleague@example.org", name="Chris Commissioner", is_commissioner=True)
    today = timezone.localdate()
    digest = Digest.objects.create(
        requested_by=owner, period_start=today - timedelta(days=90), period_end=today, status="ready", pages=2
    )
    digest.file.save("shared.pdf", ContentFile(b"%PDF-1.7 shared"), save=True)

    sign_in(page, live_server, owner.email)
    page.goto(f"{live_server.url}/digests/{digest.pk}/")
    expect(page.get_by_text("Only you and the programme admins.")).to_be_visible()
    page.get_by_role("button", name="Share with every commissioner").click()
    expect(page.get_by_text("Shared: every commissioner can now read this digest")).to_be_visible()
    expect(page.get_by_role("button", name="Stop sharing")).to_be_visible()

    page.context.clear_cookies()
    sign_in(page, live_server, colleague.email)
    page.get_by_role("link", name="Digests").click()
    expect(page.get_by_text("(shared by another commissioner)")).to_be_visible()
    page.get_by_role("link", name=f"{digest.period_start:%d/%m/%Y} to {today:%d/%m/%Y}", exact=True).click()
    expect(page.get_by_role("link", name="Download the digest (PDF)")).to_be_visible()
    expect(page.get_by_role("button", name="Stop sharing")).to_have_count(0)
