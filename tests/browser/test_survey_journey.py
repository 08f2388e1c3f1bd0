"""A programme admin opens the report's survey to two sites, members answer it, the admin sees the results."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from evaluation.report_survey import REPORT_SURVEY
from sites.models import MembershipRole
from tests.factories import PASSWORD, MembershipFactory, SiteFactory, UserFactory

STATEMENTS = [text for kind, text in REPORT_SURVEY["questions"] if kind == "statement"]


@pytest.fixture
def programme(transactional_db):
    cp1 = SiteFactory(code="CP1", town="Brighton")
    cp3 = SiteFactory(code="CP3", town="Colchester")
    MembershipFactory(site=cp1, role=MembershipRole.FACILITATOR)
    members = [MembershipFactory(site=cp1).person for _ in range(3)] + [
        MembershipFactory(site=cp3).person for _ in range(3)
    ]
    admin = UserFactory(email="admin@example.org", name="Alex Admin", is_programme_admin=True, sector="")
    return admin, members


def sign_in(page, live_server, email: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")


def test_admin_opens_the_report_survey_members_answer_admin_sees_results(page, live_server, programme):
    admin, members = programme
    sign_in(page, live_server, admin.email)
    page.get_by_role("navigation", name="Main").get_by_role("button", name="Manage").click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Surveys").click()
    page.get_by_role("button", name="Start from the report's evaluation survey").click()
    page.get_by_text("My knowledge of the role and function of other agencies").wait_for()
    page.get_by_label("CP1").check()
    page.get_by_label("CP3").check()
    today = timezone.localdate()
    page.get_by_label("Opens on").fill(today.isoformat())
    page.get_by_label("Closes on").fill((today + timedelta(days=14)).isoformat())
    page.get_by_role("button", name="Open the survey").click()
    page.get_by_text("Survey open to 6 members").wait_for()

    for index, person in enumerate(members[:5]):
        context = page.context.browser.new_context()
        member_page = context.new_page()
        sign_in(member_page, live_server, person.email)
        member_page.get_by_role("link", name="Community of practice members' evaluation survey").click()
        for statement in STATEMENTS:
            choice = "Disagree" if "talking shop" in statement else "Agree"
            member_page.get_by_role("group", name=statement).get_by_label(choice, exact=True).check()
        member_page.get_by_label("What would you change").fill(f"More people from social care {index}")
        member_page.get_by_role("button", name="Save my answers").click()
        member_page.get_by_text("Thank you: your answers are saved.").wait_for()
        context.close()

    page.get_by_role("link", name="See the results").click()
    page.wait_for_url("**/results/")
    # While the survey is open, no figures: watching them move would tell who answered what.
    expect(page.get_by_text("Results appear once the survey closes").first).to_be_visible()
    expect(page.get_by_role("main")).not_to_contain_text("More people from social care")
    page.go_back()
    page.get_by_role("button", name="Close the survey now").click()
    expect(page.get_by_text("Survey closed.")).to_be_visible()
    page.get_by_role("link", name="See the results").click()
    page.wait_for_url("**/results/")
    expect(page.get_by_role("main")).to_contain_text("83% (5 of 6)")
    chart = page.locator("svg[role=img]").first
    expect(chart).to_be_visible()
    assert "Agreement with each statement" in chart.locator("title").first.text_content()
    statements = page.get_by_role("region", name="Agreement with each statement")
    statements.get_by_text("Show the figures as a table").click()  # folded away under the chart, as elsewhere
    table = statements.get_by_role("table")
    assert "100% (5 of 5)" in table.inner_text()
    assert "More people from social care 3" in page.get_by_role("main").inner_text()
    main_text = page.get_by_role("main").inner_text()
    for person in members:
        assert person.name not in main_text
