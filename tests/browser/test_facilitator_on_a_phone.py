"""A facilitator's day on a phone (390 px): scheduling proposes the site's usual venue and times, and the register of
fifteen members is taken with "Mark everyone present", a save bar that stays in reach and the names still unmarked."""

import re
from datetime import time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from sites.models import Attendance, Expense, MeetingSeries, MembershipRole, SeriesRule
from tests.factories import PASSWORD, MeetingFactory, MembershipFactory, SiteFactory, at

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def site_of_fifteen(transactional_db):
    site = SiteFactory(code="CP1", town="Brighton")
    facilitator = MembershipFactory(site=site, role=MembershipRole.FACILITATOR, person__name="Fran Facilitator")
    for number in range(1, 15):
        MembershipFactory(site=site, person__name=f"Member {number:02d}", person__job_title="Social Worker")
    return site, facilitator.person


def sign_in(page, live_server, person) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")


def test_scheduling_proposes_the_usual_venue_and_times(page, live_server, site_of_fifteen):
    site, facilitator = site_of_fifteen
    page.set_viewport_size(PHONE)
    sign_in(page, live_server, facilitator)

    # From the last meeting held (not a cancelled one).
    MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=28), 10), venue="Hove Library, room 2")
    page.goto(f"{live_server.url}/sites/{site.pk}/meetings/new/")
    expect(page.get_by_label("Venue")).to_have_value("Hove Library, room 2")
    expect(page.get_by_label("Start time")).to_have_value("10:00")
    expect(page.get_by_label("End time")).to_have_value("12:00")
    expect(page.get_by_text(re.compile("proposed from the meeting on"))).to_be_visible()
    page.get_by_label("Date").fill((timezone.localdate() + timedelta(days=14)).isoformat())
    page.get_by_role("button", name="Schedule the meeting").click()
    expect(page.get_by_role("status")).to_contain_text("Meeting scheduled for")
    made = site.meetings.order_by("-starts_at").first()
    assert made.venue == "Hove Library, room 2" and timezone.localtime(made.starts_at).time() == time(10, 0)

    # The site's regular meetings come first when it has them.
    MeetingSeries.objects.create(
        site=site, rule=SeriesRule.NTH_WEEKDAY, weekday=1, week_of_month=2, starts_on=timezone.localdate(),
        start_time=time(14, 0), end_time=time(16, 30), venue="Brunswick Room",
    )  # fmt: skip
    page.goto(f"{live_server.url}/sites/{site.pk}/meetings/new/")
    expect(page.get_by_label("Venue")).to_have_value("Brunswick Room")
    expect(page.get_by_label("Start time")).to_have_value("14:00")
    expect(page.get_by_label("End time")).to_have_value("16:30")
    expect(page.get_by_text(re.compile("proposed from your regular meetings"))).to_be_visible()


def test_register_on_a_phone_marks_everyone_and_keeps_save_in_reach(page, live_server, site_of_fifteen):
    site, facilitator = site_of_fifteen
    held = MeetingFactory(site=site, starts_at=at(timezone.localdate()))
    page.set_viewport_size(PHONE)
    sign_in(page, live_server, facilitator)
    page.goto(f"{live_server.url}/sites/meetings/{held.pk}/register/")

    save = page.get_by_role("button", name="Save the register")
    unmarked = page.locator("#register-unmarked")
    expect(save).to_be_in_viewport()  # at the top of a long page
    expect(unmarked).to_contain_text("Not marked yet (15)")

    # Two people sent apologies; everyone else is here.
    for name in ["Member 03", "Member 11"]:
        page.get_by_role("group", name=re.compile(name)).locator("label", has_text="Apologies").click()
    expect(unmarked).to_contain_text("Not marked yet (13)")
    page.get_by_role("button", name="Mark everyone present").click()
    expect(unmarked).to_have_text("Everyone is marked.")
    line = page.get_by_role("group", name=re.compile("Member 03"))
    expect(line.get_by_role("radio", name="Apologies")).to_be_checked()  # a mark already made stays

    # Someone left early: marked absent far down the page, and Save is still on screen there.
    last = page.get_by_role("group", name=re.compile("Member 14"))
    last.locator("label", has_text="Absent").click()
    expect(last.get_by_role("radio", name="Absent")).to_be_checked()
    expect(save).to_be_in_viewport()
    save_box = save.bounding_box()
    assert save_box["y"] + save_box["height"] <= PHONE["height"]
    save.click()
    expect(page.get_by_role("status")).to_contain_text("Register saved. Everyone is marked.")
    statuses = dict(Attendance.objects.filter(meeting=held).values_list("person__name", "status"))
    assert len(statuses) == 15
    assert statuses["Member 03"] == statuses["Member 11"] == "apologies"
    assert statuses["Member 14"] == "absent"
    assert sum(1 for s in statuses.values() if s == "present") == 12


