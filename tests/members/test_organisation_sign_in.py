"""Sign-in with an organisation's account, against a real OpenID Connect provider running in the test (tests/oidc.py):
accepting an invitation, linking an existing account, the refusals (wrong domain, unverified address, an invitation
for someone else, an account not linked), and two-factor sign-in for the privileged roles."""

import html

import pytest
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount, SocialApp
from django.urls import reverse

from audit.models import AuditAction, AuditEvent
from members.models import OrganisationSignIn, User, parse_email_domains
from sites.models import Invitation, Membership, MembershipRole
from sites.services import invitations as invitation_services
from tests.factories import PASSWORD, MembershipFactory, UserFactory
from tests.oidc import oidc_provider, person_at_provider, set_up_organisation, through_provider  # noqa: F401


@pytest.fixture
def nhs_mail(db, oidc_provider):  # noqa: F811
    return set_up_organisation(oidc_provider)


def invite(site, facilitator, email="nia@nhs.net", role="member"):
    sent = invitation_services.invite_person(invited_by=facilitator, email=email, role=role, site=site)
    return sent.url.split("8000", 1)[1]  # the path of the link in the email


def accept_with_organisation(client, link: str, server: str, sub: str):
    page = client.get(link)
    start = reverse(
        "memberships:accept_invitation_with_organisation", args=[link.rstrip("/").rsplit("/", 1)[1], "nhs-mail"]
    )
    assert start in page.content.decode()
    return through_provider(client, client.post(start), server, sub)


def refusal(response) -> str:
    assert response.status_code == 403, response.content[:300]
    return " ".join(html.unescape(response.content.decode()).split())


@pytest.mark.django_db
def test_an_invitation_is_accepted_by_signing_in_with_the_organisation(client, site, facilitator, nhs_mail):
    server = nhs_mail.settings["server_url"]
    link = invite(site, facilitator)
    page = client.get(link)
    assert "Continue with NHS Mail" in page.content.decode()
    assert f"form-action 'self' {server}" in page["Content-Security-Policy"]  # the button may lead there, only there
    sub = person_at_provider(server, "nia-1", email="nia@nhs.net", email_verified=True, name="Nia Newcomer")

    response = accept_with_organisation(client, link, server, sub)

    assert response.status_code == 302 and response["Location"] == reverse("home")
    nia = User.objects.get(email="nia@nhs.net")
    assert nia.name == "Nia Newcomer" and not nia.has_usable_password()
    assert Membership.objects.filter(person=nia, site=site, role=MembershipRole.MEMBER, left__isnull=True).exists()
    assert Invitation.objects.get(email="nia@nhs.net").accepted_by == nia
    assert SocialAccount.objects.filter(user=nia, provider="nhs-mail", uid="nia-1").exists()
    home = client.get(reverse("home"))
    assert home.status_code == 200 and home.context["user"] == nia
    assert "Invitation accepted: you are now a member." in home.content.decode()

    # Next time, from the sign-in page.
    client.post(reverse("account_logout"))
    login_page = client.get(reverse("account_login"))
    assert "Continue with NHS Mail" in login_page.content.decode()
    assert server in login_page["Content-Security-Policy"]
    start = nhs_mail.get_provider(None).get_login_url(None)
    response = through_provider(client, client.post(start, {"process": "login"}), server, sub)
    assert response.status_code == 302
    assert client.get(reverse("home")).context["user"] == nia


@pytest.mark.django_db
def test_an_address_outside_the_organisations_domains_is_refused(client, site, facilitator, nhs_mail):
    server = nhs_mail.settings["server_url"]
    link = invite(site, facilitator)
    sub = person_at_provider(server, "nia-2", email="nia@hotmail.com", email_verified=True)
    text = refusal(accept_with_organisation(client, link, server, sub))
    assert "NHS Mail signed you in as nia@hotmail.com, but it is only used here for addresses at nhs.net" in text
    assert f'<a href="{link}">Back to your invitation</a>' in text  # to create a password instead
    assert not User.objects.filter(email__in=["nia@nhs.net", "nia@hotmail.com"]).exists()
    assert Invitation.objects.pending().filter(email="nia@nhs.net").exists()  # still usable
    # A domain is matched whole: not a longer name that ends the same way.
    sub = person_at_provider(server, "nia-3", email="nia@fake-nhs.net", email_verified=True)
    assert "only used here for addresses at nhs.net" in refusal(accept_with_organisation(client, link, server, sub))


