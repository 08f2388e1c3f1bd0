from django.db.models import QuerySet

from api.models import ApiToken
from api.rules import api_tokens_q, roles_of, token_refusal
from sites.rules import meets_sign_in_requirement


def tokens_of(user) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).select_related("user").order_by("revoked_at", "-created_at", "-pk")


def tokens_with_status(user) -> list[tuple[ApiToken, str | None]]:
    """A person's tokens, each with why it does not work now (revoked, expired, suspended) or None."""
    roles, signs_in = roles_of(user), meets_sign_in_requirement(user)
    return [(token, token_refusal(token, current_roles=roles, signs_in=signs_in)) for token in tokens_of(user)]


def all_tokens(user) -> QuerySet[ApiToken]:
    """Every token, for programme admins: active ones first."""
    return (
        ApiToken.objects.filter(api_tokens_q(user))
        .select_related("user", "revoked_by")
        .order_by("revoked_at", "-created_at", "-pk")
    )


def tokens_visible_to(user) -> QuerySet[ApiToken]:
    """Tokens a person may see and revoke: their own; programme admins every one."""
    return ApiToken.objects.filter(api_tokens_q(user))
