"""A member replies "can't come" from the link in the meeting reminder, without signing in, and the facilitator's
register opens on the day with the apology marked and the member's note beside it."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from sites.models import Meeting, MeetingReply, MembershipRole
from sites.services.reminders import send_meeting_reminders
from tests.factories import PASSWORD, MeetingFactory, MembershipFactory, SiteFactory


@pytest.fixture
def cp1(transactional_db):
    site = SiteFactory(code="CP1", town="Brighton")
    facilitator = MembershipFactory(site=site, role=MembershipRole.FACILITATOR, person__name="Fran Facilitator").person
    morgan = MembershipFactory(site=site, person__name="Morgan Member").person
    meeting = MeetingFactory(site=site, starts_at=timezone.now() + timedelta(days=2), venue="Hove Library")
    return meeting, facilitator, morgan


def text_of(message) -> str:
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            return part.get_payload(decode=True).decode()
    return ""


def test_member_sends_apologies_from_the_reminder_and_the_register_opens_with_them(
    page, live_server, cp1, background_tasks
):
    meeting, facilitator, morgan = cp1
    send_meeting_reminders()
    background_tasks.wait_for(
        lambda: any(m["To"] == morgan.email for m in background_tasks.emails()), "The reminder was not sent"
    )
    reminder = next(m for m in background_tasks.emails() if m["To"] == morgan.email)
    link = re.search(r"Can't come: (\S+)", text_of(reminder)).group(1)
    assert link.startswith("http") and "answer=cant_come" in link

    # Morgan, on a phone and not signed in, opens the link: "Can't come" is already chosen; nothing is sent yet.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + urlsplit(link).path + "?" + urlsplit(link).query)  # the email names SITE_URL
    expect(page.get_by_role("heading", level=1)).to_contain_text("Are you coming")
    expect(page.get_by_text("Replying as Morgan Member")).to_be_visible()
    expect(page.get_by_label("Can't come")).to_be_checked()
    assert not MeetingReply.objects.exists()
    page.get_by_label("A note for your facilitator").fill("Covering the duty desk that afternoon")
    page.get_by_role("button", name="Send my reply").click()
    expect(page.get_by_role("status")).to_contain_text("your apologies are sent to your facilitator")

    # The day of the meeting comes (moved to this morning, as time passing would).
    this_morning = timezone.localtime().replace(hour=0, minute=5, second=0, microsecond=0)
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=this_morning, ends_at=this_morning + timedelta(hours=2))

    # Fran opens the register: Morgan is marked as apologies, with the note.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(facilitator.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/sites/meetings/{meeting.pk}/register/")
    line = page.get_by_role("group", name=re.compile("Morgan Member"))
    expect(line).to_contain_text("Replied: Can't come, “Covering the duty desk that afternoon”")
    expect(line.get_by_role("radio", name="Apologies")).to_be_checked()
    page.get_by_role("group", name=re.compile("Fran Facilitator")).locator("label", has_text="Present").click()
    page.get_by_role("button", name="Save the register").click()
    expect(page.get_by_role("status")).to_contain_text("Register saved. Everyone is marked.")
    assert dict(meeting.attendances.values_list("person__name", "status")) == {
        "Morgan Member": "apologies",
        "Fran Facilitator": "present",
    }
