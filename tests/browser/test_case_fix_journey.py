"""A member writes a case with a name and an NHS number, lets "Fix all" replace them, checks the result, confirms,
sees "0 things to fix" and shares it; and the case form leads through the four parts in order (issue 21, point 9)."""

import os
from pathlib import Path

from playwright.sync_api import expect

from cases.models import Case, CaseStatus
from cases.services import lifecycle
from tests.browser.axe import scan
from tests.browser.test_case_journey import sign_in
from tests.factories import MembershipFactory, SiteFactory

SHOTS = Path(os.environ.get("SCREENSHOT_DIR", "screenshots")) / "case-fix"
PRESENTATION = (
    "Jade Hughes attends A&E most Saturdays after drinking.\n\n"
    "Her NHS number is 943 476 5919.\n\n"
    "What we tried:\n- a weekend plan\n- the crisis line"
)


def shoot(page, name: str) -> None:
    """Screenshots at desk and phone width, for a person to look at (not committed)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def write_case(page, live_server, email: str) -> None:
    sign_in(page, live_server, email)
    page.goto(f"{live_server.url}/cases/new/")
    page.get_by_label("Title").fill("Weekend crises")
    page.get_by_label("Challenging case").check()
    page.get_by_label("1. Presentation of the case").fill(PRESENTATION)
    page.get_by_role("button", name="Save draft").click()


def test_member_fixes_all_confirms_and_shares(page, live_server, transactional_db):
    site = SiteFactory(code="CP1", town="Brighton")
    member = MembershipFactory(site=site, person__email="member@example.org", person__name="Morgan Member").person

    write_case(page, live_server, member.email)
    panel = page.locator("#gate-panel")
    expect(panel.get_by_role("heading", name="2 things to fix")).to_be_visible()
    highlighted = panel.locator(".text-prewrap").first
    expect(highlighted).to_have_css("white-space", "pre-wrap")  # the three paragraphs and the list keep their lines
    expect(highlighted).to_contain_text("Her NHS number")
    assert highlighted.bounding_box()["height"] > 6 * 16
    expect(panel.get_by_role("button", name="Replace with “Person A”")).to_be_visible()
    expect(panel.get_by_role("button", name="Replace with “[NHS number removed]”")).to_be_visible()
    shoot(page, "1-edit-with-findings")

    panel.get_by_role("button", name="Fix all 2 for me").click()
    expect(page.get_by_role("heading", name="Check the result before it is saved")).to_be_visible()
    preview = page.locator(".fix-preview")
    expect(preview).to_contain_text("Person A attends A&E")
    expect(preview).to_contain_text("Her NHS number is [NHS number removed].")
    expect(preview).not_to_contain_text("Jade")
    expect(preview).to_have_css("white-space", "pre-wrap")
    shoot(page, "2-fix-all-preview")
    assert "Jade Hughes" in Case.objects.get().presentation  # nothing saved until confirmed

    page.get_by_role("button", name="Confirm and save").click()
    expect(page.get_by_role("heading", name="0 things to fix")).to_be_visible()
    expect(page.locator(".alert-success")).to_contain_text("2 replaced and your draft is saved")
    expect(page.get_by_label("1. Presentation of the case")).to_have_value(
        PRESENTATION.replace("Jade Hughes", "Person A").replace("943 476 5919", "[NHS number removed]")
    )
    shoot(page, "3-edit-clean")

    page.get_by_role("button", name="Save and share with the site").click()
    expect(page.locator(".alert-success")).to_contain_text("shared with the site's members")
    expect(page.get_by_text("Shared with the site", exact=True).first).to_be_visible()
    assert Case.objects.get().status == CaseStatus.SHARED


def test_the_case_form_leads_through_the_four_parts_to_sharing(page, live_server, transactional_db):
    site = SiteFactory(code="CP1", town="Brighton")
    member = MembershipFactory(site=site, person__email="member@example.org", person__name="Morgan Member").person

    write_case(page, live_server, member.email)
    # Saved with findings: one message where the person looks (the amber panel), not a green one above it.
    expect(page.locator(".alert-success")).to_have_count(0)
    expect(page.locator("#gate-panel")).to_contain_text("Your draft is saved")
    expect(page.locator(".case-step.is-current")).to_have_text("Personal data: 2 things to fix")
    expect(page.locator("#gate-panel")).not_to_contain_text("\u2022")  # no masked excerpts under the full text

    # The four parts in order, next steps in the same form, Save after part 4.
    parts = [
        page.get_by_label("1. Presentation of the case"),
        page.get_by_role("group", name="2. Next steps: suggestions for practical action"),
        page.get_by_label("3. Learning for improved practice"),
        page.get_by_label("4. Issues for commissioners"),
        page.get_by_role("button", name="Save changes"),
    ]
    tops = [part.bounding_box()["y"] for part in parts]
    assert tops == sorted(tops), tops

    # Adding a next step keeps what was typed in the other parts.
    page.get_by_label("3. Learning for improved practice").fill("A plan for weekends helped.")
    page.get_by_label("Add a next step").fill("Agree a weekend contact with the crisis team.")
    page.get_by_role("button", name="Add next step").click()
    expect(page.get_by_role("group", name="2. Next steps")).to_contain_text("Agree a weekend contact")
    expect(page.get_by_label("3. Learning for improved practice")).to_have_value("A plan for weekends helped.")
    shoot(page, "4-next-step-added")

    # One fix at a time, counting down, then Share is offered.
    page.get_by_role("button", name="Replace with “[NHS number removed]”").click()
    expect(page.locator(".case-step.is-current")).to_have_text("Personal data: 1 thing to fix")
    page.get_by_role("button", name="Replace with “Person A”").click()
    expect(page.get_by_role("heading", name="0 things to fix")).to_be_visible()
    expect(page.get_by_role("button", name="Save and share with the site")).to_be_visible()
    shoot(page, "5-ready-to-share")


def test_the_case_form_and_fix_all_pages_have_no_serious_violations(browser, live_server, transactional_db):
    site = SiteFactory(code="CP1", town="Brighton")
    member = MembershipFactory(site=site, person__email="member@example.org", person__name="Morgan Member").person
    with_findings = lifecycle.create_case(site=site, by=member, title="Weekend crises", presentation=PRESENTATION)
    lifecycle.add_action_item(case=with_findings, by=member, text="Ask Jade Hughes about the weekend plan.")
    clean = lifecycle.create_case(site=site, by=member, title="Clean", presentation="A man in his forties.")
    page = browser.new_context(bypass_csp=True).new_page()  # axe is injected as a script
    sign_in(page, live_server, member.email)
    problems = []
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        for path in (
            f"/cases/{with_findings.pk}/edit/",
            f"/cases/{with_findings.pk}/fix-all/",
            f"/cases/{clean.pk}/edit/",
            "/cases/new/",
        ):
            page.goto(live_server.url + path)
            expect(page.locator("h1")).to_be_visible()
            problems += scan(page, f"{path} ({width})")
    assert problems == []
