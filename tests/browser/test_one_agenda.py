"""One agenda per meeting: scheduling no longer asks for a free-text agenda; the meeting page shows the agenda that
"Prepare the agenda" builds, and members see the same items once it is published."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cycle.models import AgendaItem
from sites.models import MembershipRole
from tests.browser.test_case_journey import sign_in
from tests.factories import MembershipFactory, SiteFactory


@pytest.fixture
def cp1(transactional_db):
    site = SiteFactory(code="CP1", town="Brighton")
    fran = MembershipFactory(site=site, role=MembershipRole.FACILITATOR, person__name="Fran Facilitator").person
    morgan = MembershipFactory(site=site, person__name="Morgan Member").person
    return site, fran, morgan


def test_the_meeting_has_one_agenda_from_scheduling_to_members(page, live_server, cp1):
    site, fran, morgan = cp1
    sign_in(page, live_server, fran.email)
    page.goto(f"{live_server.url}/sites/{site.pk}/meetings/new/")
    expect(page.get_by_label("Venue")).to_be_visible()
    expect(page.get_by_label("Agenda", exact=True)).to_have_count(0)  # no second, free-text agenda
    page.get_by_label("Date").fill((timezone.localdate() + timedelta(days=10)).isoformat())
    page.get_by_label("Start time").fill("14:00")
    page.get_by_label("End time").fill("16:00")
    page.get_by_role("button", name="Schedule the meeting").click()
    expect(page.get_by_role("status")).to_contain_text("Meeting scheduled for")

    agenda = page.locator("section", has=page.get_by_role("heading", name="Agenda"))
    expect(agenda).to_contain_text("Not published yet")
    meeting_url = page.url
    agenda.get_by_role("link", name="Prepare the agenda").click()
    page.get_by_label("New agenda item").fill("Housing team update")
    page.get_by_role("button", name="Add the item").click()
    expect(page.locator("#agenda-items")).to_contain_text("Housing team update")
    page.get_by_role("button", name="Publish the agenda to members").click()
    expect(page.get_by_role("status")).to_contain_text("Agenda published")

    page.goto(meeting_url)
    expect(agenda.get_by_role("listitem")).to_contain_text(["Guest speaker slot", "Housing team update"])
    expect(agenda).to_contain_text("Published")
    page.get_by_role("link", name="Change details").click()
    expect(page.get_by_label("Venue")).to_be_visible()
    expect(page.get_by_label("Agenda", exact=True)).to_have_count(0)

    # A member reads the same agenda on the meeting page.
    sign_in(page, live_server, morgan.email)
    page.goto(meeting_url)
    expect(agenda.get_by_role("listitem")).to_have_text(
        [item.title for item in AgendaItem.objects.filter(removed=False).order_by("position")]
    )
    expect(agenda.get_by_role("link", name="Prepare the agenda")).to_have_count(0)
