"""A knowledge broker edits last month's draft, previews it, approves and sends it; it then appears
in the public archive."""

import pytest
from django.core import mail
from django.core.management import call_command

from newsletters.models import IssueStatus, NewsletterIssue
from sites.demo import DEMO_PASSWORD


@pytest.fixture
def demo_programme(transactional_db):
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_broker_edits_approves_and_sends_the_newsletter(page, live_server, demo_programme):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("broker@example.org")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")

    page.get_by_role("link", name="Newsletter").click()
    issue = NewsletterIssue.objects.get()
    page.get_by_role("link", name=issue.month.strftime("%B %Y")).click()
    page.get_by_label("Introduction").fill("Welcome to this month's **news**.")
    page.get_by_role("button", name="Save the introduction").click()
    assert page.get_by_text("Introduction saved.").is_visible()
    page.get_by_role("button", name="Remove CP5 Tower Hamlets").first.click()
    assert page.get_by_role("button", name="Put back CP5 Tower Hamlets").first.is_visible()

    page.get_by_role("link", name="Preview the public email").click()
    assert page.get_by_role("heading", name="Preview: Public edition").is_visible()
    assert "List-Unsubscribe=One-Click" in page.content()
    page.get_by_role("link", name="Back to the issue").click()

    page.get_by_role("button", name="Approve for sending").click()
    page.get_by_role("button", name="Send it now").click()
    page.wait_for_url(f"{live_server.url}/newsletter/manage/{issue.pk}/deliveries/")
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT
    assert page.get_by_text("Sent").first.is_visible()
    assert len(mail.outbox) == issue.deliveries.count() > 10

    page.goto(f"{live_server.url}/newsletter/{issue.slug}/")
    assert page.get_by_role("heading", level=1).inner_text() == f"Newsletter: {issue.month:%B %Y}"
