"""Signing in with an organisation's account: accepting an invitation with it, linking it to an existing account,
and signing in with it once linked. The rules (domains, verified addresses, two-factor) are in members.sso.

Nobody signs up through an organisation: a sign-in is refused, with the reason, unless it carries an invitation
for the same address, links the account of the person signed in (with the same address), or is already linked."""

from __future__ import annotations

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.providers.base import AuthProcess
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse

from members.sso import SignInRefused, claims_of, verified_email
from sites.services import invitations as invitation_services

INVITATION_STATE_KEY = "invitation"


def refused(request, problem: str, *, invitation_token: str | None = None):
    back = reverse("memberships:accept_invitation", args=[invitation_token]) if invitation_token else None
    context = {"problem": problem, "invitation_url": back}
    return ImmediateHttpResponse(render(request, "members/sign_in_refused.html", context, status=403))


class OrganisationSignInAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin) -> bool:
        return False

    def pre_social_login(self, request, sociallogin) -> None:
        app = sociallogin.account.get_provider(request).app
        process = sociallogin.state.get("process")
        token = (sociallogin.state.get("data") or {}).get(INVITATION_STATE_KEY)
        try:
            email = verified_email(app, sociallogin)
            if process == AuthProcess.CONNECT:
                self._check_link(request, app, email)
            elif token:
                self._accept_invitation(request, sociallogin, token, email)
            elif sociallogin.is_existing and sociallogin.user.email.lower() != email:
                raise SignInRefused(
                    f"Your {app.name} account is linked to the account for {sociallogin.user.email}, but {app.name} "
                    f"now gives your address as {email}. Sign in with your email and password, or ask the programme "
                    "team to change your address here."
                )
            elif not sociallogin.is_existing:
                raise SignInRefused(
                    f"Your {app.name} account ({email}) is not linked to an account here yet. If you have one, sign "
                    "in with your email and password, then link it from “Sign-in with your organisation” under "
                    "your name. If you are new, use the link in your invitation email."
                )
        except (SignInRefused, PermissionDenied, invitation_services.InvitationInvalid) as problem:
            raise refused(request, str(problem), invitation_token=token) from None

    def _check_link(self, request, app, email: str) -> None:
        if request.user.email.lower() != email:
            raise SignInRefused(
                f"{app.name} signed you in as {email}, but this account's address is {request.user.email}. "
                "Only the organisation account with the same address can be linked."
            )

    def _accept_invitation(self, request, sociallogin, token: str, email: str) -> None:
        invitation = invitation_services.find_invitation(token)
        name = claims_of(sociallogin).get("name") or email.partition("@")[0]
        user = invitation_services.accept_invitation_with_organisation(invitation=invitation, email=email, name=name)
        if not sociallogin.is_existing:
            sociallogin.connect(request, user)
        messages.success(request, f"Invitation accepted: you are now a {invitation.get_role_display().lower()}.")

    def save_user(self, request, sociallogin, form=None):  # never reached: sign-up is closed
        raise PermissionDenied
