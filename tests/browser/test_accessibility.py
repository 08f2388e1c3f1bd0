"""axe-core over the main pages, per role, at desktop and phone widths: no serious or critical violations."""

import pytest
from django.core.management import call_command

from cases.models import CommissionerIssue, Evidence, Question
from digests.demo import DEMO_CASES
from forum.demo import STOKE_TITLE
from forum.models import Thread
from newsletters.models import NewsletterIssue, NewsletterItem
from sites.demo import DEMO_PASSWORD
from sites.models import Meeting, Site
from tests.browser.axe import scan

WIDTHS = {"desktop": 1280, "phone": 390}
SIGNED_OUT_PATHS = [
    "/accounts/login/",
    "/accounts/password/reset/",
    "/people/invitations/not-a-token/",
    "/privacy/",
    "/accessibility/",
    "/newsletter/",
    "/newsletter/subscribe/",
]
ROLE_EMAILS = [
    "admin@example.org",
    "facilitator@example.org",
    "member@example.org",
    "broker@example.org",
    "commissioner@example.org",
]


def pages_for(role_email: str) -> list[str]:
    cp1 = Site.objects.get(code="CP1").pk
    held = Meeting.objects.filter(site_id=cp1).past().first().pk
    meeting = [f"/sites/meetings/{held}/", "/calendar/", f"/sites/meetings/{held}/record/", "/my-actions/"]
    upcoming = Meeting.objects.filter(site_id=cp1).upcoming().first().pk
    cycle = [f"/sites/meetings/{upcoming}/agenda/", f"/sites/{cp1}/series/", f"/sites/{cp1}/experts/"]
    cycle += [f"/sites/meetings/{upcoming}/guests/", f"/sites/meetings/{upcoming}/as-guest/"]
    managing = [f"/sites/meetings/{held}/register/", f"/sites/{cp1}/meetings/new/", f"/sites/meetings/{held}/move/"]
    sites_admin = [
        "/sites/new/",
        "/sites/matrix/",
        f"/people/sites/{cp1}/members/",
        f"/sites/{cp1}/targets/",
        "/sites/import/",
        f"/sites/{cp1}/budget/expenses/new/",
        "/people/me/data/",
    ]
    issue = NewsletterIssue.objects.get().pk
    newsletter_item = NewsletterItem.objects.filter(issue=issue).first().pk
    newsletter = [
        "/newsletter/manage/",
        f"/newsletter/manage/{issue}/",
        f"/newsletter/manage/{issue}/preview/members/",
        f"/newsletter/manage/items/{newsletter_item}/edit/",
        f"/newsletter/manage/{issue}/items/add/",
    ]
    # The last: the 404 page.
    common = ["/", "/accounts/2fa/", "/people/me/api-tokens/", "/people/me/organisation-sign-in/", "/no-such-page/"]
    open_issue = CommissionerIssue.objects.get(case__title=DEMO_CASES[1][1]).pk
    digests = ["/digests/", "/digests/issues/", f"/digests/issues/{open_issue}/"]
    item = Evidence.objects.order_by("pk").first().pk
    question = Question.objects.order_by("pk").first().pk
    library = ["/evidence/", f"/evidence/{item}/"]
    brokering = ["/evidence/questions/", f"/evidence/questions/{question}/", "/evidence/import/", "/evidence/new/"]
    stoke = Thread.objects.get(title=STOKE_TITLE)
    reply = stoke.posts.get(author__email="member@example.org").pk
    forum = ["/forum/", "/forum/programme/", f"/forum/threads/{stoke.pk}/", "/forum/programme/new/", "/forum/email/"]
    forum_site = [f"/forum/sites/{cp1}/", f"/forum/sites/{cp1}/new/", f"/forum/posts/{reply}/history/"]
    forum_member = [*forum, *forum_site, f"/forum/posts/{reply}/edit/"]
    moderating = ["/forum/moderation/", f"/forum/posts/{reply}/report/"]
    programme = ["/evaluation/dashboard/", "/evaluation/surveys/", "/toolkit/site-health/", "/cases/", "/repository/"]
    deliveries = [f"/newsletter/manage/{issue}/deliveries/"]
    return {
        "admin@example.org": common
        + ["/sites/", f"/sites/{cp1}/", "/people/invitations/", "/audit/", "/digests/", "/people/api-tokens/"]
        + programme
        + deliveries
        + sites_admin
        + newsletter
        + moderating,
        "facilitator@example.org": common
        + ["/sites/", f"/sites/{cp1}/", "/people/invitations/", "/evaluation/dashboard/", "/toolkit/site-health/"]
        + meeting
        + managing
        + cycle
        + library
        + forum_site
        + moderating,
        "member@example.org": common
        + ["/sites/", f"/sites/{cp1}/", "/toolkit/site-health/"]  # the last: the 403 page
        + meeting
        + library
        + forum_member,
        "broker@example.org": common + ["/sites/"] + newsletter + library + brokering + ["/forum/"],
        "commissioner@example.org": common + digests,
    }[role_email]


def planned_scans() -> int:
    """How many page scans the tests below make (on the demo programme): the figure the accessibility statement
    quotes is checked against it (tests/test_accessibility_statement.py)."""
    pages = len(SIGNED_OUT_PATHS) + sum(len(pages_for(email)) for email in ROLE_EMAILS)
    return pages * len(WIDTHS)


@pytest.fixture
def demo_programme(transactional_db):
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115


def scan_paths(page, base_url: str, paths: list[str], who: str) -> list[dict]:
    problems = []
    for name, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        for path in paths:
            page.goto(base_url + path)
            problems += scan(page, f"{path} as {who} ({name})")
    return problems


def test_signed_out_pages_have_no_serious_violations(browser, live_server, demo_programme):
    page = browser.new_context(bypass_csp=True).new_page()
    assert scan_paths(page, live_server.url, SIGNED_OUT_PATHS, "anonymous") == []


@pytest.mark.parametrize("email", ROLE_EMAILS)
def test_each_roles_pages_have_no_serious_violations(browser, live_server, demo_programme, email):
    page = browser.new_context(bypass_csp=True).new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server.url + "/")
    assert scan_paths(page, live_server.url, pages_for(email), email) == []
