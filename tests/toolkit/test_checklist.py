from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sites.models import MembershipRole
from tests.factories import MembershipFactory, SiteFactory
from toolkit.models import DefaultChecklistItem, SiteChecklistItem
from toolkit.selectors import site_checklist
from toolkit.services.checklist import ensure_site_checklist

pytestmark = pytest.mark.django_db

REPORT_STEPS = [
    "Secure a senior sponsor in the host organisation",
    "Meet the managers of the agencies you will approach, in person",
    "Recruit 6 to 10 members across the sectors",
    "Involve two experts by experience from the outset, where appropriate",
    "Book a venue and refreshments within budget",
    "Hold a taster session",
    "Agree ground rules on confidentiality and information sharing",
    "Schedule at least six meetings",
    "Brief the knowledge brokers",
]


def titles(site) -> list[str]:
    return list(SiteChecklistItem.objects.filter(site=site).order_by("position").values_list("title", flat=True))


def test_default_steps_come_from_the_report_and_a_site_gets_them_once(site):
    assert list(DefaultChecklistItem.objects.in_use().values_list("title", flat=True)) == REPORT_STEPS
    ensure_site_checklist(site)
    ensure_site_checklist(site)
    assert titles(site) == REPORT_STEPS
    recruit = SiteChecklistItem.objects.get(site=site, title__startswith="Recruit")
    assert recruit.link == "#gaps-heading"


def test_site_page_shows_progress_and_links_recruiting_to_the_gaps_panel(client, site, member):
    ensure_site_checklist(site)
    SiteChecklistItem.objects.filter(site=site, position=0).update(done_on=timezone.localdate(), note="Our CEO")
    client.force_login(member)
    page = client.get(reverse("sites:detail", args=[site.pk])).content.decode()
    assert "1 of 9</strong> set-up steps done" in page
    assert 'href="#gaps-heading">Recruit 6 to 10 members across the sectors</a>' in page
    assert "Our CEO" in page
    # Members see progress read-only: no tick buttons, no documents.
    assert "/toolkit/sites/" not in page


def test_facilitator_ticks_and_unticks_a_step_with_a_note_and_date(client, site, facilitator):
    client.force_login(facilitator)
    client.get(reverse("sites:detail", args=[site.pk]))  # first view creates the checklist
    item = SiteChecklistItem.objects.get(site=site, title="Book a venue and refreshments within budget")
    url = reverse("toolkit:checklist_item", args=[site.pk, item.pk])
    day = timezone.localdate() - timedelta(days=3)

    response = client.post(url, {"done": "on", "done_on": day.isoformat(), "note": "Twelve came"})
    assert response.status_code == 302 and response["Location"].endswith("#setup-heading")
    item.refresh_from_db()
    assert (item.done_on, item.note, item.updated_by) == (day, "Twelve came", facilitator)

    client.post(url, {"done_on": day.isoformat(), "note": "Postponed to March"})
    item.refresh_from_db()
    assert item.done_on is None and item.note == "Postponed to March"


def test_a_step_cannot_be_ticked_with_a_future_date_or_no_date(client, site, programme_admin):
    ensure_site_checklist(site)
    item = SiteChecklistItem.objects.filter(site=site).first()
    client.force_login(programme_admin)
    url = reverse("toolkit:checklist_item", args=[site.pk, item.pk])
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(url, {"done": "on", "done_on": tomorrow.isoformat(), "note": "kept"})
    assert "The date cannot be in the future" in response.content.decode()
    assert response.context["form"]["note"].value() == "kept"  # nothing typed is lost
    response = client.post(url, {"done": "on", "done_on": ""})
    assert "Give the date the step was done" in response.content.decode()
    item.refresh_from_db()
    assert item.done_on is None


