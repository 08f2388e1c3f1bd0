"""Signing in with an organisation's account (OpenID Connect through allauth's social accounts): which providers
are set up, whom each may vouch for, and when its word on two-factor sign-in counts.

The flows that use these rules (accepting an invitation, linking an account) are in sites.sso."""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlsplit

from allauth.mfa.stages import AuthenticateStage
from allauth.socialaccount.models import SocialAccount, SocialApp
from django.conf import settings

from members.models import OrganisationSignIn

PROVIDER = "openid_connect"
# The session remembers that this sign-in's second factor was the organisation's (RequireMFAMiddleware reads it).
MFA_BY_PROVIDER_SESSION_KEY = "mfa_by_organisation"
# RFC 8176 authentication method references that are a second factor, or several factors.
MFA_METHODS = frozenset({"mfa", "otp", "hwk", "swk", "sms", "tel", "fpt", "face", "iris", "retina", "vbm", "sc"})


class SignInRefused(Exception):
    """An organisation sign-in that cannot be used here; the message says why, in the person's words."""


def organisation_apps():
    """The organisation sign-ins set up by a programme admin (with their rules), in name order."""
    return (
        SocialApp.objects.filter(provider=PROVIDER, organisation_sign_in__isnull=False)
        .select_related("organisation_sign_in")
        .order_by("name")
    )


def apps_for_email(email: str) -> list[SocialApp]:
    """The organisation sign-ins that vouch for this address's domain."""
    return [app for app in organisation_apps() if app.organisation_sign_in.vouches_for(email)]


def form_action_origins() -> list[str]:
    """Where a sign-in button may send the browser (the Content Security Policy's form-action): each provider's
    own origin, from its server URL."""
    origins = set()
    for app in organisation_apps():
        parts = urlsplit(app.settings.get("server_url", ""))
        if parts.scheme in ("https", "http") and parts.netloc:
            origins.add(f"{parts.scheme}://{parts.netloc}")
    return sorted(origins)


def allow_organisation_forms(view):
    """A page with organisation sign-in buttons: its Content Security Policy lets those forms lead to the providers
    (form-action also governs the redirect that follows the form), and nowhere else."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        origins = form_action_origins()
        if origins:
            policy = getattr(response, "_csp_config", None) or settings.SECURE_CSP
            response._csp_config = {**policy, "form-action": [*policy.get("form-action", []), *origins]}
        return response

    return wrapped


def linked_sign_ins(user) -> list[SocialAccount]:
    return list(SocialAccount.objects.filter(user=user, provider__in=organisation_apps().values("provider_id")))


def account_email(account: SocialAccount) -> str:
    data = account.extra_data or {}
    return ((data.get("userinfo") or {}).get("email") or (data.get("id_token") or {}).get("email") or "").lower()


def claims_of(sociallogin) -> dict:
    """The ID token's claims (amr lives there), with the userinfo's over them where the provider gave both."""
    data = sociallogin.account.extra_data or {}
    return {**(data.get("id_token") or {}), **(data.get("userinfo") or {})}


def verified_email(app: SocialApp, sociallogin) -> str:
    """The address the organisation vouches for, or SignInRefused saying why it cannot be used here."""
    rules = OrganisationSignIn.objects.filter(app=app).first()
    if rules is None:
        raise SignInRefused(f"Sign-in with {app.name} is not set up yet. Sign in with your email and password.")
    claims = claims_of(sociallogin)
    email = (claims.get("email") or "").strip().lower()
    if not email:
        raise SignInRefused(
            f"{app.name} did not tell us your email address, so we cannot know who you are. "
            "Sign in with your email and password, or ask your IT service desk."
        )
    if not rules.vouches_for(email):
        domains = ", ".join(rules.domains) or "no domains yet"
        raise SignInRefused(
            f"{app.name} signed you in as {email}, but it is only used here for addresses at {domains}. "
            "Use your organisation's own sign-in, or sign in with your email and password."
        )
    if not any(a.verified and a.email.lower() == email for a in sociallogin.email_addresses):
        raise SignInRefused(
            f"{app.name} has not verified your address {email}, so it cannot be used to sign in here. "
            "Ask your IT service desk to verify it, or sign in with your email and password."
        )
    return email


def provider_asserted_mfa(app: SocialApp, sociallogin) -> bool:
    """Whether this sign-in counts as two-factor: only where the admin said the organisation's word counts, and the
    organisation said a second factor was used (the amr claim)."""
    rules = OrganisationSignIn.objects.filter(app=app).first()
    if rules is None or not rules.accepts_provider_mfa:
        return False
    amr = claims_of(sociallogin).get("amr") or []
    if isinstance(amr, str):
        amr = [amr]
    return bool(MFA_METHODS & {str(method).lower() for method in amr})


class OrganisationAwareAuthenticateStage(AuthenticateStage):
    """allauth's two-factor step at sign-in, skipped only when the person signed in with an organisation whose
    two-factor sign-in is accepted here and which says it was used."""

    def _should_handle(self, request) -> bool:
        sociallogin = (self.login.signal_kwargs or {}).get("sociallogin")
        if sociallogin is not None:
            app = sociallogin.account.get_provider(request).app
            if provider_asserted_mfa(app, sociallogin):
                request.session[MFA_BY_PROVIDER_SESSION_KEY] = app.provider_id
                return False
        request.session.pop(MFA_BY_PROVIDER_SESSION_KEY, None)
        return super()._should_handle(request)
