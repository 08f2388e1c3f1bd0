"""Two-factor sign-in for the privileged roles, which come from two layers: programme roles (members) and
facilitating a site (sites). The policy is sites.rules.meets_sign_in_requirement, which API tokens obey too.
The ground rules' gate, and the menu's counts forgotten after each change a person makes."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from home.selectors import forget_menu_counts
from members.sso import MFA_BY_PROVIDER_SESSION_KEY
from sites.rules import meets_sign_in_requirement
from sites.services.ground_rules import GroundRulesRequired

# While MFA is not set up, only these paths work: the account pages (MFA set-up, sign-out) and assets.
ALLOWED_PREFIXES = ("/accounts/", "/static/", "/healthz", "/newsletter/unsubscribe/", "/privacy/")


class RequireMFAMiddleware:
    """Programme admins, facilitators and knowledge brokers can only set up two-factor sign-in until
    they have done it, unless this session's sign-in was two-factor at an organisation whose word on it is
    accepted here (members.sso)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            settings.MFA_REQUIRED_FOR_PRIVILEGED_ROLES
            and user is not None
            and user.is_authenticated
            and not request.path.startswith(ALLOWED_PREFIXES)
            and not meets_sign_in_requirement(user)
            and not request.session.get(MFA_BY_PROVIDER_SESSION_KEY)
        ):
            messages.warning(
                request,
                "Your role needs two-factor sign-in. Set up an authenticator app to continue: it takes a minute.",
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)


class GroundRulesGateMiddleware:
    """A page of a site's shared cases asked for before the person confirmed the site's current ground rules
    (sites.services.ground_rules.GroundRulesRequired): take them to the ground rules, then back to the page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, GroundRulesRequired):
            return None
        back = request.get_full_path() if request.method == "GET" else request.META.get("HTTP_REFERER", "")
        url = reverse("sites:ground_rules", args=[exception.site_id])
        return redirect(f"{url}?{urlencode({'next': back})}" if back else url)


class ForgetMenuCountsAfterChangesMiddleware:
    """The menu's counts are kept for a minute (home.selectors.menu_counts_for): after a request that may have
    changed something (anything but GET, HEAD and OPTIONS), the person's next page counts again."""

    SAFE_METHODS = ("GET", "HEAD", "OPTIONS")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if request.method not in self.SAFE_METHODS and user is not None and user.is_authenticated:
            forget_menu_counts(user)
        return response
