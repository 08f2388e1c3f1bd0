"""Reads for the site page's members, gaps and budget panels, shaped by what the user may see."""

from django.utils import timezone

from members.models import Membership
from sites.models import Site
from sites.services.budget import budget_summary
from sites.services.sites import recruitment_gaps


def membership_panels(user, site: Site) -> dict:
    can_manage = user.has_perm("sites.manage_members", site)
    panels = {"can_manage_members": can_manage, "can_manage_targets": user.has_perm("sites.manage_targets", site)}
    if user.has_perm("sites.view_gaps", site):
        panels["gaps"] = recruitment_gaps(site)
    if user.has_perm("sites.view_budget", site):
        panels["budget"] = budget_summary(site)
        panels["can_add_expense"] = user.has_perm("sites.add_expense", site)
        panels["can_change_award"] = user.has_perm("sites.change_award", site)
    return panels


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
