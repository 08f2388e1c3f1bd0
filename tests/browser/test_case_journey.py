"""A case from draft to the repository: the member drafts it and fixes what the gate finds, the facilitator records
the discussion, the member reports follow-up, the facilitator writes it up and publishes it, and anyone signed in
finds it by search."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from cases.models import Theme
from sites.models import MembershipRole
from tests.factories import PASSWORD, MeetingFactory, MembershipFactory, SiteFactory, at


def sign_in(page, live_server, email: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")


def test_case_journey_from_draft_to_repository(page, live_server, transactional_db):
    Theme.objects.get_or_create(name="Weekend crises")  # seeded by a migration, but flushed by earlier browser tests
    site = SiteFactory(code="CP1")
    member = MembershipFactory(site=site, person__email="member@example.org", person__name="Morgan Member").person
    MembershipFactory(
        site=site, role=MembershipRole.FACILITATOR, person__email="fac@example.org", person__name="Fran Facilitator"
    )
    today = timezone.localdate()
    MeetingFactory(site=site, starts_at=at(today - timedelta(days=40)), venue="Discussion room")
    MeetingFactory(site=site, starts_at=at(today - timedelta(days=10)), venue="Follow-up room")

    # The member drafts a case with an NHS number in it.
    sign_in(page, live_server, member.email)
    page.get_by_role("link", name="Cases").first.click()
    page.get_by_role("link", name="Write a new case").click()
    page.get_by_label("Title").fill("Weekend crises and hoarding")
    page.get_by_label("Challenging case").check()
    page.get_by_label("Weekend crises").check()
    page.get_by_label("1. Presentation of the case").fill(
        "He attends A&E most Saturdays. NHS number 943 476 5919. Nobody in the community hears until Monday."
    )
    page.get_by_role("button", name="Save draft").click()
    mark = page.locator("mark.finding").first
    assert "943 476 5919" in mark.inner_text()
    assert "NHS number" in page.locator(".finding-item").first.inner_text()

    # Sharing is refused until the text is fixed.
    page.get_by_role("link", name="Back to the case").click()
    page.get_by_role("button", name="Share with the site").click()
    assert "cannot be shared while it may contain personal data" in page.locator(".alert-danger").inner_text()
    page.get_by_role("link", name="Edit").click()
    page.get_by_label("1. Presentation of the case").fill(
        "He attends A&E most Saturdays. Nobody in the community hears until Monday."
    )
    page.get_by_role("button", name="Save changes").click()
    assert page.locator("mark.finding").count() == 0
    page.get_by_role("link", name="Back to the case").click()
    page.get_by_role("button", name="Share with the site").click()
    assert "Shared with the site" in page.locator(".alert-success").inner_text()

    # The facilitator records the discussion, the follow-up, writes it up and publishes it.
    sign_in(page, live_server, "fac@example.org")
    page.get_by_role("link", name="Cases").first.click()
    page.get_by_role("link", name="Weekend crises and hoarding").click()
    page.get_by_role("link", name="Record the discussion").click()
    discussion = page.locator("option", has_text="Discussion room").get_attribute("value")
    page.get_by_label("Meeting where the case was discussed").select_option(value=discussion)
    page.get_by_role("button", name="Save").click()

    # At a later meeting the member reports what happened.
    sign_in(page, live_server, member.email)
    page.get_by_role("link", name="Cases").first.click()
    page.get_by_role("link", name="Weekend crises and hoarding").click()
    page.get_by_role("link", name="Record follow-up").click()
    page.get_by_label("What happened since the discussion").fill("A weekend plan is in place; no A&E visit since.")
    page.get_by_label("Prevention: a crisis was avoided").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("A weekend plan is in place; no A&E visit since.")).to_be_visible()

    sign_in(page, live_server, "fac@example.org")
    page.get_by_role("link", name="Cases").first.click()
    page.get_by_role("link", name="Weekend crises and hoarding").click()
    page.get_by_role("link", name="Write up as a learning object").click()
    page.get_by_label("Summary of the learning").fill("A shared weekend plan prevented repeated A&E attendance.")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Publish to the repository").click()
    assert "Published to the programme's repository" in page.locator(".alert-success").inner_text()

    # It is found by search in the repository, without the presenter's name.
    page.get_by_role("link", name="Repository").first.click()
    page.get_by_role("main").get_by_role("searchbox", name="Search").fill("hoarding")  # the repository's own box
    page.get_by_role("main").get_by_role("button", name="Search", exact=True).click()
    page.get_by_role("link", name="Weekend crises and hoarding").click()
    main = page.get_by_role("main")
    expect(main).to_contain_text("Prevention: a crisis was avoided")
    assert "Morgan Member" not in main.inner_text()
