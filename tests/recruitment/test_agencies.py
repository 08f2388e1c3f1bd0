"""A site's agencies, their managers, each approach and the toolkit letter sent with it, the senior sponsor, and the
gaps panel saying which agency could supply each gap. Kept by the site's facilitators and programme admins only."""

from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditAction, AuditEvent
from recruitment.models import Agency, Approach, ApproachOutcome, SeniorSponsor
from recruitment.services.agencies import add_agency, add_agency_manager, record_approach
from sites.models import TargetDiscipline
from sites.services.sites import DEFAULT_TARGET_DISCIPLINES
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


class Text(HTMLParser):
    """The visible text of a page region and its links, parsed from the real HTML."""

    def __init__(self):
        super().__init__()
        self.text, self.links = [], []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs).get("href"))

    def handle_data(self, data):
        self.text.append(data)

    @classmethod
    def of(cls, html: str) -> "Text":
        parsed = cls()
        parsed.feed(html)
        return parsed

    @property
    def words(self) -> str:
        return " ".join("".join(self.text).split())


@pytest.fixture
def disciplines(site):
    for name, sector, keywords in DEFAULT_TARGET_DISCIPLINES:
        TargetDiscipline.objects.create(site=site, name=name, sector=sector, keywords=keywords)
    return {d.name: d for d in TargetDiscipline.objects.filter(site=site)}


def test_a_facilitator_adds_an_agency_a_manager_and_an_approach_with_the_toolkit_letter(
    client, site, facilitator, disciplines
):
    client.force_login(facilitator)
    social_work = disciplines["Social worker, local authority adult social care"]
    response = client.post(
        reverse("recruitment:agencies", args=[site.pk]),
        {
            "name": "  Brighton &  Hove adult social care ",
            "sector": "local_authority",
            "could_supply": [social_work.pk],
        },
    )
    agency = Agency.objects.get(site=site)
    assert response.status_code == 302 and response["Location"] == reverse(
        "recruitment:agency", args=[site.pk, agency.pk]
    )
    assert agency.name == "Brighton & Hove adult social care"
    assert list(agency.could_supply.all()) == [social_work]

    page = reverse("recruitment:agency", args=[site.pk, agency.pk])
    client.post(page, {"add_manager": "1", "name": "Dana Reid", "role": "Team manager", "email": "dana@bh.gov.uk"})
    manager = agency.managers.get()
    yesterday = timezone.localdate() - timedelta(days=1)
    client.post(page, {
        "add_approach": "1", "approached_on": yesterday.isoformat(), "made_by": "Fran Facilitator",
        "manager": manager.pk, "method": "letter", "letter": "invitation_letter", "outcome": "meeting_arranged",
        "next_step": "Meet the team manager in person", "next_step_by": (yesterday + timedelta(days=14)).isoformat(),
    })  # fmt: skip
    approach = Approach.objects.get()
    assert (approach.manager, approach.outcome, approach.letter) == (manager, "meeting_arranged", "invitation_letter")
    assert approach.recorded_by == facilitator

    shown = Text.of(client.get(page).content.decode())
    assert "Dana Reid, Team manager" in shown.words
    assert "Meeting arranged" in shown.words and "Meet the team manager in person" in shown.words
    # The letter links to the toolkit's own letter, filled in with this site's details.
    assert reverse("toolkit:document", args=[site.pk, "invitation_letter", "pdf"]) in shown.links
    assert AuditEvent.objects.filter(action=AuditAction.CREATED, target_type="recruitment.approach").count() == 1


def test_gaps_panel_names_the_agencies_that_could_supply_each_gap(client, site, facilitator, member, disciplines):
    housing = disciplines["Council housing officer"]
    add_agency(site=site, by=facilitator, name="Brighton housing options", could_supply=[housing])
    add_agency(site=site, by=facilitator, name="Homes for Sussex", could_supply=[housing])
    client.force_login(facilitator)
    html = client.get(reverse("sites:detail", args=[site.pk])).content.decode()
    gaps = html[html.index('id="gaps-heading"') : html.index("</section>", html.index('id="gaps-heading"'))]
    words = Text.of(gaps).words
    assert "Council housing officer Could come from: Brighton housing options; Homes for Sussex" in words
    assert "NHS mental health practitioner No agency recorded for it yet." in words
    # A member sees the gaps and where they could be filled from, but not the recruitment panel with contacts.
    client.force_login(member)
    html = client.get(reverse("sites:detail", args=[site.pk])).content.decode()
    assert "Could come from: Brighton housing options" in Text.of(html).words
    assert 'id="recruitment-heading"' not in html


