"""The accessibility statement (/accessibility/): the sections of the public-sector model statement, figures that
come from the test suite's own record, and a link to it from every page's footer."""

import json
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.urls import reverse

from cop.views import ACCESSIBILITY_RECORD
from tests import figures
from tests.browser import test_accessibility

MODEL_STATEMENT_SECTIONS = [
    "How accessible this service is",
    "Feedback, and content in another format",
    "Reporting accessibility problems with this service",
    "Enforcement procedure",
    "Technical information about this service's accessibility",
    "Compliance status",
    "Non-accessible content",
    "Non-compliance with the accessibility regulations",
    "Disproportionate burden",
    "Content that's not within the scope of the accessibility regulations",
    "What we're doing to improve accessibility",
    "Preparation of this accessibility statement",
]


class Page(HTMLParser):
    """The main text, its h2 and h3 headings, the links in the footer and the mailto links of a page."""

    def __init__(self, response):
        super().__init__()
        self.open, self.main, self.headings, self.footer_links, self.mailto = [], [], [], [], []
        self.feed(response.content.decode())
        self.text = " ".join("".join(self.main).split())

    def handle_starttag(self, tag, attrs):
        self.open.append(tag)
        href = dict(attrs).get("href") or ""
        if tag == "a" and "footer" in self.open:
            self.footer_links.append(href)
        if tag == "a" and href.startswith("mailto:"):
            self.mailto.append(href)
        if tag in ("h2", "h3") and "main" in self.open:
            self.headings.append("")

    def handle_endtag(self, tag):
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]

    def handle_data(self, data):
        if "main" in self.open:
            self.main.append(data)
            if self.open[-1] in ("h2", "h3"):
                self.headings[-1] += data


def text_of(response) -> str:
    return Page(response).text


@pytest.mark.django_db
def test_the_statement_is_public_and_follows_the_model_statement(client, settings):
    settings.ACCESSIBILITY_CONTACT_EMAIL = "access@council.example"
    response = client.get(reverse("accessibility"))
    assert response.status_code == 200
    page = Page(response)
    assert [" ".join(h.split()) for h in page.headings] == MODEL_STATEMENT_SECTIONS
    text = page.text
    assert "partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard" in text
    assert "Equality and Human Rights Commission (EHRC)" in text
    assert "Equality Commission for Northern Ireland" in text
    assert page.mailto == ["mailto:access@council.example"] * 2


@pytest.mark.django_db
def test_the_statement_quotes_the_recorded_test_run(client):
    record = json.loads(ACCESSIBILITY_RECORD.read_text())
    text = text_of(client.get(reverse("accessibility")))
    day = record["recorded_on"]
    assert f"last tested on {int(day[8:])} " in text and day[:4] in text
    assert f"axe-core {record['axe_core_version']}, which checks {record['rules']} rules" in text
    assert f"{record['page_scans']} page scans of {record['addresses']} different pages" in text
    assert f"as each of {record['roles']} kinds of user" in text
    assert f"It found {record['serious_or_critical']} serious or critical problem" in text
    assert f"{len(record['keyboard_journeys'])} journey" in text


@pytest.mark.django_db(transaction=True)
def test_the_record_matches_what_the_suite_scans_now():
    """When a page joins the axe scan (or axe-core is upgraded), the statement's figures are recorded again:
    `make accessibility-record`, then commit cop/accessibility_record.json."""
    record = json.loads(ACCESSIBILITY_RECORD.read_text())
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert record["page_scans"] == test_accessibility.planned_scans()
    assert record["widths"] == sorted(test_accessibility.WIDTHS.values(), reverse=True)
    assert record["roles"] == len(test_accessibility.ROLE_EMAILS) + 1
    assert record["serious_or_critical"] == 0
    if figures.AXE_PACKAGE.exists():
        assert record["axe_core_version"] == json.loads(figures.AXE_PACKAGE.read_text())["version"]
    browser_tests = "".join(
        path.read_text() for path in figures.ACCESSIBILITY_RECORD.parents[1].glob("tests/browser/*.py")
    )
    assert record["keyboard_journeys"]
    for journey in record["keyboard_journeys"]:
        assert f"def {journey}(" in browser_tests


@pytest.mark.django_db
def test_every_page_links_the_statement_beside_the_privacy_notice(client, member):
    def footer_links(path):
        return Page(client.get(path)).footer_links

    signed_out = [reverse("account_login"), reverse("privacy"), reverse("accessibility"), "/no-such-page/"]
    for path in signed_out:
        assert footer_links(path)[:2] == [reverse("privacy"), reverse("accessibility")], path
    client.force_login(member)
    for path in ["/", reverse("members:my_data"), reverse("accessibility"), "/no-such-page/", "/sites/new/"]:
        assert footer_links(path)[:2] == [reverse("privacy"), reverse("accessibility")], path
