"""A facilitator reorders the proposed agenda, records the meeting with two actions and approves it;
the action owner finds both under "My actions" and closes one."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cases.services import lifecycle
from cycle.models import RecordAction, RecordActionStatus
from sites.models import MembershipRole
from tests.factories import PASSWORD, MeetingFactory, MembershipFactory, SiteFactory

TEXT = "A man in his forties attends A&E most weekends after drinking; nobody hears until Monday."


@pytest.fixture
def cp1(transactional_db):
    site = SiteFactory(code="CP1", town="Brighton")
    facilitator = MembershipFactory(site=site, role=MembershipRole.FACILITATOR, person__name="Fran Facilitator").person
    member = MembershipFactory(site=site, person__name="Morgan Member").person
    case = lifecycle.create_case(site=site, by=member, title="Weekend crises", presentation=TEXT)
    lifecycle.share_case(case=case, by=member)
    now = timezone.now()
    meeting = MeetingFactory(site=site, starts_at=now - timedelta(minutes=30), ends_at=now + timedelta(minutes=90))
    return facilitator, member, meeting


def sign_in(page, base_url, person):
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base_url}/")


def test_meeting_cycle_journey(browser, live_server, cp1):
    facilitator, member, meeting = cp1
    page = browser.new_page()
    sign_in(page, live_server.url, facilitator)

    # The proposed agenda: the shared case and the guest speaker slot; move the speaker up.
    page.goto(f"{live_server.url}/sites/meetings/{meeting.pk}/")
    page.get_by_role("link", name="Prepare the agenda").click()
    titles = page.locator("#agenda-items .agenda-title")
    expect(titles).to_have_text(["Case to present: Weekend crises", "Guest speaker slot"])
    page.get_by_role("button", name="Up Guest speaker slot").click()
    expect(titles).to_have_text(["Guest speaker slot", "Case to present: Weekend crises"])

    # Run the meeting: record the discussion of the case and two actions, then approve.
    page.goto(f"{live_server.url}/sites/meetings/{meeting.pk}/record/")
    page.get_by_role("button", name="Start the record").click()
    page.get_by_role("link", name="Record the discussion and actions for item 2").click()
    page.get_by_label("What was discussed").fill("The group agreed a weekend plan with the GP practice.")
    page.get_by_role("button", name="Save the discussion").click()
    expect(page.get_by_role("status")).to_contain_text("Discussion saved.")
    for text in ("Ask the GP about weekend cover", "Share the weekend rota"):
        page.get_by_role("link", name="Record the discussion and actions for item 2").click()
        page.get_by_label("Action agreed").fill(text)
        page.get_by_label("Owner (a member of the site)").select_option(label="Morgan Member")
        page.get_by_role("button", name="Record the action").click()
        expect(page.get_by_role("status")).to_contain_text("Action recorded.")
    page.get_by_role("button", name="Approve the record").click()
    expect(page.get_by_role("status")).to_contain_text("Record approved as version 1")
    expect(page.get_by_text("The group agreed a weekend plan with the GP practice.")).to_be_visible()

    # The owner sees both actions and closes one.
    owner_page = browser.new_context().new_page()
    sign_in(owner_page, live_server.url, member)
    owner_page.get_by_role("navigation", name="Main").get_by_role("link", name=re.compile(r"^My actions")).click()
    expect(owner_page.get_by_role("heading", name="Ask the GP about weekend cover")).to_be_visible()
    expect(owner_page.get_by_role("heading", name="Share the weekend rota")).to_be_visible()
    card = owner_page.locator("section", has=owner_page.get_by_role("heading", name="Share the weekend rota"))
    card.get_by_label("Note (optional)").fill("Sent to everyone on Friday")
    card.get_by_role("button", name="Mark done").click()
    expect(owner_page.get_by_role("status")).to_contain_text("Action marked as done.")
    expect(owner_page.get_by_text("You have 1 open.")).to_be_visible()
    done = RecordAction.objects.get(text="Share the weekend rota")
    assert done.status == RecordActionStatus.DONE and done.done_note == "Sent to everyone on Friday"
    assert RecordAction.objects.get(text="Ask the GP about weekend cover").is_open
