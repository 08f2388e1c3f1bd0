from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from members.models import User
from sites.models import Membership, MembershipRole
from sites.services.memberships import add_member, change_membership_role, end_membership
from tests.factories import MembershipFactory, UserFactory

NEW_PERSON = {
    "name": "Priya Shah",
    "job_title": "Approved Mental Health Professional",
    "agency": "City Council",
    "sector": "local_authority",
    "expert_by_experience": False,
}


def test_facilitator_adds_a_new_person_without_a_password(site, facilitator):
    membership = add_member(site=site, added_by=facilitator, email="Priya@Example.org", details=NEW_PERSON)
    person = membership.person
    assert person.email == "priya@example.org" and person.job_title == "Approved Mental Health Professional"
    assert not person.has_usable_password()
    assert membership.role == MembershipRole.MEMBER and membership.joined == timezone.localdate()


def test_an_existing_person_is_found_by_email_and_keeps_their_details(site, facilitator, outsider):
    membership = add_member(
        site=site, added_by=facilitator, email=outsider.email.upper(), details={"name": "Someone else"}
    )
    assert membership.person == outsider
    assert User.objects.get(pk=outsider.pk).name == "Olly Outsider"


def test_adding_needs_a_name_for_someone_new_and_refuses_duplicates(site, facilitator, member):
    with pytest.raises(ValidationError) as no_name:
        add_member(site=site, added_by=facilitator, email="new@example.org", details={})
    assert "Enter the person's name" in no_name.value.message_dict["name"][0]
    with pytest.raises(ValidationError, match="already a member of CP1"):
        add_member(site=site, added_by=facilitator, email=member.email)


def test_only_this_sites_facilitators_and_admins_manage_members(site, other_site, member, outsider, programme_admin):
    other_facilitator = MembershipFactory(site=other_site, role=MembershipRole.FACILITATOR).person
    for user in (member, other_facilitator):
        with pytest.raises(PermissionDenied):
            add_member(site=site, added_by=user, email="x@example.org", details={"name": "X"})
    assert add_member(site=site, added_by=programme_admin, email="x@example.org", details={"name": "X"}).pk


def test_end_membership_records_date_and_reason(site, facilitator, member):
    membership = Membership.objects.get(person=member)
    with pytest.raises(ValidationError):
        end_membership(membership=membership, ended_by=facilitator, left=timezone.localdate(), reason=" ")
    with pytest.raises(ValidationError, match="cannot be before they joined"):
        end_membership(
            membership=membership, ended_by=facilitator, left=membership.joined - timedelta(days=1), reason="moved job"
        )
    end_membership(membership=membership, ended_by=facilitator, left=timezone.localdate(), reason="moved job")
    membership.refresh_from_db()
    assert membership.left == timezone.localdate() and membership.left_reason == "moved job"
    assert not Membership.objects.current().filter(person=member).exists()


def test_change_role_keeps_at_least_one_facilitator(site, facilitator, member, programme_admin):
    fran = Membership.objects.get(person=facilitator)
    morgan = Membership.objects.get(person=member)
    with pytest.raises(ValidationError, match="at least one facilitator"):
        change_membership_role(membership=fran, changed_by=facilitator, role=MembershipRole.MEMBER)
    change_membership_role(membership=morgan, changed_by=facilitator, role=MembershipRole.FACILITATOR)
    change_membership_role(membership=fran, changed_by=facilitator, role=MembershipRole.MEMBER)
    assert Membership.objects.get(pk=fran.pk).role == MembershipRole.MEMBER
    with pytest.raises(PermissionDenied):
        change_membership_role(membership=morgan, changed_by=User.objects.get(pk=facilitator.pk), role="member")


# Views
@pytest.mark.django_db
def test_facilitator_adds_a_member_through_the_form(client, site, facilitator):
    client.force_login(facilitator)
    data = NEW_PERSON | {"email": "priya@example.org", "role": "member", "joined": "2026-02-01"}
    response = client.post(reverse("memberships:add_member", args=[site.pk]), data)
    assert response.status_code == 302
    membership = Membership.objects.get(person__email="priya@example.org")
    assert membership.site == site and membership.joined == date(2026, 2, 1)
    page = client.get(reverse("memberships:site_members", args=[site.pk])).content.decode()
    assert "Priya Shah" in page


@pytest.mark.django_db
def test_members_panel_shows_details_badges_and_actions_for_facilitators(client, site, facilitator, member):
    MembershipFactory(site=site, person__name="Eve Expert", person__expert_by_experience=True)
    url = reverse("sites:detail", args=[site.pk])
    client.force_login(facilitator)
    page = client.get(url).content.decode()
    assert "Expert by experience" in page and "Housing Support Worker" in page and "St Mungo" in page
    assert "Voluntary Sector" in page and "End membership" in page and "Add a member" in page
    client.force_login(member)
    page = client.get(url).content.decode()
    assert "Eve Expert" in page and "End membership" not in page and "Add a member" not in page


@pytest.mark.django_db
def test_facilitator_ends_a_membership_and_it_moves_to_former_members(client, site, facilitator, member):
    client.force_login(facilitator)
    membership = Membership.objects.get(person=member)
    url = reverse("memberships:end_membership", args=[membership.pk])
    page = client.post(url, {"left": timezone.localdate().isoformat(), "reason": ""}).content.decode()
    assert "This field is required" in page
    assert client.post(url, {"left": timezone.localdate().isoformat(), "reason": "moved job"}).status_code == 302
    response = client.get(reverse("memberships:site_members", args=[site.pk]))
    assert [m.person for m in response.context["former"]] == [member]
    assert "moved job" in response.content.decode()


@pytest.mark.django_db
def test_facilitator_changes_a_role(client, site, facilitator, member):
    client.force_login(facilitator)
    membership = Membership.objects.get(person=member)
    response = client.post(reverse("memberships:change_role", args=[membership.pk]), {"role": "facilitator"})
    assert response.status_code == 302
    assert Membership.objects.get(pk=membership.pk).role == MembershipRole.FACILITATOR


@pytest.mark.django_db
def test_who_may_not_manage_members(client, site, facilitator, member, outsider, broker):
    membership = Membership.objects.get(person=member)
    client.force_login(member)
    assert client.get(reverse("memberships:add_member", args=[site.pk])).status_code == 403
    assert client.get(reverse("memberships:end_membership", args=[membership.pk])).status_code == 403
    assert client.get(reverse("memberships:site_members", args=[site.pk])).status_code == 200
    client.force_login(outsider)
    assert client.get(reverse("memberships:site_members", args=[site.pk])).status_code == 404
    assert client.get(reverse("memberships:add_member", args=[site.pk])).status_code == 404
    assert client.post(reverse("memberships:change_role", args=[membership.pk]), {"role": "member"}).status_code == 404
    client.force_login(broker)
    assert client.get(reverse("memberships:add_member", args=[site.pk])).status_code == 403


@pytest.mark.django_db
def test_members_page_uses_a_fixed_number_of_queries(client, site, facilitator, django_assert_max_num_queries):
    for n in range(15):
        MembershipFactory(site=site, left=timezone.localdate() if n % 3 == 0 else None, person=UserFactory())
    client.force_login(facilitator)
    with django_assert_max_num_queries(11):  # with the menu's counts
        response = client.get(reverse("memberships:site_members", args=[site.pk]))
    assert len(response.context["current"]) + len(response.context["former"]) == 16
