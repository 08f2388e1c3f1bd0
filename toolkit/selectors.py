from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from cases.models import Case, CaseStatus
from sites.models import Meeting, Membership, Site
from sites.selectors.memberships import CurrentMembership
from toolkit.checklist_answers import Answer, answers_for_sites
from toolkit.models import (
    ClosingNotice,
    ClosingNoticeKind,
    HealthStatus,
    SiteChecklistItem,
    SiteHealth,
    SiteHealthChange,
)
from toolkit.services.checklist import ensure_site_checklist
from toolkit.services.health import CHECKED_STATUSES


@dataclass(frozen=True)
class ChecklistLine:
    """A step as the checklist shows it: ticked by hand, or (`answer` set) ticked from the site's records."""

    item: SiteChecklistItem
    answer: Answer | None = None

    @property
    def from_records(self) -> bool:
        return self.answer is not None

    @property
    def is_done(self) -> bool:
        return self.answer.is_done if self.answer else self.item.is_done

    @property
    def done_on(self) -> date | None:
        return self.answer.done_on if self.answer else self.item.done_on


def checklist_lines(
    site_ids: Iterable[int], *, with_people: bool = False, current: list[CurrentMembership] | None = None
) -> dict[int, list[ChecklistLine]]:
    """Every step of each site's checklist, in order, with the answers of the records: four queries in all, three
    given the sites' `current` memberships (current_memberships_at)."""
    site_ids = list(site_ids)
    items = SiteChecklistItem.objects.filter(site_id__in=site_ids).select_related("source").order_by("position", "pk")
    if with_people:
        items = items.select_related("updated_by")
    answers = answers_for_sites(site_ids, current=current)
    lines: dict[int, list[ChecklistLine]] = defaultdict(list)
    for item in items:
        key = item.source.answered_by_records if item.source else ""
        lines[item.site_id].append(ChecklistLine(item, answers[item.site_id][key] if key else None))
    return lines


def site_checklist(site: Site) -> dict:
    """The site's checklist for its page, created from the defaults on first view."""
    ensure_site_checklist(site)
    lines = checklist_lines([site.pk], with_people=True)[site.pk]
    done = sum(1 for line in lines if line.is_done)
    return {
        "lines": lines,
        "done_count": done,
        "total": len(lines),
        "percent": round(100 * done / len(lines)) if lines else 0,
    }


def site_health_of(site: Site) -> SiteHealth | None:
    return SiteHealth.objects.filter(site=site).first()


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


def health_overview(*, site_ids: Iterable[int] | None = None) -> list[Site]:
    """Active and setting-up sites (all, or those in `site_ids`) with their latest health and set-up progress, at
    risk first; then the rest by code."""
    sites = Site.objects.filter(status__in=CHECKED_STATUSES).select_related("health").order_by("code")
    if site_ids is not None:
        sites = sites.filter(pk__in=site_ids)
    sites = list(sites)
    lines = checklist_lines(site.pk for site in sites)
    for site in sites:
        site.current_health = getattr(site, "health", None)
        site.checklist_total = len(lines[site.pk])
        site.checklist_done = sum(1 for line in lines[site.pk] if line.is_done)

    def order(site):
        health = site.current_health
        return (STATUS_ORDER[HealthStatus(health.status)] if health else 3, site.code)

    return sorted(sites, key=order)


def recent_health_changes(*, site_ids: Iterable[int] | None = None, limit: int = 20) -> QuerySet[SiteHealthChange]:
    changes = SiteHealthChange.objects.select_related("site").order_by("-changed_at", "-pk")
    if site_ids is not None:
        changes = changes.filter(site_id__in=site_ids)
    return changes[:limit]


def sites_needing_attention(*, limit: int = 10) -> list[SiteHealth]:
    """For a programme admin's home: the sites whose last health check says at risk or watch, at risk first, each
    with the first reason in plain words."""
    checks = SiteHealth.objects.filter(
        status__in=[HealthStatus.AT_RISK, HealthStatus.WATCH], site__status__in=CHECKED_STATUSES
    ).select_related("site")
    ordered = sorted(checks, key=lambda health: (STATUS_ORDER[HealthStatus(health.status)], health.site.code))
    for health in ordered:
        health.first_reason = next((reason.get("text", "") for reason in health.reasons or []), "")
    return ordered[:limit]


def closing_email_details(notice: ClosingNotice) -> dict:
    """What a closing email fills in: the site's facilitators, and for a presenter the titles of their drafts."""
    details = {
        "facilitators": [
            m.person
            for m in Membership.objects.filter(site=notice.site, role="facilitator", left__isnull=True)
            .select_related("person")
            .order_by("person__name")
        ],
        "retention_days": settings.DRAFT_RETENTION_DAYS,
    }
    if notice.kind == ClosingNoticeKind.DRAFT:
        details["drafts"] = list(
            Case.objects.filter(site=notice.site, status=CaseStatus.DRAFT, presenters=notice.person).order_by("pk")
        )
    return details
