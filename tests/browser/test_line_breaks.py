"""Text a person types in paragraphs and lists keeps its shape wherever it is shown: a member's question and a
broker's answer on the question page and on the case page, and an action agreed in a meeting record. The CSP
blocks inline styles, so the line breaks come from the stylesheet's `text-prewrap` class."""

import re

from playwright.sync_api import expect

from cases.services import lifecycle
from sites.models import MembershipRole
from tests.browser.test_case_journey import sign_in
from tests.factories import MembershipFactory, SiteFactory, UserFactory

QUESTION = (
    "He attends A&E most weekends.\n\n"
    "Nobody hears about it until Monday.\n\n"
    "What we have tried:\n"
    "- a crisis plan\n"
    "- a weekend phone line"
)
ANSWER = "Yes, there is.\n\nShared care plans help.\n\nTwo reviews:\n- one from 2017\n- one from 2021"


def kept_lines(text: str) -> re.Pattern:
    """The rendered text (innerText) with every line break of `text` kept, not run together."""
    return re.compile(r"\n\s*".join(re.escape(line) for line in text.split("\n") if line))


def test_paragraphs_and_lists_keep_their_line_breaks(page, live_server, transactional_db):
    site = SiteFactory(code="CP1")
    member = MembershipFactory(site=site, person__email="member@example.org", person__name="Morgan Member").person
    MembershipFactory(site=site, role=MembershipRole.FACILITATOR)
    UserFactory(email="broker@example.org", name="Kit Broker", is_knowledge_broker=True)
    case = lifecycle.create_case(site=site, by=member, title="Weekend crises", presentation="A man in his forties.")
    lifecycle.share_case(case=case, by=member)

    sign_in(page, live_server, member.email)
    page.goto(f"{live_server.url}/evidence/cases/{case.pk}/ask/")
    page.get_by_label("Your question for the knowledge brokers").fill(QUESTION)
    page.get_by_role("button", name="Send the question").click()
    expect(page.locator(".alert-success")).to_contain_text("Your question is with the knowledge brokers")

    sign_in(page, live_server, "broker@example.org")
    page.goto(f"{live_server.url}/evidence/questions/")
    page.get_by_role("link", name="He attends A&E most weekends").click()
    question_url = page.url
    question = page.locator("blockquote")
    expect(question).to_have_text(kept_lines(QUESTION), use_inner_text=True)
    expect(question).to_have_css("white-space", "pre-wrap")
    page.get_by_label("Your reply").fill(ANSWER)
    page.get_by_role("button", name="Send the answer").click()
    expect(page.locator(".alert-success")).to_contain_text("Answered")
    page.goto(question_url)
    answer = page.locator("section[aria-labelledby=answer] p.text-prewrap")
    expect(answer).to_have_text(kept_lines(ANSWER), use_inner_text=True)

    sign_in(page, live_server, member.email)
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    on_case = page.locator("#evidence")
    expect(on_case.locator("p.text-prewrap").first).to_have_text(kept_lines(QUESTION), use_inner_text=True)
    expect(on_case.locator("p.text-prewrap").nth(1)).to_have_text(kept_lines(ANSWER), use_inner_text=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        expect(on_case.locator("p.text-prewrap").first).to_have_css("white-space", "pre-wrap")
