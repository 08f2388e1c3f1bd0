from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from cop.rules import sites_visible_q
from members.models import Membership
from sites.models import Meeting, MeetingStatus, Site


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


def access_site(user, pk: int, *, manage: bool = False) -> Site:
    """The site, if the user may see it (404 otherwise, so existence is not leaked)."""
    site = get_object_or_404(Site, pk=pk)
    if not user.has_perm("sites.view_site", site):
        raise Http404
    if manage and not user.has_perm("sites.manage_site", site):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied("Only this site's facilitators can do that.")
    return site


def site_page(site: Site) -> dict:
    today = timezone.localdate()
    memberships = (
        Membership.objects.current(today).filter(site=site).select_related("person").order_by("role", "person__name")
    )
    from sites.meeting_selectors import meetings_panel

    return {"memberships": memberships, **meetings_panel(site)}


def upcoming_meetings_for(user, *, limit: int = 5) -> QuerySet[Meeting]:
    from cop.rules import site_roles

    return (
        Meeting.objects.upcoming()
        .filter(site_id__in=list(site_roles(user)))
        .select_related("site")
        .prefetch_related(Prefetch("attendances", to_attr="register"))[:limit]
    )
