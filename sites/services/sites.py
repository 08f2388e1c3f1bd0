"""Host sites: creating and editing them, their target disciplines and target group size, and the
recruitment gaps a site's facilitators need to see."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from members.models import Sector, User
from sites.models import ENDED_STATUSES, Membership, MembershipRole, Site, TargetDiscipline
from sites.services.ground_rules import start_ground_rules
from sites.services.memberships import check_may_hold_membership

DEFAULT_TARGET_DISCIPLINES = [
    # name, sector, keywords: the report's hardest disciplines to recruit
    ("Social worker, local authority adult social care", Sector.LOCAL_AUTHORITY, "social worker"),
    ("NHS mental health practitioner", Sector.NHS, "mental health, psychiatric, CPN, dual diagnosis"),
    ("Council housing officer", Sector.LOCAL_AUTHORITY, "housing"),
]


def _check_site_fields(*, code: str, status: str, ended_on: date | None, ended_reason: str, site: Site | None):
    errors = {}
    taken = Site.objects.filter(code__iexact=code)
    if site is not None:
        taken = taken.exclude(pk=site.pk)
    if taken.exists():
        errors["code"] = f"The code {code} is already used by another site. Choose a different code."
    if status in ENDED_STATUSES:
        if ended_on is None:
            errors["ended_on"] = "Enter the date the site ended: it is needed when a site is closed or failed."
        if not ended_reason.strip():
            errors["ended_reason"] = "Say why the site ended: it is needed when a site is closed or failed."
    if errors:
        raise ValidationError(errors)


def _set_facilitators(*, site: Site, facilitators, on: date, by: User) -> None:
    """Make exactly these people the site's current facilitators. Anyone dropped stays as a member.
    Each role change is in the audit log."""
    wanted = {person.pk: person for person in facilitators}
    for person in wanted.values():
        check_may_hold_membership(person)
    current = {m.person_id: m for m in Membership.objects.current(on).filter(site=site).select_related("person")}
    for membership in current.values():
        if membership.is_facilitator and membership.person_id not in wanted:
            membership.role = MembershipRole.MEMBER
            membership.save(update_fields=["role"])
            record_event(actor=by, action=AuditAction.ROLE_CHANGED, target=membership.person,
                         detail=f"now member at {site.code}")  # fmt: skip
    for person_id, person in wanted.items():
        membership = current.get(person_id)
        if membership is None:
            membership = Membership.objects.filter(site=site, person=person, left__isnull=True).first()
        if membership is None:
            Membership.objects.create(site=site, person=person, role=MembershipRole.FACILITATOR, joined=on)
        elif not membership.is_facilitator:
            membership.role = MembershipRole.FACILITATOR
            membership.save(update_fields=["role"])
        else:
            continue
        record_event(actor=by, action=AuditAction.ROLE_CHANGED, target=person,
                     detail=f"now facilitator at {site.code}")  # fmt: skip


@transaction.atomic
def create_site(
    *,
    created_by: User,
    code: str,
    name: str,
    town: str,
    host_organisation: str,
    start_date: date,
    status: str,
    ended_on: date | None = None,
    ended_reason: str = "",
    facilitators=(),
) -> Site:
    """Create a host site with its facilitators and the default target disciplines."""
    if not created_by.has_perm("sites.add_site"):
        raise PermissionDenied("Only a programme admin can create a site.")
    code = code.strip().upper()
    _check_site_fields(code=code, status=status, ended_on=ended_on, ended_reason=ended_reason, site=None)
    site = Site.objects.create(
        code=code,
        name=name.strip(),
        town=town.strip(),
        host_organisation=host_organisation.strip(),
        start_date=start_date,
        status=status,
        ended_on=ended_on if status in ENDED_STATUSES else None,
        ended_reason=ended_reason.strip() if status in ENDED_STATUSES else "",
    )
    TargetDiscipline.objects.bulk_create(
        TargetDiscipline(site=site, name=name, sector=sector, keywords=keywords)
        for name, sector, keywords in DEFAULT_TARGET_DISCIPLINES
    )
    on = min(start_date, timezone.localdate())
    _set_facilitators(site=site, facilitators=facilitators, on=on, by=created_by)
    start_ground_rules(site=site)
    return site


@transaction.atomic
def update_site(
    *,
    site: Site,
    changed_by: User,
    code: str,
    name: str,
    town: str,
    host_organisation: str,
    start_date: date,
    status: str,
    ended_on: date | None = None,
    ended_reason: str = "",
    facilitators=None,
) -> Site:
    """Change a site's details and status; with `facilitators`, make them its current facilitators."""
    if not changed_by.has_perm("sites.change_site", site):
        raise PermissionDenied("Only a programme admin can change a site's details.")
    code = code.strip().upper()
    _check_site_fields(code=code, status=status, ended_on=ended_on, ended_reason=ended_reason, site=site)
    site.code = code
    site.name = name.strip()
    site.town = town.strip()
    site.host_organisation = host_organisation.strip()
    site.start_date = start_date
    site.status = status
    site.ended_on = ended_on if status in ENDED_STATUSES else None
    site.ended_reason = ended_reason.strip() if status in ENDED_STATUSES else ""
    site.save(
        update_fields=["code", "name", "town", "host_organisation", "start_date", "status", "ended_on", "ended_reason"]
    )
    if facilitators is not None:
        _set_facilitators(site=site, facilitators=facilitators, on=timezone.localdate(), by=changed_by)
    return site


