"""The facilitators' network (issue 23): a programme admin schedules a quarterly meeting, a facilitator finds it on
their home page and proposes an agenda item, and on the day the programme admin takes the register."""

import os
from datetime import timedelta
from pathlib import Path

from django.utils import timezone
from playwright.sync_api import expect

from network.models import NetworkMeeting
from sites.models import MembershipRole
from tests.browser.axe import scan
from tests.browser.test_case_journey import sign_in
from tests.factories import MembershipFactory, SiteFactory, UserFactory

SHOTS = Path(os.environ.get("SCREENSHOT_DIR", "screenshots")) / "network"


def look(page, name: str) -> list[dict]:
    """Screenshots at desk and phone width (for a person to look at, not committed), and axe's serious findings."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    return scan(page, name)


def test_admin_schedules_a_facilitator_proposes_an_item_and_the_admin_takes_the_register(
    browser, live_server, transactional_db
):
    page = browser.new_context(bypass_csp=True).new_page()  # axe is injected as a script
    admin = UserFactory(email="admin@example.org", name="Alex Admin", is_programme_admin=True)
    facilitator = MembershipFactory(
        site=SiteFactory(code="CP1"), role=MembershipRole.FACILITATOR, person__email="fac@example.org",
        person__name="Fran Facilitator",
    ).person  # fmt: skip
    MembershipFactory(site=SiteFactory(code="CP3", town="Colchester"), role=MembershipRole.FACILITATOR,
                      person__name="Sam Second")  # fmt: skip
    UserFactory(name="Kit Adviser", agency="Homeless Link")  # an advisory group member with an account
    day = timezone.localdate() + timedelta(days=21)
    problems = []

    sign_in(page, live_server, admin.email)
    page.get_by_role("region", name="Facilitators' network").get_by_role("link", name="All network meetings").click()
    problems += look(page, "index-empty")
    page.get_by_role("link", name="Schedule a network meeting").click()
    page.get_by_label("Quarterly facilitators' meeting").check()
    page.get_by_label("Date").fill(day.isoformat())
    page.get_by_label("Start time (UK time)").fill("10:00")
    page.get_by_label("End time (UK time)").fill("13:00")
    page.get_by_label("Venue (optional)").fill("Programme office, 2 Park Square, Leeds")
    page.get_by_label("Video link for joining online (optional)").fill("https://meet.example.org/quarterly")
    problems += look(page, "schedule")
    page.get_by_role("button", name="Schedule the meeting").click()
    expect(page.get_by_text("Meeting scheduled.")).to_be_visible()
    page.get_by_label("Add an item").fill("Recruitment across the sites")
    page.get_by_role("button", name="Add the item").click()
    expect(page.locator("#agenda-items")).to_contain_text("Recruitment across the sites")

    sign_in(page, live_server, facilitator.email)
    panel = page.get_by_role("region", name="Facilitators' network")
    expect(panel).to_contain_text("Quarterly facilitators' meeting")
    problems += look(page, "home-facilitator")
    panel.get_by_role("link", name=day.strftime("%A %-d %B %Y")).click()
    expect(page.get_by_role("link", name="Join the meeting online")).to_be_visible()
    expect(page.get_by_role("link", name="Take the register")).to_have_count(0)
    page.get_by_label("Propose an item").fill("Supervision for new facilitators")
    page.get_by_role("button", name="Propose the item").click()
    expect(page.get_by_text("Item added at the end of the agenda.")).to_be_visible()
    expect(page.locator("#agenda-items li").nth(1)).to_contain_text(
        "Supervision for new facilitators (proposed by Fran Facilitator)"
    )
    problems += look(page, "meeting-facilitator")

    # The day of the meeting comes.
    meeting = NetworkMeeting.objects.get()
    starts = timezone.localtime().replace(hour=0, minute=5, second=0, microsecond=0)
    NetworkMeeting.objects.filter(pk=meeting.pk).update(starts_at=starts, ends_at=starts + timedelta(hours=1))
    sign_in(page, live_server, admin.email)
    page.get_by_role("region", name="Facilitators' network").get_by_role("link", name="All network meetings").click()
    page.get_by_role("link", name=starts.strftime("%A %-d %B %Y")).click()
    page.get_by_role("link", name="Take the register").click()
    page.get_by_role("group", name="Fran Facilitator").get_by_text("Present").click()
    page.get_by_role("group", name="Sam Second").get_by_text("Apologies").click()
    page.get_by_role("group", name="Alex Admin").get_by_text("Present").click()
    problems += look(page, "register")
    page.get_by_role("button", name="Save the register").click()
    expect(page.get_by_text("Register saved: 3 people marked.")).to_be_visible()
    expect(page.get_by_text("Fran Facilitator (present)")).to_be_visible()
    expect(page.get_by_text("Sam Second (apologies)")).to_be_visible()

    # The record: started from the agenda, one item written up with an action.
    page.get_by_role("link", name="Start the record").click()
    page.get_by_role("button", name="Start the record").click()
    page.get_by_role("link", name="Record the discussion and actions for item 2").click()
    page.get_by_label("What was discussed").fill("New facilitators want monthly peer supervision.")
    page.get_by_label("Action agreed").fill("Set up a peer supervision pairing")
    page.get_by_label("Owner").select_option(label="Fran Facilitator")
    page.get_by_label("Due date").fill((timezone.localdate() + timedelta(days=30)).isoformat())
    problems += look(page, "record-entry")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved, with the new action.")).to_be_visible()
    page.get_by_role("link", name="Back to the record").click()
    page.get_by_role("button", name="Approve the record").click()
    expect(page.get_by_text("Record approved.")).to_be_visible()
    problems += look(page, "record")
    # The programme admin's other pages: naming an advisory group member, changing the meeting, the list.
    page.goto(f"{live_server.url}/network/{meeting.pk}/invitees/")
    page.get_by_label("Person to invite").select_option(label="Kit Adviser, Homeless Link")
    page.get_by_role("button", name="Invite").click()
    expect(page.get_by_text("Kit Adviser is invited to this meeting.")).to_be_visible()
    problems += look(page, "invitees")
    page.goto(f"{live_server.url}/network/{meeting.pk}/edit/")
    problems += look(page, "edit")
    page.goto(f"{live_server.url}/network/")
    problems += look(page, "index")
    assert problems == []
