"""Reads for the site members page and the invitations page."""

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


def sites_user_can_invite_to(user) -> QuerySet[Site]:
    return Site.objects.filter(sites_managed_q(user)).order_by("code")


def invitations_visible_to(user) -> QuerySet[Invitation]:
    invitations = Invitation.objects.select_related("site", "invited_by", "accepted_by")
    if user.has_perm("sites.invite_programme_role"):
        return invitations
    return invitations.filter(site__in=sites_user_can_invite_to(user))
