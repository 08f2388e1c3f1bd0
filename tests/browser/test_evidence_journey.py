"""A member asks the knowledge brokers about a case; a broker pastes a BibTeX entry, writes what it means for
practice and attaches it to the case in answer; the member sees the answer and the evidence on the case."""

from cases.models import CaseStatus
from cases.services import lifecycle
from sites.models import MembershipRole
from tests.browser.test_case_journey import sign_in
from tests.factories import MembershipFactory, SiteFactory, UserFactory

BIBTEX = """@article{moe2017,
  title = {Frequent attenders at emergency departments: a systematic review},
  author = {Moe, Jessica and Kirkland, Scott},
  year = {2017},
  journal = {Emergency Medicine Journal},
  doi = {10.5555/cop-test-2017-001}
}"""


def test_question_answered_with_evidence(page, live_server, transactional_db, mailoutbox):
    site = SiteFactory(code="CP1")
    member = MembershipFactory(site=site, person__email="member@example.org", person__name="Morgan Member").person
    MembershipFactory(site=site, role=MembershipRole.FACILITATOR)
    UserFactory(email="broker@example.org", name="Kit Broker", is_knowledge_broker=True)
    case = lifecycle.create_case(
        site=site,
        by=member,
        title="Weekend crises",
        presentation="A man in his forties attends A&E most weekends; nobody hears until Monday.",
    )
    lifecycle.share_case(case=case, by=member)
    assert case.status == CaseStatus.SHARED

    # The member asks a question on the case.
    sign_in(page, live_server, member.email)
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    page.get_by_role("link", name="Ask the knowledge brokers").click()
    page.get_by_label("Your question for the knowledge brokers").fill(
        "Is there evidence on what reduces repeated weekend A&E attendance?"
    )
    page.get_by_role("button", name="Send the question").click()
    assert "Your question is with the knowledge brokers" in page.locator(".alert-success").inner_text()

    # The broker finds it in the queue, pastes a BibTeX entry, writes a summary and answers with it.
    sign_in(page, live_server, "broker@example.org")
    page.get_by_role("link", name="Questions").first.click()
    page.get_by_role("link", name="Is there evidence on what reduces repeated weekend").click()
    page.get_by_role("link", name="Add new evidence to the library").click()
    page.get_by_label("DOI, BibTeX or RIS").fill(BIBTEX)
    page.get_by_role("button", name="Continue").click()
    assert page.get_by_label("Title").input_value().startswith("Frequent attenders")
    page.get_by_label("What this means for practice").fill("Individual care plans cut repeat attendances.")
    page.get_by_role("button", name="Save").click()
    page.get_by_label("Frequent attenders at emergency departments: a systematic review").check()
    page.get_by_label("Why the evidence matters for this case").fill("The same weekend pattern.")
    page.get_by_label("Your reply").fill("Yes: a shared care plan helps. See the review attached to the case.")
    page.get_by_role("button", name="Send the answer").click()
    assert "Answered" in page.locator(".alert-success").inner_text()
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [member.email]

    # The member sees the answer and the evidence on the case.
    sign_in(page, live_server, member.email)
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    evidence = page.locator("#evidence")
    text = evidence.inner_text()
    assert "Frequent attenders at emergency departments" in text
    assert "Individual care plans cut repeat attendances." in text
    assert "The same weekend pattern." in text
    assert "Yes: a shared care plan helps." in text
    assert "Answered" in text
