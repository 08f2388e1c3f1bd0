"""The knowledge broker's journey: answers a member's question with evidence from the library, then edits last
month's newsletter draft, previews it, approves and sends it, and watches the delivery log fill in as the Celery
worker sends (in CI a real worker on Redis); the issue then appears in the public archive."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from cases.models import Question
from newsletters.models import IssueStatus, NewsletterIssue
from sites.demo import DEMO_PASSWORD


@pytest.fixture
def demo_programme(transactional_db):
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_broker_edits_approves_and_sends_the_newsletter(page, live_server, demo_programme, background_tasks):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("broker@example.org")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")

    # The open question on a shared case, answered with evidence already in the library.
    page.get_by_role("link", name="Questions").click()
    page.get_by_role("link", name="Is there evidence on what helps when a service keeps seeing someone").click()
    page.get_by_label("Coexisting severe mental illness and substance misuse").check()
    page.get_by_label("Why the evidence matters for this case").fill("One named worker keeps the contact going.")
    page.get_by_label("Your reply").fill("Yes: NICE advises one named worker who coordinates care.")
    page.get_by_role("button", name="Send the answer").click()
    expect(page.locator(".alert-success")).to_contain_text("Answered")
    question = Question.objects.get()
    assert question.status == "answered" and "NICE advises" in question.reply

    page.get_by_role("link", name="Newsletter").click()
    issue = NewsletterIssue.objects.get()
    page.get_by_role("link", name=issue.month.strftime("%B %Y")).click()
    page.get_by_label("Introduction").fill("Welcome to this month's **news**.")
    page.get_by_role("button", name="Save the introduction").click()
    expect(page.get_by_text("Introduction saved.")).to_be_visible()
    page.get_by_role("button", name="Remove CP5 Tower Hamlets").first.click()
    expect(page.get_by_role("button", name="Put back CP5 Tower Hamlets").first).to_be_visible()

    page.get_by_role("link", name="Preview the public email").click()
    expect(page.get_by_role("heading", name="Preview: Public edition")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("List-Unsubscribe=One-Click")
    page.get_by_role("link", name="Back to the issue").click()

    page.get_by_role("button", name="Approve for sending").click()
    page.get_by_role("button", name="Send it now").click()
    page.wait_for_url(f"{live_server.url}/newsletter/manage/{issue.pk}/deliveries/")
    expect(page.locator(".alert-success")).to_contain_text("This page shows how it is going")
    background_tasks.wait_for(
        lambda: NewsletterIssue.objects.get(pk=issue.pk).status == IssueStatus.SENT, "The newsletter was not sent"
    )
    # The delivery log polls while sending and settles on the result without a reload.
    progress = page.get_by_role("status").filter(has_text="Status of the issue")
    expect(progress).to_contain_text("Status of the issue: Sent", timeout=10000)
    sent_bar = page.get_by_role("progressbar", name="Emails sent")
    expect(sent_bar).to_have_attribute("value", str(issue.deliveries.count()))
    newsletters = [message for message in background_tasks.emails() if message["List-Unsubscribe"]]
    sent_to = sorted(address for message in newsletters for address in message.get_all("To"))
    assert sent_to == sorted(issue.deliveries.values_list("email", flat=True))
    assert len(sent_to) > 10

    page.goto(f"{live_server.url}/newsletter/{issue.slug}/")
    assert page.get_by_role("heading", level=1).inner_text() == f"Newsletter: {issue.month:%B %Y}"
