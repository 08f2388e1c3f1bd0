"""Who may do what with API tokens. Every signed-in person may create, name and revoke their own; programme admins
list and revoke anyone's. A token acts as its owner: the API applies the same rules and scopes as the pages.

A token acts only while its owner could sign in to the pages with the rights it was made with: it is refused when
revoked or expired, when the owner's account is inactive, when their roles have changed since the token was made
(a member promoted to facilitator does not carry an old token into the new role) and, for the roles that need
two-factor sign-in, while the owner has no authenticator app (token_refusal)."""

import rules
from django.db.models import Q
from django.utils import timezone

from core.rules import is_programme_admin, is_signed_in
from sites.models import Membership, MembershipRole
from sites.rules import meets_sign_in_requirement


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


PROGRAMME_ROLE_FIELDS = ("is_programme_admin", "is_superuser", "is_knowledge_broker", "is_commissioner")


def roles_of(user) -> str:
    """The person's roles as they stand now, in a stable form: their programme roles and the sites they facilitate.
    A token records them when it is made; any change suspends it."""
    roles = [name for name in PROGRAMME_ROLE_FIELDS if getattr(user, name)]
    # Read afresh, not from the per-request cache of site roles: a role given a moment ago counts.
    facilitated = Membership.objects.current(timezone.localdate()).filter(person=user, role=MembershipRole.FACILITATOR)
    roles += [f"facilitator:{site_id}" for site_id in sorted(facilitated.values_list("site_id", flat=True))]
    return " ".join(roles)


def token_refusal(token, *, current_roles: str | None = None, signs_in: bool | None = None) -> str | None:
    """Why the token may not act now, in words for its holder, or None when it may. A page listing one person's
    tokens passes their current roles and sign-in state, worked out once."""
    if token.revoked_at is not None:
        return "This token has been revoked. Create a new one under API tokens."
    if token.is_expired:
        return "This token has expired. Create a new one under API tokens."
    if not token.user.is_active:
        return "That token is not valid or has been revoked."
    if (roles_of(token.user) if current_roles is None else current_roles) != token.granted_roles:
        return "Your role has changed since this token was created, so it is suspended. Create a new one."
    if not (meets_sign_in_requirement(token.user) if signs_in is None else signs_in):
        return ("Your role needs two-factor sign-in: set up an authenticator app when you next sign in, and this "
                "token works again.")  # fmt: skip
    return None
