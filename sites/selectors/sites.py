"""Reads for the sites list and a site's page: its members, meetings, gaps and budget panels."""

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from sites.models import MeetingStatus, Membership, Site
from sites.rules import sites_visible_q
from sites.selectors.meetings import meetings_panel
from sites.services.budget import budget_summary
from sites.services.sites import recruitment_gaps


def sites_visible_to(user) -> QuerySet[Site]:
    today = timezone.localdate()
    current = Q(memberships__joined__lte=today) & (Q(memberships__left__isnull=True) | Q(memberships__left__gt=today))
    return (
        Site.objects.filter(sites_visible_q(user))
        .annotate(
            member_count=Count("memberships", filter=current, distinct=True),
            meeting_count=Count(
                "meetings",
                filter=Q(meetings__status=MeetingStatus.SCHEDULED, meetings__ends_at__lt=timezone.now()),
                distinct=True,
            ),
        )
        .order_by("code")
    )


def site_page(site: Site) -> dict:
    today = timezone.localdate()
    memberships = (
        Membership.objects.current(today).filter(site=site).select_related("person").order_by("role", "person__name")
    )
    return {"memberships": list(memberships), **meetings_panel(site)}


def membership_panels(user, site: Site, *, memberships: list[Membership] | None = None) -> dict:
    """The panels of the site page that depend on what the user may do; `memberships`: the site's current ones, with
    their people (site_page's), so that the recruitment gaps do not read them again."""
    can_manage = user.has_perm("sites.manage_members", site)
    panels = {
        "can_manage_members": can_manage,
        "can_manage_targets": user.has_perm("sites.manage_targets", site),
        "can_manage_meetings": user.has_perm("sites.manage_meetings", site),
    }
    if user.has_perm("sites.view_gaps", site):
        panels["gaps"] = recruitment_gaps(site, memberships=memberships)
    if user.has_perm("sites.view_budget", site):
        panels["budget"] = budget_summary(site)
        panels["can_add_expense"] = user.has_perm("sites.add_expense", site)
        panels["can_change_award"] = user.has_perm("sites.change_award", site)
    return panels
