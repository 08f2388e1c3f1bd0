from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from members.models import Sector
from sites.models import MembershipRole, TargetDiscipline
from sites.selectors.sites import site_page
from sites.services.sites import add_target_discipline, create_site, recruitment_gaps, set_target_size
from tests.factories import MembershipFactory


@pytest.fixture
def new_site(programme_admin):
    return create_site(
        created_by=programme_admin,
        code="CP7",
        name="Hastings Community of Practice",
        town="Hastings",
        host_organisation="Hastings Voluntary Action",
        start_date=date(2026, 1, 1),
        status="active",
    )


def add(site, title, sector, **person):
    return MembershipFactory(site=site, person__job_title=title, person__sector=sector, **person)


def test_empty_site_lacks_everything(new_site):
    gaps = recruitment_gaps(new_site)
    assert (gaps.group_size, gaps.target_min, gaps.target_max, gaps.size_status) == (0, 6, 10, "below")
    assert gaps.members_needed == 6
    assert gaps.missing_sectors == [
        "Voluntary Sector",
        "Local Authority",
        "NHS",
        "Criminal Justice & Police",
        "Experts by Experience",
    ]
    assert [d.name for d in gaps.unfilled] == [
        "Council housing officer",
        "NHS mental health practitioner",
        "Social worker, local authority adult social care",
    ]


def test_members_fill_sectors_and_disciplines_by_sector_and_keyword(new_site):
    add(new_site, "Senior Social Worker", Sector.LOCAL_AUTHORITY)
    add(new_site, "Community PSYCHIATRIC Nurse", Sector.NHS)
    add(new_site, "Housing Support Worker", Sector.VOLUNTARY)  # housing, but not local authority
    add(new_site, "Peer mentor", Sector.VOLUNTARY, person__expert_by_experience=True)
    gaps = recruitment_gaps(new_site)
    assert gaps.group_size == 4
    assert gaps.missing_sectors == ["Criminal Justice & Police"]
    assert [d.name for d in gaps.unfilled] == ["Council housing officer"]


def test_facilitators_and_former_members_do_not_count(new_site):
    add(new_site, "Housing Officer", Sector.LOCAL_AUTHORITY, role=MembershipRole.FACILITATOR)
    add(new_site, "Probation Officer", Sector.CRIMINAL_JUSTICE, left=date(2026, 1, 2), joined=date(2026, 1, 1))
    gaps = recruitment_gaps(new_site)
    assert gaps.group_size == 0
    assert "Criminal Justice & Police" in gaps.missing_sectors
    assert "Council housing officer" in [d.name for d in gaps.unfilled]


def test_target_size_is_editable_by_facilitators(site, facilitator, member):
    set_target_size(site=site, changed_by=facilitator, minimum=1, maximum=4)
    assert recruitment_gaps(site).size_status == "within"
    with pytest.raises(PermissionDenied):
        set_target_size(site=site, changed_by=member, minimum=2, maximum=3)


def test_discipline_with_any_sector_matches_on_keyword_only(site, facilitator):
    add_target_discipline(site=site, added_by=facilitator, name="Probation", sector="", keywords="probation, offender")
    add(site, "Offender Manager", Sector.CRIMINAL_JUSTICE)
    assert [d.name for d in recruitment_gaps(site).filled] == ["Probation"]


# Views
@pytest.mark.django_db
def test_gaps_panel_shows_to_the_sites_people_and_admins(client, site, facilitator, member, programme_admin):
    url = reverse("sites:detail", args=[site.pk])
    for user in (facilitator, member, programme_admin):
        client.force_login(user)
        page = client.get(url).content.decode()
        assert "Recruitment gaps" in page and "Group size: 1" in page
    client.force_login(member)
    assert "Change targets" not in client.get(url).content.decode()
    assert client.get(reverse("sites:targets", args=[site.pk])).status_code == 403


@pytest.mark.django_db
def test_facilitator_adds_and_removes_a_target_discipline(client, site, facilitator, outsider):
    client.force_login(facilitator)
    url = reverse("sites:targets", args=[site.pk])
    form = {"add_discipline": "1", "name": "Probation officer", "sector": "criminal_justice", "keywords": "probation"}
    assert client.post(url, form).status_code == 302
    discipline = TargetDiscipline.objects.get(site=site, name="Probation officer")
    page = client.get(reverse("sites:detail", args=[site.pk])).content.decode()
    assert "Probation officer" in page
    response = client.post(url, form)
    assert "already has a target discipline" in response.content.decode()
    assert client.post(reverse("sites:target_remove", args=[site.pk, discipline.pk])).status_code == 302
    assert not TargetDiscipline.objects.filter(pk=discipline.pk).exists()
    client.force_login(outsider)
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_facilitator_changes_target_size(client, site, facilitator):
    client.force_login(facilitator)
    url = reverse("sites:targets", args=[site.pk])
    response = client.post(url, {"save_size": "1", "minimum": "8", "maximum": "5"})
    assert "cannot be smaller" in response.content.decode()
    assert client.post(url, {"save_size": "1", "minimum": "5", "maximum": "8"}).status_code == 302
    site.refresh_from_db()
    assert (site.target_size_min, site.target_size_max) == (5, 8)


def test_the_site_pages_memberships_give_the_same_gaps_with_one_query_fewer(new_site, django_assert_num_queries):
    add(new_site, "Housing Officer", Sector.LOCAL_AUTHORITY, role=MembershipRole.FACILITATOR)  # not counted
    add(new_site, "Community psychiatric nurse", Sector.NHS)
    add(new_site, "Peer mentor", Sector.VOLUNTARY, person__expert_by_experience=True)
    add(new_site, "Probation Officer", Sector.CRIMINAL_JUSTICE, left=date(2026, 1, 2), joined=date(2026, 1, 1))
    memberships = site_page(new_site)["memberships"]
    with django_assert_num_queries(1):
        given = recruitment_gaps(new_site, memberships=memberships)
    read = recruitment_gaps(new_site)
    assert (
        (given.group_size, given.missing_sectors)
        == (read.group_size, read.missing_sectors)
        == (
            2,
            ["Local Authority", "Criminal Justice & Police"],
        )
    )
    assert given.filled == read.filled and given.unfilled == read.unfilled
