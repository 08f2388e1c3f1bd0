from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from sites.models import Membership, MembershipRole, Site, SiteStatus, TargetDiscipline
from sites.services.sites import create_site, update_site
from tests.factories import MeetingFactory, MembershipFactory, UserFactory

SITE = {
    "code": "CP7",
    "name": "Hastings Community of Practice",
    "town": "Hastings",
    "host_organisation": "Hastings Voluntary Action",
    "start_date": date(2026, 1, 1),
    "status": SiteStatus.SETTING_UP,
}


def test_create_site_adds_facilitators_and_default_disciplines(programme_admin):
    fran = UserFactory(name="Fran")
    site = create_site(created_by=programme_admin, facilitators=[fran], **SITE)
    membership = Membership.objects.get(site=site, person=fran)
    assert membership.role == MembershipRole.FACILITATOR and membership.joined == date(2026, 1, 1)
    assert list(TargetDiscipline.objects.filter(site=site).values_list("name", "sector", "keywords")) == [
        ("Council housing officer", "local_authority", "housing"),
        ("NHS mental health practitioner", "nhs", "mental health, psychiatric, CPN, dual diagnosis"),
        ("Social worker, local authority adult social care", "local_authority", "social worker"),
    ]


def test_site_codes_are_unique_whatever_the_case(programme_admin, site):
    with pytest.raises(ValidationError) as taken:
        create_site(created_by=programme_admin, **SITE | {"code": "cp1"})
    assert taken.value.message_dict["code"] == [
        "The code CP1 is already used by another site. Choose a different code."
    ]


def test_closed_or_failed_sites_need_an_end_date_and_a_reason(programme_admin, site):
    with pytest.raises(ValidationError) as missing:
        update_site(site=site, changed_by=programme_admin, **SITE | {"code": "CP1", "status": SiteStatus.FAILED})
    assert set(missing.value.message_dict) == {"ended_on", "ended_reason"}
    update_site(
        site=site,
        changed_by=programme_admin,
        **SITE
        | {"code": "CP1", "status": SiteStatus.FAILED, "ended_on": date(2026, 4, 1), "ended_reason": "Too few members"},
    )
    site.refresh_from_db()
    assert (site.status, site.ended_on, site.ended_reason) == ("failed", date(2026, 4, 1), "Too few members")


def test_only_programme_admins_create_or_edit_sites(facilitator, site):
    with pytest.raises(PermissionDenied):
        create_site(created_by=facilitator, **SITE)
    with pytest.raises(PermissionDenied):
        update_site(site=site, changed_by=facilitator, **SITE | {"code": "CP1"})


def test_editing_facilitators_keeps_a_dropped_facilitator_as_a_member(programme_admin, site, facilitator):
    new = UserFactory()
    update_site(site=site, changed_by=programme_admin, facilitators=[new], **SITE | {"code": "CP1"})
    roles = dict(Membership.objects.filter(site=site, left__isnull=True).values_list("person_id", "role"))
    assert roles == {facilitator.pk: MembershipRole.MEMBER, new.pk: MembershipRole.FACILITATOR}


# Views
def form_data(**changes):
    data = {**SITE, "start_date": "2026-01-01", "ended_on": "", "ended_reason": ""}
    return data | changes


@pytest.mark.django_db
def test_admin_creates_a_site_through_the_form(client, programme_admin):
    fran = UserFactory(name="Fran Facilitator")
    client.force_login(programme_admin)
    assert "New site" in client.get(reverse("sites:list")).content.decode()
    response = client.post(reverse("sites:create"), form_data(facilitators=[fran.pk]))
    site = Site.objects.get(code="CP7")
    assert response.status_code == 302 and response["Location"] == reverse("sites:detail", args=[site.pk])
    assert Membership.objects.filter(site=site, person=fran, role="facilitator").exists()


@pytest.mark.django_db
def test_site_form_errors_are_clear(client, programme_admin, site):
    client.force_login(programme_admin)
    page = client.post(reverse("sites:create"), form_data(code="CP1")).content.decode()
    assert "The code CP1 is already used by another site." in page
    page = client.post(reverse("sites:create"), form_data(status="closed")).content.decode()
    assert "Select a valid choice" in page, "a site being created cannot have ended"
    assert not Site.objects.filter(code="CP7").exists()
    page = client.post(reverse("sites:edit", args=[site.pk]), form_data(code=site.code, status="closed")).content
    assert "Enter the date the site ended" in page.decode() and "Say why the site ended" in page.decode()


@pytest.mark.django_db
def test_admin_edits_a_site(client, programme_admin, site, facilitator):
    client.force_login(programme_admin)
    url = reverse("sites:edit", args=[site.pk])
    form = client.get(url).context["form"]
    assert list(form.initial["facilitators"]) == [facilitator]
    data = form_data(code="CP1", status="closed", ended_on="2026-06-30", ended_reason="Exhausted the group's knowledge")
    response = client.post(url, data | {"facilitators": [facilitator.pk]})
    assert response.status_code == 302
    site.refresh_from_db()
    assert site.status == "closed" and site.ended_reason == "Exhausted the group's knowledge"


@pytest.mark.django_db
def test_others_cannot_create_or_edit_sites(client, site, facilitator, member, outsider):
    for user in (facilitator, member):
        client.force_login(user)
        assert client.get(reverse("sites:create")).status_code == 403
        assert client.get(reverse("sites:edit", args=[site.pk])).status_code == 403
        assert "New site" not in client.get(reverse("sites:list")).content.decode()
    client.force_login(outsider)
    assert client.get(reverse("sites:edit", args=[site.pk])).status_code == 404


@pytest.mark.django_db
def test_site_page_uses_a_fixed_number_of_queries(client, site, facilitator, django_assert_max_num_queries):
    for n in range(12):
        m = MembershipFactory(site=site, person__job_title=f"Worker {n}")
        MeetingFactory(site=site)
        del m
    client.force_login(facilitator)
    with django_assert_max_num_queries(36):  # the menu's counts; next meeting, tasks, health, recruitment panels
        response = client.get(reverse("sites:detail", args=[site.pk]))
    assert len(response.context["memberships"]) == 13
