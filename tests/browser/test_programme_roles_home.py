"""A commissioner and a programme admin open the product on a phone and see their own work first: the issues
waiting for a commissioner's response (each case once on the open-issues page), the sites on watch or at risk for
the admin; neither is shown lists of sites and meetings they do not belong to."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_role_navigation import demo_programme, sign_in  # noqa: F401 (the fixture)
from toolkit.models import HealthStatus, SiteHealth

pytestmark = pytest.mark.usefixtures("demo_programme")  # the demo programme, as each demo role sees it


def test_a_commissioner_starts_from_the_issues_waiting(page, live_server):
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, live_server, "commissioner@example.org")
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=2).first).to_have_text("Issues waiting for a response")
    expect(main).not_to_contain_text("My sites")
    expect(main).not_to_contain_text("My next meetings")
    page.get_by_role("link", name=re.compile(r"raises? issues for commissioners")).click()
    expect(page.get_by_role("heading", name="Issues for commissioners", exact=True)).to_be_visible()
    issues = page.locator(".issue-group li a")
    expect(issues.first).to_be_visible()
    targets = [link.get_attribute("href") for link in issues.all()]
    assert len(targets) == len(set(targets)), "each case is listed once, however many themes it raises"


def test_a_programme_admin_sees_the_sites_to_look_at(page, live_server):
    watched = SiteHealth.objects.select_related("site").order_by("site__code").first()
    SiteHealth.objects.filter(pk=watched.pk).update(
        status=HealthStatus.AT_RISK, reasons=[{"text": "No meeting for 90 days and none scheduled."}]
    )
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, live_server, "admin@example.org")
    attention = page.get_by_role("region", name="Sites to look at")
    expect(attention).to_contain_text(f"{watched.site.code} {watched.site.town}")
    expect(attention).to_contain_text("At risk")
    expect(attention).to_contain_text("No meeting for 90 days and none scheduled.")
    expect(page.get_by_role("main")).not_to_contain_text("My next meetings")
