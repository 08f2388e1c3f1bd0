"""Feedback that goes missing: every action says what happened where the person is looking, and nothing typed is
dropped without a message. A facilitator adds an expense on a phone and sees the confirmation and the new line where
the page lands; a knowledge broker's note typed with no evidence ticked is kept and explained, not thrown away."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from playwright.sync_api import expect

from cases.models import QuestionStatus
from cases.services import evidence as evidence_services
from cases.services import lifecycle
from sites.models import Expense, MembershipRole
from tests.browser.test_case_journey import sign_in
from tests.factories import EvidenceFactory, MembershipFactory, SiteFactory, UserFactory

PHONE = {"width": 390, "height": 844}


def test_expense_confirmation_and_new_line_are_where_the_page_lands(page, live_server, transactional_db):
    site = SiteFactory(code="CP1", award=Decimal("5000"))
    fran = MembershipFactory(site=site, role=MembershipRole.FACILITATOR).person
    for days in range(1, 9):  # more lines than the list shows open
        Expense.objects.create(
            site=site, category="refreshments", spent_on=timezone.localdate() - timedelta(days=30 + days),
            amount=Decimal("12.00"),
        )  # fmt: skip
    page.set_viewport_size(PHONE)
    sign_in(page, live_server, fran.email)
    page.goto(f"{live_server.url}/sites/{site.pk}/budget/expenses/new/")
    page.get_by_label("Category").select_option("room_hire")
    page.get_by_label("Amount (£)").fill("42.50")
    page.get_by_label("Note").fill("Hall for the March meeting")
    page.get_by_role("button", name="Save expense").click()

    budget = page.locator("section", has=page.get_by_role("heading", name="Budget"))
    confirmation = budget.get_by_role("status")
    expect(confirmation).to_have_text("Expense of £42.50 recorded.")
    expect(confirmation).to_be_in_viewport()
    new_line = budget.get_by_role("row", name="Hall for the March meeting")
    expect(new_line).to_be_visible()  # the list is open, not collapsed
    expect(page.locator(".messages .alert")).to_have_count(0)  # said once, in the budget, not off-screen at the top


def test_evidence_note_with_no_evidence_ticked_is_kept_and_explained(page, live_server, transactional_db):
    site = SiteFactory(code="CP1")
    member = MembershipFactory(site=site, person__name="Morgan Member").person
    broker = UserFactory(name="Kit Broker", is_knowledge_broker=True)
    EvidenceFactory(title="Frequent attenders at emergency departments")
    case = lifecycle.create_case(site=site, by=member, title="Weekend crises", presentation="A man in his forties.")
    lifecycle.share_case(case=case, by=member)
    question = evidence_services.ask_question(case=case, by=member, text="What reduces weekend A&E attendance?")

    sign_in(page, live_server, broker.email)
    page.goto(f"{live_server.url}/evidence/questions/{question.pk}/")
    note = "The same weekend pattern: individual care plans cut repeat attendances."
    page.get_by_label("Why the evidence matters for this case").fill(note)
    page.get_by_label("Your reply").fill("Yes, see the review.")
    page.get_by_role("button", name="Send the answer").click()

    note_field = page.get_by_label("Why the evidence matters for this case")
    expect(note_field).to_have_value(note)
    expect(page.get_by_text("no evidence is ticked: tick the evidence it is about")).to_be_visible()
    expect(note_field).to_have_attribute("aria-invalid", "true")
    question.refresh_from_db()
    assert question.status == QuestionStatus.OPEN and not question.reply

    page.get_by_label("Frequent attenders at emergency departments").check()
    page.get_by_role("button", name="Send the answer").click()
    expect(page.locator(".alert-success")).to_contain_text("Answered")
    question.refresh_from_db()
    assert question.status != QuestionStatus.OPEN
    assert case.evidence_links.get().note == note
