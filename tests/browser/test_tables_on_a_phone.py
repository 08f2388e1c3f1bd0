"""Tables and charts on a phone (390 px): every column of the cases list is on screen, chart text is at least 12 px
and no label is cut off, and the survey chart's colours match what they mean (agree green, disagree red) with a
pattern as well, so colour is not the only cue."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from cases.services import lifecycle
from evaluation.models import Survey
from evaluation.selectors import survey_results
from sites.demo import DEMO_PASSWORD
from tests.browser.test_case_journey import sign_in
from tests.factories import MembershipFactory, SiteFactory

PHONE = {"width": 390, "height": 844}
MIN_TEXT_PX = 12


def test_cases_list_shows_the_stage_of_every_case_on_a_phone(page, live_server, transactional_db):
    site = SiteFactory(code="CP1")
    member = MembershipFactory(site=site, person__name="Morgan Member").person
    for title in ["Weekend crises and repeated A&E attendance after discharge", "Eviction", "A carer's breakdown"]:
        case = lifecycle.create_case(site=site, by=member, title=title, presentation="A man in his forties.")
        lifecycle.share_case(case=case, by=member)
    page.set_viewport_size(PHONE)
    sign_in(page, live_server, member.email)
    page.goto(f"{live_server.url}/cases/")
    rows = page.get_by_role("table").get_by_role("row").filter(has=page.get_by_role("cell"))
    expect(rows).to_have_count(3)
    for index in range(3):
        stage = rows.nth(index).get_by_role("cell").nth(3)
        expect(stage).to_contain_text("Shared")
        badge = stage.locator(".badge")
        page.evaluate("y => window.scrollBy(0, y - 200)", badge.bounding_box()["y"])  # up or down, never sideways
        box = badge.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], f"row {index}: the stage is cut off"
        seen = page.evaluate("([x, y]) => document.elementFromPoint(x, y)?.textContent", [box["x"] + 4, box["y"] + 4])
        assert seen == "Shared with the site", f"row {index}: the stage is hidden ({seen!r} is there instead)"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways ({width} px)"


@pytest.fixture
def demo_programme(transactional_db):
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115


CHART_CHECK = """figure => {
    const svg = figure.querySelector('svg');
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const box = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')];
    const smallest = Math.min(...texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale));
    const cut = texts.filter(t => {
        const r = t.getBoundingClientRect();
        return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1);
    }).map(t => t.textContent);
    const labels = [...svg.querySelectorAll('text.chart-label')].map(
        t => [...t.querySelectorAll('tspan')].map(s => s.textContent).join(' ').replace(/- /g, ''));
    return {title: svg.querySelector('title').textContent, smallest, cut, labels};
}"""


def charts_on(page) -> list[dict]:
    figures = page.locator("figure.chart")
    expect(figures.first).to_be_visible()
    return [figures.nth(i).evaluate(CHART_CHECK) for i in range(figures.count())]


def test_charts_are_readable_on_a_phone_with_colours_that_mean_something(page, live_server, demo_programme):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("admin@example.org")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")

    survey = Survey.objects.get()
    for path in ["/evaluation/dashboard/", f"/evaluation/surveys/{survey.pk}/results/"]:
        page.goto(live_server.url + path)
        for chart in charts_on(page):
            assert chart["smallest"] >= MIN_TEXT_PX, f"{path} {chart['title']}: text {chart['smallest']:.1f} px"
            assert not chart["cut"], f"{path} {chart['title']}: cut off: {chart['cut']}"

    # Every statement is written out in full, and each answer reads as it means.
    statements = [s.question.text for s in survey_results(survey).statements if not s.withheld]
    chart = next(c for c in charts_on(page) if c["title"].startswith("Agreement"))
    assert chart["labels"] == statements
    legend = page.locator("figure.chart svg").filter(has_text="Disagree or strongly disagree").first
    fills = legend.evaluate(
        """svg => [...svg.querySelectorAll('rect[width="14"]')].map(swatch => {
            const fill = swatch.getAttribute('fill');
            const pattern = fill.startsWith('url(') ? svg.querySelector(fill.slice(4, -1)) : null;
            return {colour: pattern ? pattern.querySelector('rect').getAttribute('fill') : fill, patterned: !!pattern};
        })"""
    )
    agree, neither, disagree = fills

    def rgb(colour: str) -> tuple[int, int, int]:
        return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))

    assert rgb(agree["colour"])[1] > rgb(agree["colour"])[0], "agree is not green"
    assert rgb(disagree["colour"])[0] > rgb(disagree["colour"])[1], "disagree is not red"
    assert len({(f["colour"], f["patterned"]) for f in fills}) == 3
    assert [f["patterned"] for f in fills] == [False, True, True]  # a pattern, not colour alone, tells them apart
    assert re.search(r"\d+%", legend.inner_html())
