"""The knowledge broker's journey: answers a member's question with evidence from the library, then edits last
month's newsletter draft, previews it, approves and sends it, and watches the delivery log fill in as the Celery
worker sends (in CI a real worker on Redis); the issue then appears in the public archive."""

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from cases.models import Question
from newsletters.models import IssueStatus, NewsletterIssue
from newsletters.services.compile import previous_month
from sites.demo import DEMO_PASSWORD
from sites.models import Site, SiteStatus


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


def sign_in_as_broker(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("broker@example.org")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")


def open_the_draft(page, live_server):
    sign_in_as_broker(page, live_server)
    page.get_by_role("link", name="Newsletter").click()
    issue = NewsletterIssue.objects.get()
    page.get_by_role("link", name=issue.month.strftime("%B %Y")).click()
    return issue


def add_call_for_cases(page):
    page.get_by_role("link", name="Add an item").click()
    page.get_by_label("Section").select_option(label="Events and calls for cases")
    page.get_by_label("Heading").fill("Call for cases: weekend crises")
    page.get_by_label("Text").fill("Bring a case about a weekend crisis to your December meeting.")
    page.get_by_label("Both editions").check()
    page.get_by_role("button", name="Add the item").click()
    expect(page.get_by_role("heading", name="Call for cases: weekend crises")).to_be_visible()


def test_the_draft_reports_last_month_with_quiet_sites_in_one_line(page, live_server, demo_programme):
    """Last month is chosen for the broker; quiet sites share one line; "N of our M" counts the active sites."""
    sign_in_as_broker(page, live_server)
    page.get_by_role("link", name="Newsletter").click()
    expect(page.get_by_label("Month to report on")).to_have_value(previous_month().strftime("%Y-%m"))
    issue = NewsletterIssue.objects.get()
    page.get_by_role("link", name=issue.month.strftime("%B %Y")).click()
    main = page.get_by_role("main")
    expect(main).not_to_contain_text("Nothing to report this month")
    expect(page.get_by_role("heading", name="Quiet this month")).to_have_count(1)
    active = Site.objects.filter(status=SiteStatus.ACTIVE).count()
    assert active < Site.objects.count()  # the demo has sites that failed or closed: they are not counted
    expect(main).to_contain_text(f"of our {active} communities of practice met")


def test_broker_rewrites_an_item_through_the_gate_and_adds_a_call_for_cases(page, live_server, demo_programme):
    """Any item's text can be rewritten (personal data refused, nothing typed lost); a free item can be added; both
    survive compiling the issue again."""
    open_the_draft(page, live_server)
    main = page.get_by_role("main")
    page.get_by_role("link", name="Edit CP1 Brighton").first.click()
    page.get_by_label("Text").fill("Met once. Ring John Smith on 07700 900123 about the room.")
    page.get_by_role("button", name="Save the item").click()
    expect(page.get_by_text("This could identify someone").first).to_be_visible()
    expect(page.get_by_label("Text")).to_have_value("Met once. Ring John Smith on 07700 900123 about the room.")
    page.get_by_label("Text").fill("Met once, with a new member from the housing team.")
    page.get_by_role("button", name="Save the item").click()
    expect(main).to_contain_text("Met once, with a new member from the housing team.")
    add_call_for_cases(page)
    expect(page.get_by_role("heading", name="Events and calls for cases")).to_be_visible()

    page.get_by_role("link", name="Newsletter", exact=True).first.click()
    page.get_by_role("button", name="Compile or refresh the draft").click()
    expect(main).to_contain_text("Met once, with a new member from the housing team.")
    expect(page.get_by_role("heading", name="Call for cases: weekend crises")).to_be_visible()


def test_preview_leads_with_the_email_and_its_links_work_from_a_mail_program(
    page, live_server, demo_programme, settings
):
    """The preview shows the email as recipients see it; plain text and headers are behind a toggle; a relative
    link in the introduction is absolute in both parts of the email."""
    open_the_draft(page, live_server)
    page.get_by_label("Introduction").fill("Read the new [learning objects](/repository/) this month.")
    page.get_by_role("button", name="Save the introduction").click()
    expect(page.get_by_text("Introduction saved.")).to_be_visible()
    page.get_by_role("link", name="Preview the members' email").click()
    email = page.frame_locator("iframe.newsletter-preview-frame")
    expect(email.get_by_role("heading", name="News from the sites")).to_be_visible()
    site = settings.SITE_URL.rstrip("/")
    expect(email.get_by_role("link", name="learning objects")).to_have_attribute("href", f"{site}/repository/")
    expect(page.get_by_text("List-Unsubscribe-Post", exact=True)).to_be_hidden()
    page.get_by_text("Plain text and headers").click()
    expect(page.get_by_text("List-Unsubscribe-Post", exact=True)).to_be_visible()
    expect(page.locator("pre.email-text")).to_contain_text(f"[learning objects]({site}/repository/)")


def test_public_edition_on_the_web_is_laid_out_like_the_email(page, live_server, demo_programme):
    """The public edition keeps the email's banner, sections and lists, not one run-on paragraph."""
    issue = open_the_draft(page, live_server)
    add_call_for_cases(page)
    NewsletterIssue.objects.filter(pk=issue.pk).update(status=IssueStatus.SENT, sent_at=timezone.now())
    page.goto(f"{live_server.url}/newsletter/{issue.slug}/")
    expect(page.locator(".newsletter-banner")).to_contain_text(f"{issue.month:%B %Y} (public edition)")
    programme = page.get_by_role("region", name="Across the programme")
    expect(programme.get_by_role("listitem").first).to_be_visible()
    expect(page.get_by_role("region", name="Events and calls for cases")).to_contain_text("weekend crisis")


def test_broker_home_leads_with_the_question_queue(page, live_server, demo_programme):
    """The broker's home starts with the questions waiting for evidence; the Questions menu counts them."""
    open_questions = Question.objects.filter(status="open")
    waiting = open_questions.count()
    assert waiting > 0
    sign_in_as_broker(page, live_server)
    expect(page.get_by_role("heading", level=2).first).to_have_text("Questions waiting for evidence")
    queue = page.get_by_role("region", name="Questions waiting for evidence")
    expect(queue).to_contain_text(f"{waiting} open question")
    expect(queue.get_by_role("link", name=open_questions.first().text[:40])).to_be_visible()
    menu = page.get_by_role("navigation").get_by_role("link", name="Questions")
    expect(menu).to_contain_text(f"Questions {waiting} waiting for you")
