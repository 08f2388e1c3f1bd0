"""One date style per place, on every page a facilitator and a member use: "2 December 2026" in prose, dd/mm/yyyy in
tables. Walks the demo programme's pages as each of them and reads the dates in the HTML's text."""

import re
from html.parser import HTMLParser

import pytest
from django.core.management import call_command

from members.models import User
from sites.models import Meeting, Site

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
PROSE_DATE = re.compile(rf"\b\d{{1,2}} (?:{MONTHS}) \d{{4}}\b")
TABLE_DATE = re.compile(r"\b\d{2}/\d{2}/\d{4}\b")


class DatesByPlace(HTMLParser):
    """The dates written in table cells in prose style, and in prose in table style (text only, not attributes)."""

    def __init__(self):
        super().__init__()
        self.tables = 0
        self.captions = 0  # a table's caption is prose
        self.hidden = 0  # <script>, <style>, <template>, <textarea>: not read as page text
        self.wrong = []

    def handle_starttag(self, tag, attrs):
        self.tables += tag == "table"
        self.captions += tag == "caption"
        self.hidden += tag in ("script", "style", "textarea")

    def handle_endtag(self, tag):
        self.tables -= tag == "table"
        self.captions -= tag == "caption"
        self.hidden -= tag in ("script", "style", "textarea")

    def handle_data(self, data):
        if self.hidden:
            return
        in_table = self.tables and not self.captions
        if in_table and PROSE_DATE.search(data):
            self.wrong.append(f"in a table: {data.strip()[:80]}")
        if not in_table and TABLE_DATE.search(data):
            self.wrong.append(f"in prose: {data.strip()[:80]}")


@pytest.mark.django_db
def test_dates_are_in_prose_style_in_prose_and_table_style_in_tables(client):
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    cp1 = Site.objects.get(code="CP1").pk
    held = Meeting.objects.filter(site_id=cp1).past().first().pk
    upcoming = Meeting.objects.filter(site_id=cp1).upcoming().first().pk
    pages = ["/", "/sites/", f"/sites/{cp1}/", f"/sites/meetings/{held}/", f"/sites/meetings/{held}/record/",
             f"/sites/meetings/{upcoming}/agenda/", "/my-actions/", "/cases/", "/repository/", "/evidence/",
             "/forum/", f"/people/sites/{cp1}/members/", "/calendar/"]  # fmt: skip
    facilitating = ["/sites/matrix/", "/evaluation/dashboard/", "/people/invitations/", "/toolkit/site-health/",
                    f"/sites/meetings/{held}/register/", f"/sites/{cp1}/series/",
                    f"/evaluation/sites/{cp1}/"]  # fmt: skip
    wrong = []
    for email, paths in (("member@example.org", pages), ("facilitator@example.org", pages + facilitating)):
        client.force_login(User.objects.get(email=email))
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, (email, path)
            parser = DatesByPlace()
            parser.feed(response.content.decode())
            wrong += [f"{path} as {email}: {problem}" for problem in parser.wrong]
    assert wrong == [], "\n".join(wrong)
