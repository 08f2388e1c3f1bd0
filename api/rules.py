"""Who may do what with API tokens. Every signed-in person may create, name and revoke their own; programme admins
list and revoke anyone's. A token acts as its owner: the API applies the same rules and scopes as the pages."""

import rules
from django.db.models import Q

from core.rules import is_programme_admin, is_signed_in


@rules.predicate
def is_token_owner(user, token) -> bool:
    return token is not None and getattr(token, "user_id", None) == user.pk


rules.add_perm("api.manage_own_tokens", is_signed_in)
rules.add_perm("api.list_all_tokens", is_programme_admin)
rules.add_perm("api.revoke_token", is_signed_in & (is_token_owner | is_programme_admin))


def api_tokens_q(user) -> Q:
    """Tokens a person may see and revoke: their own; programme admins every one."""
    if is_programme_admin(user):
        return Q()
    return Q(user_id=user.pk)
