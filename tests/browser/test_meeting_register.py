"""A facilitator schedules a meeting from the site page, then takes a meeting's register on a phone."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from members.models import MembershipRole
from sites.models import Attendance
from tests.factories import PASSWORD, MeetingFactory, MembershipFactory, SiteFactory, at


@pytest.fixture
def cp1(transactional_db):
    site = SiteFactory(code="CP1", town="Brighton")
    facilitator = MembershipFactory(site=site, role=MembershipRole.FACILITATOR, person__name="Fran Facilitator")
    MembershipFactory(site=site, person__name="Morgan Member")
    MembershipFactory(site=site, person__name="Priya Patel")
    return site, facilitator.person


def test_facilitator_schedules_a_meeting_and_takes_the_register_on_a_phone(page, live_server, cp1):
    site, facilitator = cp1
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(facilitator.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")

    # Schedule a meeting from the site page.
    page.goto(f"{live_server.url}/sites/{site.pk}/")
    page.get_by_role("link", name="Schedule a meeting").click()
    day = timezone.localdate() + timedelta(days=21)
    page.get_by_label("Date").fill(day.isoformat())
    page.get_by_label("Start time").fill("14:00")
    page.get_by_label("End time").fill("16:00")
    page.get_by_label("Venue").fill("Hove Library, room 2")
    page.get_by_role("button", name="Schedule the meeting").click()
    expect(page.get_by_role("status")).to_contain_text("Meeting scheduled for")
    expect(page.get_by_text("Hove Library, room 2")).to_be_visible()
    meeting = site.meetings.get()
    assert timezone.localtime(meeting.starts_at).hour == 14

    # A meeting held last week: take its register on a phone.
    held = MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=7)))
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/sites/meetings/{held.pk}/")
    page.get_by_role("link", name="Take the register").click()
    expect(page.get_by_text("ground rules on confidentiality and information sharing")).to_be_visible()
    for name, choice in [("Morgan Member", "Present"), ("Priya Patel", "Apologies"), ("Fran Facilitator", "Present")]:
        row = page.get_by_role("group", name=re.compile(name))
        button = row.locator("label", has_text=choice)
        box = button.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44  # big enough to tap
        button.click()
    page.get_by_role("button", name="Save the register").click()
    expect(page.get_by_role("status")).to_contain_text("Register saved. Everyone is marked.")
    expect(page.get_by_role("group", name=re.compile("Priya Patel"))).to_contain_text("Saved: Apologies")
    assert dict(Attendance.objects.filter(meeting=held).values_list("person__name", "status")) == {
        "Morgan Member": "present",
        "Priya Patel": "apologies",
        "Fran Facilitator": "present",
    }

    # The site page counts it as held.
    page.goto(f"{live_server.url}/sites/{site.pk}/")
    expect(page.get_by_text("1 of 6 meetings held")).to_be_visible()
    past = page.locator("section", has=page.get_by_role("heading", name="Meetings")).locator("li", has_text="Held")
    expect(past).to_have_count(1)
