"""Two-factor sign-in for the privileged roles, which come from two layers: programme roles (members) and
facilitating a site (sites). The project package holds this policy because it sits above both."""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect

from sites.rules import is_any_facilitator

# While MFA is not set up, only these paths work: the account pages (MFA set-up, sign-out) and assets.
ALLOWED_PREFIXES = ("/accounts/", "/static/", "/healthz", "/newsletter/unsubscribe/", "/privacy/")


def needs_mfa(user) -> bool:
    return user.is_programme_admin or user.is_knowledge_broker or is_any_facilitator(user)


class RequireMFAMiddleware:
    """Programme admins, facilitators and knowledge brokers can only set up two-factor sign-in until
    they have done it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            settings.MFA_REQUIRED_FOR_PRIVILEGED_ROLES
            and user is not None
            and user.is_authenticated
            and not request.path.startswith(ALLOWED_PREFIXES)
            and needs_mfa(user)
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            messages.warning(
                request,
                "Your role needs two-factor sign-in. Set up an authenticator app to continue: it takes a minute.",
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
