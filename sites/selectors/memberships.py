"""Reads for the site members page and the invitations page, and the current memberships of several sites that the
home page's panels share."""

from collections.abc import Iterable
from typing import NamedTuple

from django.db.models import QuerySet
from django.utils import timezone

from sites.models import Invitation, Membership, Site
from sites.rules import sites_managed_q


def site_memberships(site: Site) -> dict:
    """Current and former members of a site, for the members page."""
    today = timezone.localdate()
    every = list(
        Membership.objects.filter(site=site).select_related("person").order_by("role", "person__name", "-joined")
    )
    current = [m for m in every if m.joined <= today and (m.left is None or m.left > today)]
    starting = [m for m in every if m.joined > today]
    former = sorted((m for m in every if m.left is not None and m.left <= today), key=lambda m: m.left, reverse=True)
    return {"current": current, "starting": starting, "former": former}


class CurrentMembership(NamedTuple):
    site_id: int
    person_id: int
    role: str
    joined: object  # date
    expert_by_experience: bool


def current_memberships_at(site_ids: Iterable[int]) -> list[CurrentMembership]:
    """Every membership current today at these sites, every role, as plain tuples: one query, which a facilitator's
    home page reads once for the replies expected at the next meetings and for the set-up steps the records answer."""
    rows = (
        Membership.objects.current(timezone.localdate())
        .filter(site_id__in=list(site_ids))
        .order_by()
        .values_list("site_id", "person_id", "role", "joined", "person__expert_by_experience")
    )
    return [CurrentMembership(*row) for row in rows]


def sites_user_can_invite_to(user) -> QuerySet[Site]:
    return Site.objects.filter(sites_managed_q(user)).order_by("code")


def invitations_visible_to(user) -> QuerySet[Invitation]:
    invitations = Invitation.objects.select_related("site", "invited_by", "accepted_by")
    if user.has_perm("sites.invite_programme_role"):
        return invitations
    return invitations.filter(site__in=sites_user_can_invite_to(user))