def test_register_names_the_members_not_yet_marked(page, live_server, site_of_fifteen):
    site, facilitator = site_of_fifteen
    held = MeetingFactory(site=site, starts_at=at(timezone.localdate()))
    page.set_viewport_size(PHONE)
    sign_in(page, live_server, facilitator)
    page.goto(f"{live_server.url}/sites/meetings/{held.pk}/register/")
    names = ["Fran Facilitator"] + [f"Member {number:02d}" for number in range(1, 15)]
    for name in names:
        if name not in ("Member 05", "Member 09"):
            page.get_by_role("group", name=re.compile(name)).locator("label", has_text="Present").click()
    unmarked = page.locator("#register-unmarked")
    expect(unmarked).to_have_text("Not marked yet (2): Member 05, Member 09")
    page.get_by_role("button", name="Save the register").click()
    expect(page.get_by_role("status")).to_contain_text("2 members are not marked yet: Member 05, Member 09.")
    expect(unmarked).to_have_text("Not marked yet (2): Member 05, Member 09")
    unmarked.get_by_role("link", name="Member 09").click()
    expect(page.get_by_role("group", name=re.compile("Member 09"))).to_be_in_viewport()


def test_site_page_on_a_phone_starts_with_the_next_meeting_and_the_tasks(page, live_server, site_of_fifteen):
    site, facilitator = site_of_fifteen
    today = timezone.localdate()
    unregistered = MeetingFactory(site=site, starts_at=at(today - timedelta(days=14)))
    upcoming = MeetingFactory(site=site, starts_at=at(today + timedelta(days=14)), venue="Brunswick Room")
    for days in range(1, 12):
        Expense.objects.create(site=site, category="refreshments", spent_on=today - timedelta(days=days), amount=9)
    page.set_viewport_size(PHONE)
    sign_in(page, live_server, facilitator)
    page.goto(f"{live_server.url}/sites/{site.pk}/")

    # On the first screen: the next meeting, its agenda's state, and what is waiting.
    next_meeting = page.locator("section", has=page.get_by_role("heading", name="Next meeting", exact=True))
    expect(next_meeting).to_be_in_viewport()
    expect(next_meeting).to_contain_text("Brunswick Room")
    expect(next_meeting).to_contain_text("not published yet")
    tasks = page.locator("section", has=page.get_by_role("heading", name="To do", exact=True))
    expect(tasks.get_by_role("heading")).to_be_in_viewport()
    register_link = tasks.get_by_role("link", name=f"Take the register of {unregistered.starts_at:%-d %B %Y}")
    expect(register_link).to_be_visible()
    assert page.get_by_role("heading", name="Next meeting").bounding_box()["y"] < PHONE["height"] / 2

    # Every other section is one tap away.
    sections = page.get_by_role("navigation", name="On this page")
    for name, heading in [("Budget", "Budget"), ("Members", "Members (15)"), ("Meetings", "Meetings")]:
        page.evaluate("window.scrollTo(0, 0)")
        sections.get_by_role("link", name=name).click()
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_in_viewport()
    page.evaluate("window.scrollTo(0, 0)")
    next_meeting.get_by_role("link", name="Prepare the agenda").click()
    page.wait_for_url(f"{live_server.url}/sites/meetings/{upcoming.pk}/agenda/")
    page.go_back()
    register_link = page.get_by_role("link", name=f"Take the register of {unregistered.starts_at:%-d %B %Y}")
    register_link.click()
    page.wait_for_url(f"{live_server.url}/sites/meetings/{unregistered.pk}/register/")
