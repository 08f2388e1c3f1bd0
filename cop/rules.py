"""Who may do what: the one place where permission decisions are made.

Views call `user.has_perm("<app>.<action>", obj)` (or the `access_*` lookups built on it), templates
use `{% has_perm %}` from rules, and list pages use the queryset scopes at the bottom of this module,
which express the same rules as database filters.
"""

from __future__ import annotations

import rules
from django.db.models import Q
from django.utils import timezone


def site_roles(user) -> dict[int, str]:
    """The user's current site roles, {site_id: "member" | "facilitator"}, cached on the user object."""
    if not getattr(user, "is_authenticated", False):
        return {}
    cached = getattr(user, "_cop_site_roles", None)
    if cached is None:
        from members.models import Membership

        cached = dict(
            Membership.objects.current(timezone.localdate()).filter(person=user).values_list("site_id", "role")
        )
        user._cop_site_roles = cached
    return cached


def facilitated_site_ids(user) -> set[int]:
    return {site_id for site_id, role in site_roles(user).items() if role == "facilitator"}


def _site_id(obj) -> int | None:
    if obj is None:
        return None
    if hasattr(obj, "site_id"):
        return obj.site_id
    return getattr(obj, "pk", None)


# Programme-wide roles
@rules.predicate
def is_programme_admin(user) -> bool:
    return bool(getattr(user, "is_programme_admin", False) and user.is_active)


@rules.predicate
def is_knowledge_broker(user) -> bool:
    return bool(getattr(user, "is_knowledge_broker", False) and user.is_active)


@rules.predicate
def is_commissioner(user) -> bool:
    return bool(getattr(user, "is_commissioner", False) and user.is_active)


@rules.predicate
def is_any_facilitator(user) -> bool:
    return bool(facilitated_site_ids(user))


@rules.predicate
def has_any_site(user) -> bool:
    return bool(site_roles(user))


# Site roles: obj is a Site or anything with a site_id.
@rules.predicate
def is_site_member(user, obj) -> bool:
    return _site_id(obj) in site_roles(user)


@rules.predicate
def is_site_facilitator(user, obj) -> bool:
    return _site_id(obj) in facilitated_site_ids(user)


is_signed_in = rules.is_authenticated & rules.is_active

# Sites
rules.add_perm("sites.list_sites", is_programme_admin | is_knowledge_broker | has_any_site)
rules.add_perm("sites.view_site", is_programme_admin | is_knowledge_broker | is_site_member)
rules.add_perm("sites.add_site", is_programme_admin)
rules.add_perm("sites.change_site", is_programme_admin)
rules.add_perm("sites.manage_site", is_programme_admin | is_site_facilitator)

# People and invitations
rules.add_perm("members.invite_to_site", is_programme_admin | is_site_facilitator)
rules.add_perm("members.invite_any", is_programme_admin | is_any_facilitator)
rules.add_perm("members.invite_programme_role", is_programme_admin)
rules.add_perm("members.use_admin", is_programme_admin)

# Audit log
rules.add_perm("audit.view_log", is_programme_admin)


# Newsletters: knowledge brokers compile and send it with the programme team; every signed-in person
# reads the members' archive; the public archive needs no sign-in.
is_newsletter_editor = is_programme_admin | is_knowledge_broker
rules.add_perm("newsletters.edit_issue", is_newsletter_editor)
rules.add_perm("newsletters.approve_issue", is_newsletter_editor)
rules.add_perm("newsletters.send_issue", is_newsletter_editor)
rules.add_perm("newsletters.view_deliveries", is_newsletter_editor)
rules.add_perm("newsletters.read_members_archive", is_signed_in)
rules.add_perm("newsletters.read_public_archive", rules.always_allow)


# Queryset scopes: the same rules, as filters for list pages.
def sites_visible_q(user) -> Q:
    if is_programme_admin(user) or is_knowledge_broker(user):
        return Q()
    return Q(pk__in=list(site_roles(user)))


def sites_managed_q(user) -> Q:
    if is_programme_admin(user):
        return Q()
    return Q(pk__in=list(facilitated_site_ids(user)))