def test_the_recruitment_panel_shows_sponsor_agencies_and_last_approach(client, site, facilitator):
    agency = add_agency(site=site, by=facilitator, name="Sussex Partnership NHS Trust")
    record_approach(agency=agency, by=facilitator, approached_on=timezone.localdate(), made_by="Fran",
                    method="phone", outcome=ApproachOutcome.RELEASING, next_step="Send the dates")  # fmt: skip
    client.force_login(facilitator)
    html = client.get(reverse("sites:detail", args=[site.pk])).content.decode()
    panel = Text.of(html[html.index('id="recruitment"') :]).words
    assert "Senior sponsor None yet" in panel
    assert "Sussex Partnership NHS Trust: agreed to release a worker" in panel
    assert "next: Send the dates" in panel


def test_the_sponsor_form_records_and_replaces_the_sponsor(client, site, facilitator):
    client.force_login(facilitator)
    url = reverse("recruitment:sponsor", args=[site.pk])
    assert 'value="Brighton Housing Trust"' in client.get(url).content.decode()  # the host organisation, to start
    today = timezone.localdate().isoformat()
    data = {"name": "Jo Okafor", "role": "Director of services", "agency": "Brighton Housing Trust", "agreed_on": today}
    assert client.post(url, data).status_code == 302
    client.post(url, {**data, "name": "Sam Patel"})
    assert SeniorSponsor.objects.get(site=site).name == "Sam Patel"
    events = AuditEvent.objects.filter(target_type="recruitment.seniorsponsor").values_list("action", flat=True)
    assert list(events.order_by("pk")) == [AuditAction.CREATED, AuditAction.CHANGED]


