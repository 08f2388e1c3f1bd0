from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from api.models import ApiToken
from cop.rules import api_tokens_q


def tokens_of(user) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("revoked_at", "-created_at", "-pk")


def all_tokens(user) -> QuerySet[ApiToken]:
    """Every token, for programme admins: active ones first."""
    return (
        ApiToken.objects.filter(api_tokens_q(user))
        .select_related("user", "revoked_by")
        .order_by("revoked_at", "-created_at", "-pk")
    )


def access_token(user, pk: int) -> ApiToken:
    """A token the user may revoke: their own, or any for programme admins (404 otherwise)."""
    token = get_object_or_404(ApiToken.objects.filter(api_tokens_q(user)), pk=pk)
    if not user.has_perm("api.revoke_token", token):
        raise Http404
    return token
