"""The person's site roles, read once per request: which sites they facilitate that still run (the facilitators'
network asks it) comes from the memberships the home page read, with their sites, and from the database otherwise;
never from memberships read for roles that were forgotten since."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sites.models import Membership, MembershipRole, SiteStatus
from sites.rules import remember_site_roles, running_facilitated_site_ids, site_roles
from tests.factories import MembershipFactory, SiteFactory

pytestmark = pytest.mark.django_db


def read_memberships(person, *, with_sites: bool = True) -> list[Membership]:
    memberships = Membership.objects.current(timezone.localdate()).filter(person=person)
    return list(memberships.select_related("site") if with_sites else memberships)


@pytest.fixture
def closed_site():
    return SiteFactory(code="CP9", status=SiteStatus.CLOSED)


def test_running_sites_come_from_the_remembered_memberships_without_a_query(site, closed_site, facilitator):
    MembershipFactory(site=closed_site, person=facilitator, role=MembershipRole.FACILITATOR)
    remember_site_roles(facilitator, read_memberships(facilitator))
    with CaptureQueriesContext(connection) as queries:
        assert running_facilitated_site_ids(facilitator) == {site.pk}
    assert queries.captured_queries == []


def test_running_sites_are_asked_of_the_database_when_the_sites_were_not_read(site, closed_site, facilitator):
    MembershipFactory(site=closed_site, person=facilitator, role=MembershipRole.FACILITATOR)
    remember_site_roles(facilitator, read_memberships(facilitator, with_sites=False))
    with CaptureQueriesContext(connection) as queries:
        assert running_facilitated_site_ids(facilitator) == {site.pk}
    assert len(queries.captured_queries) == 1


def test_a_site_closed_after_the_roles_were_forgotten_is_not_taken_for_running(site, facilitator):
    remember_site_roles(facilitator, read_memberships(facilitator))
    assert running_facilitated_site_ids(facilitator) == {site.pk}
    site.status = SiteStatus.CLOSED
    site.save(update_fields=["status"])
    facilitator.__dict__.pop("_cop_site_roles")  # as toolkit's close_site does for the person who closed it
    assert site_roles(facilitator) == {site.pk: MembershipRole.FACILITATOR}  # read again: the membership is current
    assert running_facilitated_site_ids(facilitator) == set()


def test_only_facilitated_sites_count_and_a_commissioner_has_none(site, other_site, member, commissioner):
    MembershipFactory(site=site, person=commissioner, role=MembershipRole.FACILITATOR)  # held anyway: no role
    for person in (member, commissioner):
        remember_site_roles(person, read_memberships(person))
        assert running_facilitated_site_ids(person) == set()
    MembershipFactory(site=other_site, person=member, role=MembershipRole.FACILITATOR)
    remember_site_roles(member, read_memberships(member))
    assert running_facilitated_site_ids(member) == {other_site.pk}
