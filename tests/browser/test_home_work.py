"""The home page knows each role's real work. A facilitator on a phone sees the register still to take at the top,
with its count on the menu, and goes straight to it; a member at a desk sees what to fix in their case, the action
they own and the answer to their question, with counts on the menu."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from cases.models import Question, QuestionStatus
from cases.services import lifecycle
from tests.browser.test_case_journey import sign_in
from tests.browser.test_setup_checklist import default_steps  # noqa: F401 (the fixture)
from tests.factories import MeetingFactory, at
from tests.home.test_home_page import NHS_TEXT, approved_action
from toolkit.services.checklist import ensure_site_checklist

TODAY = timezone.localdate()


def test_facilitator_on_a_phone_goes_from_home_to_the_register_to_take(
    page, live_server, default_steps, site, facilitator, member  # noqa: F811
):
    ensure_site_checklist(site)
    last_week = MeetingFactory(site=site, starts_at=at(TODAY - timedelta(days=7)))
    MeetingFactory(site=site, starts_at=at(TODAY + timedelta(days=21)))
    shared = lifecycle.create_case(site=site, by=member, title="Weekend crises", presentation="A man in his forties.")
    lifecycle.share_case(case=shared, by=member)
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, live_server, facilitator.email)

    waiting = page.locator("section[aria-labelledby=waiting]")
    day = last_week.local_date
    take = waiting.get_by_role("link", name=f"Take the register of CP1's meeting on {day.day} {day:%B %Y}")
    expect(take).to_be_visible()
    running = page.locator("section", has=page.get_by_role("heading", name="Running CP1"))
    expect(running).to_contain_text("No agenda yet.")
    expect(running.get_by_role("link", name="Weekend crises")).to_be_visible()
    expect(running).to_contain_text("9 set-up steps still to do")

    page.get_by_role("button", name="Show or hide the menu").click()
    expect(page.locator("#main-nav").get_by_role("link", name="Sites 1 waiting for you")).to_be_visible()
    take.click()
    expect(page).to_have_url(f"{live_server.url}/sites/meetings/{last_week.pk}/register/")


def test_member_at_a_desk_sees_what_to_fix_their_actions_and_answers(page, live_server, site, member, broker):
    lifecycle.create_case(site=site, by=member, title="Draft with a number", presentation=NHS_TEXT)
    held = MeetingFactory(site=site, starts_at=at(TODAY - timedelta(days=7)))
    approved_action(held, member, text="Ask the GP about a weekend plan")
    shared = lifecycle.create_case(site=site, by=member, title="Weekend crises", presentation="A man in his forties.")
    lifecycle.share_case(case=shared, by=member)
    Question.objects.create(
        case=shared, asked_by=member, text="Is there evidence on weekend crisis plans?", status=QuestionStatus.ANSWERED,
        reply="Yes: see the review.", answered_by=broker, answered_at=timezone.now(),
    )  # fmt: skip
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, live_server, member.email)

    waiting = page.locator("section[aria-labelledby=waiting]")
    expect(waiting.get_by_role("link", name="1 thing to fix in your cases before sharing")).to_be_visible()
    expect(waiting.get_by_role("link", name="1 action you own is open")).to_be_visible()
    work = page.locator("section[aria-labelledby=my-work]")
    expect(work.locator("li", has_text="Draft with a number")).to_contain_text("1 thing to fix")
    expect(work).to_contain_text("Ask the GP about a weekend plan")
    expect(work.get_by_role("link", name="Is there evidence on weekend crisis plans?")).to_be_visible()
    nav = page.locator("#main-nav")
    expect(nav.get_by_role("link", name="Cases 1 waiting for you")).to_be_visible()
    expect(nav.get_by_role("link", name="My actions 1 waiting for you")).to_be_visible()
    work.get_by_role("link", name="Is there evidence on weekend crisis plans?").click()
    expect(page.locator("#evidence")).to_contain_text("Yes: see the review.")