@pytest.mark.django_db
def test_an_unverified_address_is_refused(client, site, facilitator, nhs_mail):
    server = nhs_mail.settings["server_url"]
    link = invite(site, facilitator)
    for sub, verified in (("nia-4", False), ("nia-5", None)):  # said false, or not said at all
        claims = {"email": "nia@nhs.net"} | ({} if verified is None else {"email_verified": verified})
        person_at_provider(server, sub, **claims)
        text = refusal(accept_with_organisation(client, link, server, sub))
        assert "NHS Mail has not verified your address nia@nhs.net" in text
    assert not User.objects.filter(email="nia@nhs.net").exists()
    assert Invitation.objects.pending().filter(email="nia@nhs.net").exists()


@pytest.mark.django_db
def test_an_invitation_for_another_address_is_refused(client, site, facilitator, nhs_mail):
    server = nhs_mail.settings["server_url"]
    link = invite(site, facilitator)
    sub = person_at_provider(server, "sam-1", email="sam@nhs.net", email_verified=True)
    text = refusal(accept_with_organisation(client, link, server, sub))
    assert "This invitation is for nia@nhs.net, but your organisation signed you in as sam@nhs.net" in text
    assert not User.objects.filter(email__in=["nia@nhs.net", "sam@nhs.net"]).exists()
    assert not SocialAccount.objects.exists()
    assert Invitation.objects.pending().filter(email="nia@nhs.net").exists()


@pytest.mark.django_db
def test_the_invitation_page_offers_only_the_organisations_for_its_address(client, site, facilitator, nhs_mail):
    set_up_organisation(
        nhs_mail.settings["server_url"], name="Brighton Council", provider_id="bhcc", domains="bhcc.gov.uk"
    )
    link = invite(site, facilitator)
    page = client.get(link).content.decode()
    assert "Continue with NHS Mail" in page and "Brighton Council" not in page
    token = link.rstrip("/").rsplit("/", 1)[1]
    response = client.post(reverse("memberships:accept_invitation_with_organisation", args=[token, "bhcc"]))
    assert response.status_code == 404
    # Without an organisation for the address, the page is as it was: create a password.
    page = client.get(invite(site, facilitator, email="kim@example.org")).content.decode()
    assert "Continue with" not in page and "Create my account" in page


@pytest.mark.django_db
def test_an_account_not_linked_is_not_signed_in_by_its_address_alone(client, member, nhs_mail):
    server = nhs_mail.settings["server_url"]
    User.objects.filter(pk=member.pk).update(email="morgan@nhs.net")
    sub = person_at_provider(server, "morgan-1", email="morgan@nhs.net", email_verified=True)
    start = nhs_mail.get_provider(None).get_login_url(None)
    text = refusal(through_provider(client, client.post(start, {"process": "login"}), server, sub))
    assert "Your NHS Mail account (morgan@nhs.net) is not linked to an account here yet" in text
    assert not SocialAccount.objects.exists()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_linked_account_whose_organisation_address_changed_is_not_signed_in(client, member, nhs_mail):
    server = nhs_mail.settings["server_url"]
    User.objects.filter(pk=member.pk).update(email="morgan@nhs.net")
    SocialAccount.objects.create(user=member, provider="nhs-mail", uid="morgan-3", extra_data={})
    sub = person_at_provider(server, "morgan-3", email="m.member@nhs.net", email_verified=True)
    start = nhs_mail.get_provider(None).get_login_url(None)
    text = refusal(through_provider(client, client.post(start, {"process": "login"}), server, sub))
    assert "linked to the account for morgan@nhs.net, but NHS Mail now gives your address as m.member@nhs.net" in text
    assert "_auth_user_id" not in client.session


def sign_in_with_password(client, user):
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content[:300]


