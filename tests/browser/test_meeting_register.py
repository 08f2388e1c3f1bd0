"""The facilitator's journey: schedules a meeting from the site page, takes a meeting's register on a phone and
records the discussion of the case presented there; and the same register taken with the keyboard alone."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cases.services import lifecycle
from sites.models import Attendance, MembershipRole, TargetDiscipline
from sites.services.sites import DEFAULT_TARGET_DISCIPLINES
from tests.factories import PASSWORD, AttendanceFactory, MeetingFactory, MembershipFactory, SiteFactory, at

CASE_TEXT = "A man in his forties attends A&E most weekends after drinking; nobody hears until Monday."


@pytest.fixture
def cp1(transactional_db):
    site = SiteFactory(code="CP1", town="Brighton")
    TargetDiscipline.objects.bulk_create(
        TargetDiscipline(site=site, name=name, sector=sector, keywords=keywords)
        for name, sector, keywords in DEFAULT_TARGET_DISCIPLINES
    )
    facilitator = MembershipFactory(site=site, role=MembershipRole.FACILITATOR, person__name="Fran Facilitator")
    morgan = MembershipFactory(site=site, person__name="Morgan Member", person__job_title="Housing Support Worker")
    MembershipFactory(site=site, person__name="Priya Patel", person__job_title="Housing Support Worker")
    # Morgan came to one earlier meeting: the matrix shows Y until a second attendance.
    earlier = MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=35)))
    AttendanceFactory(meeting=earlier, person=morgan.person)
    return site, facilitator.person


def matrix_cell(page, live_server, job_title: str) -> str:
    page.goto(f"{live_server.url}/sites/matrix/")
    row = page.locator("tr", has=page.get_by_role("rowheader", name=job_title, exact=True))
    return row.locator("td").first.inner_text().strip()


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
    meeting = site.meetings.get(venue="Hove Library, room 2")
    assert timezone.localtime(meeting.starts_at).hour == 14

    assert matrix_cell(page, live_server, "Housing Support Worker") == "YYF"  # F: the facilitator

    # A meeting held last week, where Morgan presented a case: take its register on a phone.
    held = MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=7)), venue="Brunswick Room")
    morgan = site.memberships.get(person__name="Morgan Member").person
    case = lifecycle.create_case(site=site, by=morgan, title="Weekend crises", presentation=CASE_TEXT)
    lifecycle.share_case(case=case, by=morgan)
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

    # The case presented at that meeting: the facilitator records its discussion.
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    page.get_by_role("link", name="Record the discussion").click()
    page.get_by_label("Meeting where the case was discussed").select_option(
        value=page.locator("option", has_text="Brunswick Room").get_attribute("value")
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("The discussion is recorded.")
    expect(page.get_by_text(f"discussed on {timezone.localtime(held.starts_at):%-d %B %Y}")).to_be_visible()
    case.refresh_from_db()
    assert case.status == "discussed" and case.meeting == held

    # The site page counts it as held.
    page.goto(f"{live_server.url}/sites/{site.pk}/")
    expect(page.get_by_text("2 of 6 meetings held")).to_be_visible()
    past = page.locator("section", has=page.get_by_role("heading", name="Meetings")).locator("li", has_text="Held")
    expect(past).to_have_count(2)

    # The matrix now shows Morgan as X (two meetings attended) and Priya still as Y.
    assert matrix_cell(page, live_server, "Housing Support Worker") == "XYF"

    # The gap panel: no NHS member yet; adding a community psychiatric nurse fills the sector and the
    # NHS mental health discipline.
    page.goto(f"{live_server.url}/sites/{site.pk}/")
    gaps = page.locator("section", has=page.get_by_role("heading", name="Recruitment gaps"))
    expect(gaps).to_contain_text("NHS")
    page.goto(f"{live_server.url}/people/sites/{site.pk}/members/add/")
    page.get_by_label("Email address").fill("cpn@example.org")
    page.get_by_label("Full name").fill("Casey Nurse")
    page.get_by_label("Job title").fill("Community Psychiatric Nurse")
    page.get_by_label("Sector").select_option(label="NHS")
    page.get_by_role("button", name=re.compile("Add")).click()
    page.goto(f"{live_server.url}/sites/{site.pk}/")
    expect(page.locator("span.fw-semibold", has_text="Casey Nurse")).to_be_visible()
    expect(gaps.locator("li", has_text=re.compile("^NHS$"))).to_have_count(0)
    expect(gaps.locator("p", has_text="Filled:")).to_contain_text("NHS mental health practitioner")


def focused(page) -> dict:
    """What has the keyboard focus: its tag, type, text and the register line (fieldset legend) it sits in."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const line = el.closest('fieldset');
            return {tag: el.tagName.toLowerCase(), type: el.type || '', text: (el.innerText || el.value || '').trim(),
                    label: el.labels && el.labels[0] ? el.labels[0].innerText.trim() : '',
                    line: line ? line.querySelector('legend').innerText : ''};
        }"""
    )


def tab_until(page, wanted, presses: int = 80) -> dict:
    for _ in range(presses):
        page.keyboard.press("Tab")
        now = focused(page)
        if wanted(now):
            return now
    raise AssertionError(f"Tab never reached the element wanted; focus ended on {focused(page)}")


def test_facilitator_takes_the_register_with_the_keyboard_only(page, live_server, cp1):
    site, facilitator = cp1
    held = MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=7)))
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(facilitator.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/")

    # From the meeting page to the register: Tab to the link, Enter to follow it.
    page.goto(f"{live_server.url}/sites/meetings/{held.pk}/")
    tab_until(page, lambda f: f["tag"] == "a" and f["text"] == "Take the register")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/sites/meetings/{held.pk}/register/")

    # Each line is one radio group: Tab reaches its first choice (Present); Space marks it, an arrow key moves on.
    wanted = {"Fran Facilitator": "Present", "Morgan Member": "Absent", "Priya Patel": "Apologies"}
    for _ in wanted:
        now = tab_until(page, lambda f: f["type"] == "radio")
        person = next(name for name in wanted if name in now["line"])
        assert now["label"] == "Present"
        choice = page.locator("fieldset", has_text=person).locator("label", has_text="Present")
        assert choice.evaluate("el => getComputedStyle(el).boxShadow") != "none"  # the focus can be seen
        page.keyboard.press("Space")
        for _step in ["Present", "Apologies", "Absent"][: ["Present", "Apologies", "Absent"].index(wanted[person])]:
            page.keyboard.press("ArrowRight")
        assert focused(page)["label"] == wanted[person]

    tab_until(page, lambda f: f["tag"] == "button" and f["text"] == "Save the register")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Register saved. Everyone is marked.")
    assert dict(Attendance.objects.filter(meeting=held).values_list("person__name", "status")) == {
        "Fran Facilitator": "present",
        "Morgan Member": "absent",
        "Priya Patel": "apologies",
    }