def test_member_cannot_tick_and_another_sites_facilitator_gets_a_404(client, site, other_site, member):
    ensure_site_checklist(site)
    item = SiteChecklistItem.objects.filter(site=site).first()
    url = reverse("toolkit:checklist_item", args=[site.pk, item.pk])
    client.force_login(member)
    assert client.get(url).status_code == 403
    assert client.post(url, {"done": "on", "done_on": timezone.localdate().isoformat()}).status_code == 403

    other_facilitator = MembershipFactory(site=other_site, role=MembershipRole.FACILITATOR).person
    client.force_login(other_facilitator)
    assert client.get(url).status_code == 404
    # Nor can they reach it through their own site's address.
    assert client.get(reverse("toolkit:checklist_item", args=[other_site.pk, item.pk])).status_code == 404
    item.refresh_from_db()
    assert item.done_on is None


def test_admin_edits_the_default_list_for_future_sites_only(client, site, programme_admin):
    ensure_site_checklist(site)
    client.force_login(programme_admin)
    url = reverse("toolkit:default_checklist")
    sponsor, managers, *_ = DefaultChecklistItem.objects.in_use()
    taster = DefaultChecklistItem.objects.get(title="Hold a taster session")

    client.post(url, {"title": "Register with the local safeguarding board", "guidance": "", "link": ""})
    client.post(
        reverse("toolkit:default_checklist_item", args=[sponsor.pk]),
        {"title": "Secure a named senior sponsor", "guidance": "Ask early.", "link": ""},
    )
    client.post(reverse("toolkit:default_checklist_item_action", args=[managers.pk, "up"]))
    client.post(reverse("toolkit:default_checklist_item_action", args=[taster.pk, "retire"]))

    assert titles(site) == REPORT_STEPS  # the existing site keeps its copy

    new_site = SiteFactory(code="CP7", town="Leeds")
    ensure_site_checklist(new_site)
    expected = [
        "Meet the managers of the agencies you will approach, in person",
        "Secure a named senior sponsor",
        *[step for step in REPORT_STEPS[2:] if step != "Hold a taster session"],
        "Register with the local safeguarding board",
    ]
    assert titles(new_site) == expected

    client.post(reverse("toolkit:default_checklist_item_action", args=[taster.pk, "restore"]))
    assert list(DefaultChecklistItem.objects.in_use().values_list("title", flat=True))[-1] == "Hold a taster session"


def test_default_list_link_must_be_an_anchor_a_path_or_https(client, programme_admin):
    client.force_login(programme_admin)
    response = client.post(reverse("toolkit:default_checklist"), {"title": "Step", "link": "javascript:alert(1)"})
    assert response.status_code == 200
    assert "starting with #" in response.content.decode()
    assert not DefaultChecklistItem.objects.filter(title="Step").exists()


def test_only_programme_admins_edit_the_default_list(client, facilitator, member):
    item = DefaultChecklistItem.objects.first()
    for user in (facilitator, member):
        client.force_login(user)
        assert client.get(reverse("toolkit:default_checklist")).status_code == 403
        assert (
            client.post(reverse("toolkit:default_checklist_item_action", args=[item.pk, "retire"])).status_code == 403
        )
    item.refresh_from_db()
    assert item.retired_at is None


def test_default_list_page_uses_a_fixed_number_of_queries(client, programme_admin, django_assert_max_num_queries):
    for n in range(10):
        DefaultChecklistItem.objects.create(title=f"Extra {n}", position=200 + n)
    client.force_login(programme_admin)
    with django_assert_max_num_queries(9):  # with the menu's counts
        response = client.get(reverse("toolkit:default_checklist"))
    assert len(response.context["items"]) == 19


def test_site_checklist_reports_progress(site):
    ensure_site_checklist(site)
    by_hand = SiteChecklistItem.objects.filter(site=site, source__answered_by_records="").order_by("position")
    SiteChecklistItem.objects.filter(pk__in=[item.pk for item in by_hand[:3]]).update(done_on=timezone.localdate())
    checklist = site_checklist(site)
    assert (checklist["done_count"], checklist["total"], checklist["percent"]) == (3, 9, 33)
