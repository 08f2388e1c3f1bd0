"""Starting a new site from an existing one (the report's "sprouting" communities): the new site takes the parts of
the existing one a programme admin chooses, and never its people, meetings, cases or spending.

The parts:
- settings: target group size, the reminder period and the target disciplines;
- the meeting pattern: the existing site's series (day, week, times, how far ahead) planning the new site's meetings
  from its start date, without the venue (a new site meets in its own place);
- the set-up checklist: the existing site's steps, in its order and wording, none of them done;
- the ground rules: the existing site's current text, as the new site's version 1 (its group confirms it or agrees
  its own).
The toolkit's documents (letters, templates) come with every site, filled in with the new site's details.
Never copied: members and facilitators, invitations, meetings and registers, cases, the budget's spending (the award
starts at the programme's default), health checks, consents and payments of experts by experience.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from members.models import User
from sites.models import GroundRulesVersion, MeetingSeries, Site, SiteStatus, TargetDiscipline
from sites.services.ground_rules import current_version
from sites.services.series import create_series
from sites.services.sites import create_site
from toolkit.models import SiteChecklist, SiteChecklistItem
from toolkit.services.checklist import ensure_site_checklist

PARTS = {
    "settings": "Settings: target group size, reminder period and target disciplines",
    "meeting_pattern": "Meeting pattern: plans the new site's meetings from its start date",
    "checklist": "Set-up checklist, with every step not done",
    "ground_rules": "Ground rules text, as the new site's version 1",
}
NEVER_COPIED = [
    "members, facilitators and invitations",
    "meetings, registers and replies",
    "cases and learning objects",
    "budget spending (the award starts at the programme's default)",
    "health checks, and consents and payments of experts by experience",
]


@dataclass
class SproutPreview:
    """What would be copied from the existing site, part by part, to show before creating the new one."""

    source: Site
    target_size: tuple[int, int]
    reminder_days: int
    disciplines: list[TargetDiscipline]
    series: MeetingSeries | None
    checklist: list[SiteChecklistItem]
    ground_rules: GroundRulesVersion | None

    @property
    def available(self) -> dict[str, str]:
        """The parts this site has to copy (no pattern without a series, no ground rules without a version)."""
        missing = {"meeting_pattern": self.series is None, "ground_rules": self.ground_rules is None}
        return {key: label for key, label in PARTS.items() if not missing.get(key)}


def sprout_preview(source: Site) -> SproutPreview:
    ensure_site_checklist(source)
    return SproutPreview(
        source=source,
        target_size=(source.target_size_min, source.target_size_max),
        reminder_days=source.reminder_days_before,
        disciplines=list(TargetDiscipline.objects.filter(site=source).order_by("name")),
        series=MeetingSeries.objects.filter(site=source).order_by("-pk").first(),
        checklist=list(SiteChecklistItem.objects.filter(site=source).order_by("position", "pk")),
        ground_rules=current_version(source.pk),
    )


@transaction.atomic
def sprout_site(
    *,
    source: Site,
    created_by: User,
    parts: set[str],
    code: str,
    name: str,
    town: str,
    host_organisation: str,
    start_date: date,
) -> Site:
    """Create the new site (setting up, no facilitators yet) with the chosen parts of `source`."""
    if not created_by.has_perm("toolkit.sprout_site", source):
        raise PermissionDenied("Only a programme admin can start a new site from an existing one.")
    preview = sprout_preview(source)
    parts = set(parts) & set(preview.available)
    site = create_site(
        created_by=created_by, code=code, name=name, town=town, host_organisation=host_organisation,
        start_date=start_date, status=SiteStatus.SETTING_UP,
    )  # fmt: skip
    if "settings" in parts:
        site.target_size_min, site.target_size_max = preview.target_size
        site.reminder_days_before = preview.reminder_days
        site.save(update_fields=["target_size_min", "target_size_max", "reminder_days_before"])
        TargetDiscipline.objects.filter(site=site).delete()
        TargetDiscipline.objects.bulk_create(
            TargetDiscipline(site=site, name=d.name, sector=d.sector, keywords=d.keywords) for d in preview.disciplines
        )
    if "checklist" in parts:
        SiteChecklist.objects.create(site=site)
        SiteChecklistItem.objects.bulk_create(
            SiteChecklistItem(
                site=site,
                source=item.source,
                title=item.title,
                guidance=item.guidance,
                link=item.link,
                position=item.position,
            )  # fmt: skip
            for item in preview.checklist
        )
    if "ground_rules" in parts:
        GroundRulesVersion.objects.filter(site=site, number=1).update(text=preview.ground_rules.text)
    if "meeting_pattern" in parts:
        series = preview.series
        create_series(
            site=site, created_by=created_by, rule=series.rule, weekday=series.weekday,
            starts_on=max(start_date, timezone.localdate()), start_time=series.start_time, end_time=series.end_time,
            horizon_months=series.horizon_months, week_of_month=series.week_of_month,
            interval_weeks=series.interval_weeks,
        )  # fmt: skip
    copied = ", ".join(sorted(parts)) or "nothing"
    record_event(
        actor=created_by, action=AuditAction.CREATED, target=site, detail=f"started from {source.code}: {copied}"
    )
    return site
