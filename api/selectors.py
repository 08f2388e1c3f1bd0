from django.db.models import QuerySet

from api.models import ApiToken
from api.rules import api_tokens_q


def tokens_of(user) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("revoked_at", "-created_at", "-pk")


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
