"""The call for host sites, from the report's competitive tender: a programme admin opens a call, organisations apply
through a public form (no account), reviewers score each application against each criterion, an awarded
application becomes a site, and every applicant hears the outcome once."""

import re
import uuid
from datetime import timedelta
from decimal import Decimal
from html import unescape

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from recruitment.models import ApplicationNotice, ApplicationStatus, HostSiteApplication, HostSiteCall
from recruitment.services import calls
from recruitment.tasks import send_application_notice
from sites.models import Invitation, SiteStatus
from toolkit.models import SiteChecklistItem
from toolkit.services.health import assess_site_health

pytestmark = pytest.mark.django_db

CRITERIA = "The facilitator's experience of setting up and running groups\nA senior sponsor\nA suitable venue"


@pytest.fixture(autouse=True)
def an_address_of_its_own(client):
    """Each test applies from an address of its own: the per-address limit counts in the cache, which on CI is Redis,
    shared with the other test processes (so it is not cleared)."""
    client.defaults["REMOTE_ADDR"] = f"2001:db8::{uuid.uuid4().hex[:4]}:{uuid.uuid4().hex[:4]}"


@pytest.fixture
def call(programme_admin):
    return calls.open_call(
        by=programme_admin, title="Host a community of practice in 2027", criteria=CRITERIA,
        closes_on=timezone.localdate() + timedelta(days=14), award=Decimal("6950.00"),
    )  # fmt: skip


def answers(n: int = 1, **changes) -> dict:
    return {
        "organisation": f"Calderdale Voluntary Action {n}", "town": "Halifax", "contact_name": "Ruth Ambler",
        "contact_email": f"ruth{n}@cva.example.org", "facilitator_name": "Imran Qureshi",
        "facilitator_email": f"imran{n}@cva.example.org",
        "facilitator_experience": "Set up and ran a peer support group for carers for three years.",
        "sectors": ["voluntary", "nhs"], "sponsor_name": "Helen Marsh", "sponsor_role": "Chief executive",
        "venue": "Square Chapel meeting room", **changes,
    }  # fmt: skip


def apply_through_the_form(client, call, **changes):
    return client.post(reverse("host_sites:apply", args=[call.pk]), answers(**changes))


def test_an_application_goes_from_the_public_form_to_a_site(
    client, call, programme_admin, django_capture_on_commit_callbacks
):
    # The outbox queues each email once its claim is committed: the callbacks run as a real commit would run them.
    with django_capture_on_commit_callbacks(execute=True):
        response = apply_through_the_form(client, call)
    assert response.status_code == 200 and "your application is sent" in response.content.decode()
    application = HostSiteApplication.objects.get()
    assert application.sectors == ["voluntary", "nhs"]
    [confirmation] = mail.outbox
    assert confirmation.to == ["ruth1@cva.example.org"]
    assert "Helen Marsh, Chief executive" in confirmation.body

    client.force_login(programme_admin)
    page = reverse("host_sites:application", args=[application.pk])
    assert "Set up and ran a peer support group" in client.get(page).content.decode()
    client.post(page, {"criterion_0": "5", "criterion_1": "4", "criterion_2": "3"})
    assert "4.0" in client.get(reverse("host_sites:call", args=[call.pk])).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("host_sites:decide", args=[application.pk, "award"]))
    application.refresh_from_db()
    site = application.site
    assert application.status == ApplicationStatus.AWARDED
    assert (site.town, site.host_organisation, site.status, site.award) == (
        "Halifax",
        "Calderdale Voluntary Action 1",
        SiteStatus.SETTING_UP,
        Decimal("6950.00"),
    )
    assert Invitation.objects.get(site=site).email == "imran1@cva.example.org"
    assert site.senior_sponsor.name == "Helen Marsh"
    sponsor_step = SiteChecklistItem.objects.get(site=site, title__startswith="Secure a senior sponsor")
    assert sponsor_step.is_done and "Helen Marsh" in sponsor_step.note
    venue_step = SiteChecklistItem.objects.get(site=site, title__startswith="Book a venue")
    assert not venue_step.is_done and "Square Chapel" in venue_step.note
    subjects = [message.subject for message in mail.outbox]
    assert "Calderdale Voluntary Action 1 will host the Halifax community of practice" in subjects
    # The new site is checked with the others and has its sponsor from the application.
    assert "no_senior_sponsor" not in {r["rule"] for r in assess_site_health(site=site).reasons}


