"""Choosing several sites or people works on a phone: ticked boxes with a search box for long lists, never
"Hold Ctrl"; a new site's form asks only what applies to a new site."""

from playwright.sync_api import expect

from tests.browser.test_case_journey import sign_in
from tests.factories import MembershipFactory, SiteFactory, UserFactory

TOWNS = ["Brighton", "Halifax", "Colchester", "Stoke", "Hamlets", "Workington", "Hastings", "Lewes", "Exeter", "Truro"]


def test_a_commissioner_finds_and_ticks_sites_on_a_phone(page, live_server, transactional_db):
    for number, town in enumerate(TOWNS, start=1):
        SiteFactory(code=f"CP{number}", town=town)
    commissioner = UserFactory(email="commissioner@example.org", is_commissioner=True)
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, live_server, commissioner.email)
    page.goto(f"{live_server.url}/digests/")

    main = page.get_by_role("main")
    expect(main).not_to_contain_text("Ctrl")
    page.get_by_label("Find a site").fill("trur")
    expect(page.get_by_label("CP10 Truro")).to_be_visible()
    expect(page.get_by_label("CP1 Brighton")).to_be_hidden()
    page.get_by_label("CP10 Truro").check()
    expect(main).to_contain_text("1 ticked · 1 of 10 shown")
    page.get_by_label("Find a site").fill("")
    expect(page.get_by_label("CP1 Brighton")).to_be_visible()
    page.get_by_role("button", name="Prepare the digest").click()
    expect(page.get_by_role("heading", name="Commissioner digest")).to_be_visible()
    expect(main).to_contain_text("Sites: CP10 Truro")


def test_a_new_site_offers_only_people_who_can_facilitate_and_no_end_date(page, live_server, transactional_db):
    admin = UserFactory(email="admin@example.org", is_programme_admin=True)
    UserFactory(name="Cam Commissioner", is_commissioner=True)
    UserFactory(name="Bo Broker", is_knowledge_broker=True)
    for n in range(9):
        UserFactory(name=f"Practitioner {n}", email=f"p{n}@example.org")
    sign_in(page, live_server, admin.email)
    page.goto(f"{live_server.url}/sites/new/")

    expect(page.get_by_label("Date it ended")).to_have_count(0)
    expect(page.get_by_label("Why it ended")).to_have_count(0)
    facilitators = page.get_by_role("group", name="Facilitators")
    expect(facilitators).to_contain_text("Practitioner 3")
    expect(facilitators).not_to_contain_text("Cam Commissioner")
    expect(facilitators).not_to_contain_text("Bo Broker")
    page.get_by_label("Find a person").fill("p7@")
    expect(page.get_by_label("Practitioner 3 (p3@example.org)")).to_be_hidden()
    page.get_by_label("Practitioner 7 (p7@example.org)").check()
    page.get_by_label("Code").fill("CP9")
    page.get_by_label("Name").fill("Exeter Community of Practice")
    page.get_by_label("Town").fill("Exeter")
    page.get_by_label("Host organisation").fill("Exeter CVS")
    page.get_by_role("button", name="Create site").click()
    expect(page.locator(".alert-success")).to_contain_text("CP9 Exeter Community of Practice created.")


def test_the_end_of_a_site_is_asked_only_when_it_has_ended(page, live_server, transactional_db):
    admin = UserFactory(email="admin@example.org", is_programme_admin=True)
    site = SiteFactory(code="CP4", status="active")
    MembershipFactory(site=site)
    sign_in(page, live_server, admin.email)
    page.goto(f"{live_server.url}/sites/{site.pk}/edit/")

    expect(page.get_by_label("Date it ended")).to_be_hidden()
    page.get_by_label("Status").select_option(label="Closed")
    expect(page.get_by_label("Date it ended")).to_be_visible()
    expect(page.get_by_label("Why it ended")).to_be_visible()
    page.get_by_label("Status").select_option(label="Active")
    expect(page.get_by_label("Why it ended")).to_be_hidden()