@pytest.mark.django_db
def test_an_existing_account_links_its_organisation_sign_in(client, member, nhs_mail):
    server = nhs_mail.settings["server_url"]
    User.objects.filter(pk=member.pk).update(email="morgan@nhs.net")
    member.refresh_from_db()
    sign_in_with_password(client, member)
    page = client.get(reverse("members:organisation_sign_in"))
    assert "Link NHS Mail" in page.content.decode()
    assert server in page["Content-Security-Policy"]
    sub = person_at_provider(server, "morgan-2", email="morgan@nhs.net", email_verified=True)
    start = nhs_mail.get_provider(None).get_login_url(None)
    response = through_provider(
        client, client.post(start, {"process": "connect", "next": page.request["PATH_INFO"]}), server, sub
    )
    assert response.status_code == 302
    assert SocialAccount.objects.filter(user=member, provider="nhs-mail", uid="morgan-2").exists()
    assert AuditEvent.objects.filter(
        actor_id=member.pk, action=AuditAction.CHANGED, detail="sign-in with NHS Mail linked"
    ).exists()
    page = client.get(reverse("members:organisation_sign_in")).content.decode()
    assert "NHS Mail (morgan@nhs.net)" in page and "Link NHS Mail" not in page

    client.post(reverse("account_logout"))
    response = through_provider(client, client.post(start, {"process": "login"}), server, sub)
    assert response.status_code == 302 and client.get(reverse("home")).context["user"] == member


@pytest.mark.django_db
def test_only_the_organisation_account_with_the_same_address_can_be_linked(client, member, nhs_mail):
    server = nhs_mail.settings["server_url"]
    User.objects.filter(pk=member.pk).update(email="morgan@nhs.net")
    member.refresh_from_db()
    sign_in_with_password(client, member)
    sub = person_at_provider(server, "other-1", email="someone.else@nhs.net", email_verified=True)
    start = nhs_mail.get_provider(None).get_login_url(None)
    text = refusal(through_provider(client, client.post(start, {"process": "connect"}), server, sub))
    assert "NHS Mail signed you in as someone.else@nhs.net, but this account's address is morgan@nhs.net" in text
    assert not SocialAccount.objects.exists()