@pytest.mark.parametrize(
    ("url_name", "data", "error"),
    [
        ("sponsor", {"name": "Jo Okafor", "role": "Director", "agency": "BHT", "agreed_on": "2099-01-01"},
         "the date cannot be in the future"),
        ("sponsor", {"name": "Jo Okafor", "role": "", "agency": "BHT", "agreed_on": "not a date"},
         "Enter the sponsor"),
        ("agencies", {"name": "Adult social care"}, "already has an agency called"),
        ("agency", {"add_manager": "1", "name": "Dana Reid", "role": "Team manager"},
         "Enter an email address or a phone number"),
        ("agency", {"add_approach": "1", "approached_on": "2099-01-01", "made_by": "Fran Facilitator",
                    "method": "in_person", "outcome": "awaiting", "next_step": "Meet the team"},
         "cannot be in the future"),
    ],
)  # fmt: skip
def test_forms_explain_the_problem_and_keep_what_was_typed(client, site, facilitator, url_name, data, error):
    agency = add_agency(site=site, by=facilitator, name="Adult social care")
    args = [site.pk, agency.pk] if url_name == "agency" else [site.pk]
    client.force_login(facilitator)
    response = client.post(reverse(f"recruitment:{url_name}", args=args), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert error in html
    for field, value in data.items():
        if value and field not in ("add_manager", "add_approach", "method", "outcome"):
            assert f'value="{value}"' in html, field


def test_records_of_another_site_cannot_be_reached_or_mixed_in(client, site, other_site, facilitator, disciplines):
    theirs = add_agency(site=other_site, by=MembershipFactory(site=other_site, role="facilitator").person, name="X")
    client.force_login(facilitator)
    assert client.get(reverse("recruitment:agency", args=[site.pk, theirs.pk])).status_code == 404
    assert client.get(reverse("recruitment:agencies", args=[other_site.pk])).status_code == 404
    ours = add_agency(site=site, by=facilitator, name="Adult social care")
    their_manager = add_agency_manager(agency=theirs, by=theirs.added_by, name="Lee", email="lee@example.org")
    response = client.post(reverse("recruitment:agency", args=[site.pk, ours.pk]), {
        "add_approach": "1", "approached_on": timezone.localdate().isoformat(), "made_by": "Fran",
        "manager": their_manager.pk, "method": "phone", "outcome": "awaiting",
    })  # fmt: skip
    assert response.status_code == 200 and not Approach.objects.exists()
    other_discipline = TargetDiscipline.objects.create(site=other_site, name="Probation officer", keywords="probation")
    client.post(
        reverse("recruitment:agencies", args=[site.pk]), {"name": "Probation", "could_supply": [other_discipline.pk]}
    )
    assert not Agency.objects.filter(name="Probation").exists()


def test_the_agencies_page_asks_a_fixed_number_of_queries(
    client, site, facilitator, disciplines, django_assert_max_num_queries
):
    for n in range(8):
        agency = add_agency(site=site, by=facilitator, name=f"Agency {n}", could_supply=list(disciplines.values()))
        manager = add_agency_manager(agency=agency, by=facilitator, name=f"M{n}", email=f"m{n}@example.org")
        for _ in range(3):
            record_approach(agency=agency, by=facilitator, approached_on=timezone.localdate(), made_by="Fran",
                            method="email", outcome="awaiting", manager=manager)  # fmt: skip
    client.force_login(facilitator)
    with django_assert_max_num_queries(16):
        assert client.get(reverse("recruitment:agencies", args=[site.pk])).status_code == 200
    with django_assert_max_num_queries(45):
        assert client.get(reverse("sites:detail", args=[site.pk])).status_code == 200


def test_a_facilitator_changes_an_approach_as_the_agency_answers(client, site, other_site, facilitator, member):
    agency = add_agency(site=site, by=facilitator, name="Sussex Partnership NHS Trust")
    manager = add_agency_manager(agency=agency, by=facilitator, name="Dana Reid", email="dana@example.org")
    last_week = timezone.localdate() - timedelta(days=7)
    approach = record_approach(agency=agency, by=facilitator, approached_on=last_week, made_by="Fran",
                               method="email", outcome=ApproachOutcome.AWAITING)  # fmt: skip
    page = reverse("recruitment:agency", args=[site.pk, agency.pk])
    url = reverse("recruitment:approach", args=[site.pk, agency.pk, approach.pk])
    client.force_login(facilitator)
    assert url in Text.of(client.get(page).content.decode()).links
    form = client.get(url).content.decode()
    assert f'value="{last_week.isoformat()}"' in form and 'value="Fran"' in form  # what was recorded, to change

    response = client.post(url, {
        "approached_on": last_week.isoformat(), "made_by": "Fran", "method": "email", "manager": manager.pk,
        "letter": "invitation_letter", "outcome": "releasing", "next_step": "Send the meeting dates",
    })  # fmt: skip
    assert response.status_code == 302 and response["Location"] == page
    approach.refresh_from_db()
    assert (approach.outcome, approach.manager, approach.letter) == ("releasing", manager, "invitation_letter")
    assert approach.recorded_by == facilitator and Approach.objects.count() == 1
    event = AuditEvent.objects.get(action=AuditAction.CHANGED, target_type="recruitment.approach")
    assert "outcome" in event.detail and "next_step" in event.detail and "made_by" not in event.detail
    assert "Agreed to release a worker" in Text.of(client.get(page).content.decode()).words

    # The same rules as when it was recorded; what was typed stays on the page.
    response = client.post(url, {"approached_on": "2099-01-01", "made_by": "Fran", "method": "email",
                                 "outcome": "declined", "next_step": "Try again in spring"})  # fmt: skip
    html = response.content.decode()
    assert response.status_code == 200 and "cannot be in the future" in html and 'value="Try again in spring"' in html
    approach.refresh_from_db()
    assert approach.outcome == "releasing"

    # Another site's facilitator, a member, or the wrong agency in the address: nothing to see.
    theirs = add_agency(site=other_site, by=MembershipFactory(site=other_site, role="facilitator").person, name="X")
    assert client.get(reverse("recruitment:approach", args=[site.pk, theirs.pk, approach.pk])).status_code == 404
    assert client.get(reverse("recruitment:approach", args=[other_site.pk, agency.pk, approach.pk])).status_code == 404
    client.force_login(member)
    assert client.get(url).status_code == 403