# Target group size and disciplines
@transaction.atomic
def set_target_size(*, site: Site, changed_by: User, minimum: int, maximum: int) -> Site:
    if not changed_by.has_perm("sites.manage_targets", site):
        raise PermissionDenied("Only this site's facilitators can change its target size.")
    if minimum < 1 or maximum < minimum:
        raise ValidationError("The smallest size must be at least 1 and no bigger than the largest size.")
    site.target_size_min = minimum
    site.target_size_max = maximum
    site.save(update_fields=["target_size_min", "target_size_max"])
    return site


@transaction.atomic
def add_target_discipline(*, site: Site, added_by: User, name: str, sector: str, keywords: str) -> TargetDiscipline:
    if not added_by.has_perm("sites.manage_targets", site):
        raise PermissionDenied("Only this site's facilitators can change its target disciplines.")
    name = name.strip()
    if TargetDiscipline.objects.filter(site=site, name__iexact=name).exists():
        raise ValidationError({"name": f"This site already has a target discipline called “{name}”."})
    words = [w.strip() for w in keywords.split(",") if w.strip()]
    if not words:
        raise ValidationError({"keywords": "Enter at least one word to look for in job titles, such as “nurse”."})
    return TargetDiscipline.objects.create(site=site, name=name, sector=sector, keywords=", ".join(words))


@transaction.atomic
def remove_target_discipline(*, discipline: TargetDiscipline, removed_by: User) -> None:
    if not removed_by.has_perm("sites.manage_targets", discipline.site):
        raise PermissionDenied("Only this site's facilitators can change its target disciplines.")
    discipline.delete()


# Recruitment gaps
def discipline_keywords(discipline: TargetDiscipline) -> list[str]:
    return [w.strip().lower() for w in discipline.keywords.split(",") if w.strip()]


def fills_discipline(person: User, discipline: TargetDiscipline) -> bool:
    if discipline.sector and person.sector != discipline.sector:
        return False
    title = person.job_title.lower()
    return any(word in title for word in discipline_keywords(discipline))


@dataclass
class RecruitmentGaps:
    group_size: int
    target_min: int
    target_max: int
    missing_sectors: list[str] = field(default_factory=list)
    unfilled: list[TargetDiscipline] = field(default_factory=list)
    filled: list[TargetDiscipline] = field(default_factory=list)

    @property
    def size_status(self) -> str:
        if self.group_size < self.target_min:
            return "below"
        if self.group_size > self.target_max:
            return "above"
        return "within"

    @property
    def members_needed(self) -> int:
        return max(self.target_min - self.group_size, 0)


def recruitment_gaps(
    site: Site, *, on: date | None = None, memberships: list[Membership] | None = None
) -> RecruitmentGaps:
    """Group size against the target, sectors with no current member, and target disciplines not filled.
    Facilitators are not counted: the gaps are about the group they recruit. Two queries, or one when given the
    site's `memberships` current today (every role, with their people), which the site page has read already."""
    if memberships is None:
        on = on or timezone.localdate()
        memberships = (
            Membership.objects.current(on).filter(site=site, role=MembershipRole.MEMBER).select_related("person")
        )
    people = [m.person for m in memberships if m.role == MembershipRole.MEMBER]
    sectors_present = {p.sector for p in people}
    if any(p.expert_by_experience for p in people):
        sectors_present.add(Sector.EXPERTS_BY_EXPERIENCE)
    gaps = RecruitmentGaps(group_size=len(people), target_min=site.target_size_min, target_max=site.target_size_max)
    gaps.missing_sectors = [label for value, label in Sector.choices if value not in sectors_present]
    for discipline in TargetDiscipline.objects.filter(site=site).order_by("name"):
        if any(fills_discipline(p, discipline) for p in people):
            gaps.filled.append(discipline)
        else:
            gaps.unfilled.append(discipline)
    return gaps
