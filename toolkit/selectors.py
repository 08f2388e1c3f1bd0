from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from sites.models import Meeting, Membership, Site
from toolkit.models import HealthStatus, SiteChecklistItem, SiteHealthChange
from toolkit.services.checklist import ensure_site_checklist
from toolkit.services.health import CHECKED_STATUSES


def site_checklist(site: Site) -> dict:
    """The site's checklist for its page, created from the defaults on first view."""
    ensure_site_checklist(site)
    items = list(SiteChecklistItem.objects.filter(site=site).select_related("updated_by").order_by("position", "pk"))
    done = sum(1 for item in items if item.is_done)
    return {
        "items": items,
        "done_count": done,
        "total": len(items),
        "percent": round(100 * done / len(items)) if items else 0,
    }


def document_details(site: Site) -> dict:
    """What the downloadable documents fill in: the site, its facilitators and its next meetings."""
    facilitators = [
        m.person
        for m in Membership.objects.current()
        .facilitators()
        .filter(site=site)
        .select_related("person")
        .order_by("person__name")
    ]
    next_meetings = list(Meeting.objects.upcoming().filter(site=site)[:6])
    return {"site": site, "facilitators": facilitators, "next_meetings": next_meetings, "today": timezone.localdate()}


STATUS_ORDER = {HealthStatus.AT_RISK: 0, HealthStatus.WATCH: 1, HealthStatus.HEALTHY: 2}


def health_overview() -> list[Site]:
    """Active and setting-up sites with their latest health, at risk first; then the rest by code."""
    sites = list(
        Site.objects.filter(status__in=CHECKED_STATUSES)
        .select_related("health")
        .annotate(
            checklist_total=Count("checklist_items", distinct=True),
            checklist_done=Count("checklist_items", filter=Q(checklist_items__done_on__isnull=False), distinct=True),
        )
        .order_by("code")
    )
    for site in sites:
        site.current_health = getattr(site, "health", None)

    def order(site):
        health = site.current_health
        return (STATUS_ORDER[HealthStatus(health.status)] if health else 3, site.code)

    return sorted(sites, key=order)


def recent_health_changes(limit: int = 20) -> QuerySet[SiteHealthChange]:
    return SiteHealthChange.objects.select_related("site").order_by("-changed_at", "-pk")[:limit]