# Two-factor sign-in for the privileged roles (a facilitator here): the organisation's word counts only where the
# programme admin said so on that organisation, and only when it says a second factor was used (the amr claim).
MFA_CASES = {
    # name: (organisation accepted for two-factor, amr claim, facilitator has an authenticator app, where they land)
    "not accepted, app set up: the app's code is asked": (False, ["pwd", "mfa"], True, "mfa_authenticate"),
    "accepted but no second factor said: the code is asked": (True, ["pwd"], True, "mfa_authenticate"),
    "accepted but amr missing: the code is asked": (True, None, True, "mfa_authenticate"),
    "accepted and said: straight in": (True, ["pwd", "mfa"], True, "home"),
    "accepted and said (one-time code): straight in": (True, ["otp"], True, "home"),
    "not accepted, no app: sent to set one up": (False, ["mfa"], False, "mfa_activate_totp"),
    "accepted and said, no app: straight in": (True, ["mfa"], False, "home"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", list(MFA_CASES))
def test_two_factor_rules_hold_for_privileged_roles(client, settings, site, oidc_provider, case):  # noqa: F811
    accepted, amr, has_app, lands = MFA_CASES[case]
    settings.MFA_REQUIRED_FOR_PRIVILEGED_ROLES = True
    app = set_up_organisation(oidc_provider, accepts_provider_mfa=accepted)
    fran = MembershipFactory(site=site, role=MembershipRole.FACILITATOR, person__email="fran@nhs.net").person
    sub = f"fran-{sorted(MFA_CASES).index(case)}"
    SocialAccount.objects.create(user=fran, provider="nhs-mail", uid=sub, extra_data={})
    if has_app:
        Authenticator.objects.create(user=fran, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})
    claims = {"email": "fran@nhs.net", "email_verified": True} | ({"amr": amr} if amr is not None else {})
    person_at_provider(oidc_provider, sub, **claims)

    start = app.get_provider(None).get_login_url(None)
    response = through_provider(client, client.post(start, {"process": "login"}), oidc_provider, sub)
    if lands == "mfa_authenticate":  # allauth's own second step: not signed in until the code is given
        assert response.status_code == 302 and response["Location"] == reverse("mfa_authenticate")
        assert "_auth_user_id" not in client.session
        return
    assert response.status_code == 302 and response["Location"] == reverse("home")
    home = client.get(reverse("home"))
    if lands == "mfa_activate_totp":
        assert home.status_code == 302 and home["Location"] == reverse("mfa_activate_totp")
    else:
        assert home.status_code == 200 and home.context["user"] == fran


@pytest.mark.django_db
def test_a_password_sign_in_after_an_organisation_one_asks_for_two_factor_again(client, settings, site, oidc_provider):  # noqa: F811
    """The organisation's word lasts for its own sign-in only: signing out and in with a password starts again."""
    settings.MFA_REQUIRED_FOR_PRIVILEGED_ROLES = True
    app = set_up_organisation(oidc_provider, accepts_provider_mfa=True)
    fran = MembershipFactory(site=site, role=MembershipRole.FACILITATOR, person__email="fran@nhs.net").person
    SocialAccount.objects.create(user=fran, provider="nhs-mail", uid="fran-pw", extra_data={})
    person_at_provider(oidc_provider, "fran-pw", email="fran@nhs.net", email_verified=True, amr=["mfa"])
    start = app.get_provider(None).get_login_url(None)
    through_provider(client, client.post(start, {"process": "login"}), oidc_provider, "fran-pw")
    assert client.get(reverse("home")).status_code == 200
    client.post(reverse("account_logout"))
    sign_in_with_password(client, fran)
    assert client.get(reverse("home"))["Location"] == reverse("mfa_activate_totp")


def test_domains_are_read_one_per_line_or_separated_by_commas():
    assert parse_email_domains("NHS.net\n@bhcc.gov.uk, nhs.net  example.org\n\n") == [
        "bhcc.gov.uk",
        "example.org",
        "nhs.net",
    ]


@pytest.mark.django_db
def test_a_programme_admin_sets_up_an_organisation_in_the_admin(client, programme_admin, oidc_provider):  # noqa: F811
    client.force_login(programme_admin)
    response = client.post(
        reverse("admin:socialaccount_socialapp_add"),
        {
            "name": "NHS Mail",
            "provider": "openid_connect",
            "provider_id": "nhs-mail",
            "server_url": oidc_provider,
            "client_id": "communities-of-practice",
            "secret": "client-secret",
            "organisation_sign_in-TOTAL_FORMS": "1",
            "organisation_sign_in-INITIAL_FORMS": "0",
            "organisation_sign_in-MIN_NUM_FORMS": "1",
            "organisation_sign_in-MAX_NUM_FORMS": "1",
            "organisation_sign_in-0-email_domains": "nhs.net\nnhs.uk",
            "organisation_sign_in-0-accepts_provider_mfa": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    app = SocialApp.objects.get(provider_id="nhs-mail")
    assert app.settings == {"server_url": oidc_provider}
    rules = OrganisationSignIn.objects.get(app=app)
    assert rules.domains == ["nhs.net", "nhs.uk"] and rules.accepts_provider_mfa
    assert AuditEvent.objects.filter(actor_id=programme_admin.pk, action=AuditAction.CHANGED).exists()
    # Other people never reach it.
    client.force_login(UserFactory())
    assert client.get(reverse("admin:socialaccount_socialapp_changelist")).status_code == 302


@pytest.mark.django_db
def test_a_persons_organisation_sign_ins_are_in_their_copy_and_go_when_they_are_erased(programme_admin):
    from members.data_rights import erase_person, export_personal_data

    member = UserFactory()  # a former member: no current membership
    SocialAccount.objects.create(user=member, provider="nhs-mail", uid="morgan-9", extra_data={"email": "m@nhs.net"})
    copy = export_personal_data(member)["security"]["organisation_sign_ins"]
    assert [(row["provider"], row["uid"]) for row in copy] == [("nhs-mail", "morgan-9")]
    erase_person(person=member, erased_by=programme_admin)
    assert not SocialAccount.objects.filter(uid="morgan-9").exists()