def test_every_applicant_awarded_or_refused_is_told_the_outcome_once(
    client, call, programme_admin, django_capture_on_commit_callbacks
):
    for n in (1, 2, 3):
        apply_through_the_form(client, call, n=n)
    first, second, third = HostSiteApplication.objects.order_by("pk")
    mail.outbox.clear()
    client.force_login(programme_admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("host_sites:decide", args=[first.pk, "award"]))
        for refused in (second, third):
            client.post(reverse("host_sites:decide", args=[refused.pk, "refuse"]))
            client.post(reverse("host_sites:decide", args=[refused.pk, "refuse"]))  # a second click
            client.post(reverse("host_sites:decide", args=[refused.pk, "award"]))  # or a change of mind: refused
    refusals = [m for m in mail.outbox if m.subject == "Your application to host a community of practice"]
    assert sorted(m.to[0] for m in refusals) == ["ruth2@cva.example.org", "ruth3@cva.example.org"]
    awarded = [m for m in mail.outbox if m.to == ["ruth1@cva.example.org"]]
    assert [m.subject for m in awarded] == ["Calderdale Voluntary Action 1 will host the Halifax community of practice"]
    # A second click on "Award", or the worker running the outcome's task again, sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("host_sites:decide", args=[first.pk, "award"]))
    for notice in ApplicationNotice.objects.filter(kind="outcome"):
        send_application_notice(notice.pk)
    assert len(mail.outbox) == 3 + 1  # one outcome each, plus the facilitator's invitation
    assert ApplicationNotice.objects.filter(kind="outcome").count() == 3
    second.refresh_from_db()
    assert second.status == ApplicationStatus.REFUSED and second.site is None


def test_a_closed_call_refuses_applications_with_a_clear_message_and_keeps_what_was_typed(client, call):
    HostSiteCall.objects.filter(pk=call.pk).update(closes_on=timezone.localdate() - timedelta(days=1))
    page = client.get(reverse("host_sites:apply", args=[call.pk])).content.decode()
    assert "This call closed on" in page and "Send application" not in page
    response = apply_through_the_form(client, call)
    html = response.content.decode()
    assert response.status_code == 410
    assert "applications are no longer accepted" in html
    assert 'value="Calderdale Voluntary Action 1"' in html and "peer support group for carers" in html
    assert not HostSiteApplication.objects.exists() and mail.outbox == []


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("facilitator_experience", "Describe the facilitator's experience of running groups"),
        ("sectors", "Tick at least one sector your organisation can reach"),
        ("sponsor_name", "Name a senior sponsor"),
        ("contact_email", "Enter your email address"),
    ],
)
def test_the_public_form_explains_each_problem_and_keeps_what_was_typed(client, call, missing, message):
    data = answers()
    data[missing] = [] if missing == "sectors" else ""
    response = client.post(reverse("host_sites:apply", args=[call.pk]), data)
    html = unescape(response.content.decode())
    assert response.status_code == 200 and message in html
    for field in ("organisation", "venue", "facilitator_name"):
        if field != missing:
            assert f'value="{data[field]}"' in html
    if missing != "sectors":
        assert re.search(r'<input[^>]*value="nhs"[^>]*checked', html)
    assert not HostSiteApplication.objects.exists()


def test_the_public_form_is_limited_per_network_address(client, call, settings):
    for n in range(5):
        assert apply_through_the_form(client, call, n=n).status_code == 200
    response = apply_through_the_form(client, call, n=6)
    assert response.status_code == 429 and "too many applications from your network" in response.content.decode()
    assert HostSiteApplication.objects.count() == 5


def test_only_programme_admins_run_calls(client, call, facilitator, member, commissioner):
    for person in (facilitator, member, commissioner):
        client.force_login(person)
        assert client.get(reverse("host_sites:calls")).status_code == 403
        assert client.get(reverse("host_sites:call", args=[call.pk])).status_code == 403


def test_a_call_needs_criteria_and_a_closing_date_to_come(client, programme_admin):
    client.force_login(programme_admin)
    response = client.post(reverse("host_sites:calls"), {
        "title": "Host a community", "criteria": "  \n ", "closes_on": "2020-01-01", "award": "6950",
    })  # fmt: skip
    html = response.content.decode()
    assert "Write at least one criterion" in html and "The closing date has passed" in html
    assert not HostSiteCall.objects.exists()
