import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from members.models import User
from sites.models import Invitation, InvitationRole, Membership, MembershipRole
from sites.services import invitations as services
from tests.factories import PASSWORD, UserFactory

NEW_PASSWORD = "a-long-new-passphrase"


def _link_from_email() -> str:
    return re.search(r"http://\S+/people/invitations/\S+/", mail.outbox[-1].body).group(0)


def _path(url: str) -> str:
    return url.split("8000", 1)[1]


def _account_details(**overrides):
    return {
        "name": "Nia Newcomer",
        "job_title": "Community Psychiatric Nurse",
        "agency": "NHS Trust",
        "sector": "nhs",
        "password": NEW_PASSWORD,
        "password_again": NEW_PASSWORD,
        **overrides,
    }


@pytest.mark.django_db(transaction=True)
def test_facilitator_invites_a_member_who_creates_an_account(client, site, facilitator):
    client.force_login(facilitator)
    response = client.post(
        reverse("memberships:invitations"), {"email": "Nia@Example.org", "role": "member", "site": site.pk}
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nia@example.org"]
    assert "Brighton" in mail.outbox[0].subject
    assert mail.outbox[0].alternatives[0][1] == "text/html"

    client.logout()
    link = _path(_link_from_email())
    page = client.get(link)
    assert page.status_code == 200
    assert "nia@example.org" in page.content.decode()

    response = client.post(link, _account_details())
    assert response.status_code == 302
    user = User.objects.get(email="nia@example.org")
    assert user.check_password(NEW_PASSWORD)
    assert user.sector == "nhs"
    assert Membership.objects.filter(site=site, person=user, role=MembershipRole.MEMBER).exists()
    assert client.get(reverse("home")).status_code == 200  # signed in


@pytest.mark.django_db(transaction=True)
def test_reused_invitation_is_refused_with_a_clear_message(client, site, facilitator):
    sent = services.invite_person(invited_by=facilitator, email="once@example.org", role="member", site=site)
    link = _path(sent.url)
    assert client.post(link, _account_details()).status_code == 302
    client.logout()

    response = client.get(link)
    assert response.status_code == 410
    assert "already been used" in response.content.decode()
    response = client.post(link, _account_details(name="Someone Else"))
    assert response.status_code == 410
    assert User.objects.get(email="once@example.org").name == "Nia Newcomer"


@pytest.mark.django_db
def test_expired_invitation_is_refused_with_a_clear_message(client, site, facilitator):
    sent = services.invite_person(invited_by=facilitator, email="late@example.org", role="member", site=site)
    Invitation.objects.filter(pk=sent.invitation.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.post(_path(sent.url), _account_details())
    assert response.status_code == 410
    body = response.content.decode()
    assert "expired" in body and "send a new one" in body
    assert not User.objects.filter(email="late@example.org").exists()


@pytest.mark.django_db
def test_invitation_lasts_fourteen_days(site, facilitator):
    sent = services.invite_person(invited_by=facilitator, email="x@example.org", role="member", site=site)
    assert sent.invitation.expires_at - sent.invitation.created_at == timedelta(days=14)


@pytest.mark.django_db
def test_unknown_token_is_refused(client):
    response = client.get(reverse("memberships:accept_invitation", args=["not-a-real-token"]))
    assert response.status_code == 410
    assert "not valid" in response.content.decode()


@pytest.mark.django_db
def test_only_the_token_hash_is_stored(site, facilitator):
    sent = services.invite_person(invited_by=facilitator, email="x@example.org", role="member", site=site)
    token = sent.url.rstrip("/").rsplit("/", 1)[1]
    assert token not in sent.invitation.token_hash
    assert not Invitation.objects.filter(token_hash=token).exists()


@pytest.mark.django_db
def test_invitation_to_an_existing_account_adds_the_role(client, site, other_site, programme_admin):
    existing = UserFactory(email="known@example.org")
    sent = services.invite_person(
        invited_by=programme_admin, email="known@example.org", role="facilitator", site=other_site
    )
    link = _path(sent.url)
    response = client.get(link)
    assert response.status_code == 302 and reverse("account_login") in response["Location"]

    client.force_login(existing)
    assert client.post(link).status_code == 302
    assert Membership.objects.get(site=other_site, person=existing).role == MembershipRole.FACILITATOR
    assert User.objects.filter(email__iexact="known@example.org").count() == 1
    assert existing.check_password(PASSWORD)


@pytest.mark.django_db
def test_invitation_for_someone_else_cannot_be_taken(client, site, facilitator, member):
    sent = services.invite_person(invited_by=facilitator, email=facilitator.email, role="member", site=site)
    client.force_login(member)
    response = client.post(_path(sent.url))
    assert response.status_code == 403
    assert Invitation.objects.get(pk=sent.invitation.pk).accepted_at is None


@pytest.mark.django_db
def test_imported_person_without_password_accepts_by_choosing_one(client, site, facilitator):
    imported = User.objects.create_user("imported@example.org", name="Ima Ported")
    sent = services.invite_person(invited_by=facilitator, email="imported@example.org", role="member", site=site)
    response = client.post(_path(sent.url), _account_details(name="Ima Ported"))
    assert response.status_code == 302
    imported.refresh_from_db()
    assert imported.check_password(NEW_PASSWORD)


@pytest.mark.django_db
def test_weak_password_is_refused_and_nothing_is_used(client, site, facilitator):
    sent = services.invite_person(invited_by=facilitator, email="weak@example.org", role="member", site=site)
    response = client.post(_path(sent.url), _account_details(password="password", password_again="password"))
    assert response.status_code == 200
    assert "too common" in response.content.decode()
    assert Invitation.objects.get(pk=sent.invitation.pk).accepted_at is None


@pytest.mark.django_db
def test_facilitator_cannot_invite_to_another_site(client, site, other_site, facilitator):
    with pytest.raises(PermissionDenied):
        services.invite_person(invited_by=facilitator, email="x@example.org", role="member", site=other_site)
    client.force_login(facilitator)
    response = client.post(
        reverse("memberships:invitations"), {"email": "x@example.org", "role": "member", "site": other_site.pk}
    )
    assert response.status_code == 200  # the site is not even a choice
    assert not Invitation.objects.exists()


@pytest.mark.django_db
def test_only_a_programme_admin_invites_to_programme_roles(site, facilitator, programme_admin):
    with pytest.raises(PermissionDenied):
        services.invite_person(invited_by=facilitator, email="c@example.org", role=InvitationRole.COMMISSIONER)
    sent = services.invite_person(invited_by=programme_admin, email="c@example.org", role=InvitationRole.COMMISSIONER)
    user = services.accept_invitation(invitation=sent.invitation, details={"name": "Cy", "password": NEW_PASSWORD})
    assert user.is_commissioner and not user.memberships.exists()


@pytest.mark.django_db
def test_members_cannot_see_the_invitations_page(client, member, commissioner):
    for user in (member, commissioner):
        client.force_login(user)
        assert client.get(reverse("memberships:invitations")).status_code == 403


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("name", ["Hastings Community of Practice", "Hastings"])
def test_the_invitation_names_the_community_once_whatever_the_site_is_called(site, facilitator, name):
    site.name = name
    site.save(update_fields=["name"])
    services.invite_person(invited_by=facilitator, email="nia@example.org", role="member", site=site)
    sent = mail.outbox[-1]
    for text in (sent.subject, sent.body, sent.alternatives[0][0]):
        flat = " ".join(re.sub(r"<[^>]+>", "", text).split()).lower()
        assert flat.count("community of practice") == 1, text
        assert "hastings community of practice" in flat
