"""The early-warning rules. Each rule looks at one site and returns the warnings it finds, in plain
words; a site's status is its worst warning. Rules are registered with `@health_rule`, so a feature
(cases, for instance) can add its own without changing the job that runs them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import cached_property

from django.db.models import Count, Q, Sum
from django.utils import timezone

from cases.models import Case
from members.models import Sector
from sites.models import (
    EXPECTED_MEETINGS,
    AttendanceStatus,
    Expense,
    Meeting,
    MeetingStatus,
    Membership,
    MembershipRole,
    Site,
)
from toolkit.models import HealthStatus, WarningThresholds

LEVEL_ORDER = {HealthStatus.HEALTHY: 0, HealthStatus.WATCH: 1, HealthStatus.AT_RISK: 2}


@dataclass(frozen=True)
class HealthWarning:
    rule: str
    level: str  # HealthStatus.WATCH or HealthStatus.AT_RISK
    text: str

    def as_json(self) -> dict:
        return {"rule": self.rule, "level": str(self.level), "text": self.text}


@dataclass
class SiteFacts:
    """What the rules look at, read once per site."""

    site: Site
    thresholds: WarningThresholds
    now: datetime = field(default_factory=timezone.now)

    @property
    def today(self) -> date:
        return timezone.localdate(self.now)

    @cached_property
    def held_meetings(self) -> list[Meeting]:
        """Meetings that have taken place (not cancelled, already ended), oldest first, with register counts."""
        members_lines = Q(attendances__is_guest=False)
        return list(
            Meeting.objects.scheduled()
            .filter(site=self.site, ends_at__lt=self.now)
            .annotate(
                register_lines=Count("attendances", filter=members_lines),
                present_count=Count(
                    "attendances", filter=members_lines & Q(attendances__status=AttendanceStatus.PRESENT)
                ),
            )
            .order_by("starts_at")
        )


Rule = Callable[[SiteFacts], list[HealthWarning]]
HEALTH_RULES: list[Rule] = []


def health_rule(function: Rule) -> Rule:
    """Register a rule; the daily job runs every registered rule on every active or setting-up site."""
    HEALTH_RULES.append(function)
    return function


def run_health_rules(facts: SiteFacts) -> list[HealthWarning]:
    warnings: list[HealthWarning] = []
    for rule in HEALTH_RULES:
        warnings.extend(rule(facts))
    return sorted(warnings, key=lambda w: -LEVEL_ORDER[HealthStatus(w.level)])


def overall_status(warnings: list[HealthWarning]) -> str:
    worst = max((LEVEL_ORDER[HealthStatus(w.level)] for w in warnings), default=0)
    return next(status for status, order in LEVEL_ORDER.items() if order == worst)


def _date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _percent(value: float) -> str:
    return f"{round(value * 100)}%"


def count_confirmed_members(site: Site, *, attended_at_least: int, now: datetime) -> int:
    """Current members (not facilitators) present at `attended_at_least` or more of the site's held meetings.
    One aggregate query."""
    present_here = Q(
        person__attendances__status=AttendanceStatus.PRESENT,
        person__attendances__meeting__site=site,
        person__attendances__meeting__ends_at__lt=now,
        person__attendances__meeting__status=MeetingStatus.SCHEDULED,
    )
    return (
        Membership.objects.current(timezone.localdate(now))
        .filter(site=site, role=MembershipRole.MEMBER)
        .annotate(meetings_attended=Count("person__attendances__meeting", filter=present_here, distinct=True))
        .filter(meetings_attended__gte=attended_at_least)
        .count()
    )


@health_rule
def too_few_confirmed_members(facts: SiteFacts) -> list[HealthWarning]:
    limits = facts.thresholds
    held = len(facts.held_meetings)
    if held < limits.confirmed_after_meetings:
        return []
    confirmed = count_confirmed_members(facts.site, attended_at_least=limits.confirmed_min_attended, now=facts.now)
    if confirmed >= limits.min_confirmed_members:
        return []
    people = "member has" if confirmed == 1 else "members have"
    return [
        HealthWarning(
            "too_few_confirmed_members",
            HealthStatus.AT_RISK,
            f"Fewer than {limits.min_confirmed_members} confirmed members after meeting "
            f"{limits.confirmed_after_meetings}: "
            f"only {confirmed} {people} come to {limits.confirmed_min_attended} or more of the {held} meetings held. "
            "CP2 closed at this point; ask a senior manager in the host organisation to help approach agencies.",
        )
    ]


@health_rule
def attendance_falling(facts: SiteFacts) -> list[HealthWarning]:
    count = facts.thresholds.falling_attendance_meetings
    recent = facts.held_meetings[-count:]
    if len(recent) < count or any(m.register_lines == 0 for m in recent):
        return []
    rates = [m.present_count / m.register_lines for m in recent]
    if not all(earlier > later for earlier, later in zip(rates, rates[1:], strict=False)):
        return []
    return [
        HealthWarning(
            "attendance_falling",
            HealthStatus.WATCH,
            f"Attendance has fallen at each of the last {count} meetings: "
            + ", then ".join(_percent(rate) for rate in rates)
            + " of the register present. Ask members what would help them come.",
        )
    ]


def _sector_q(sector: str) -> Q:
    q = Q(person__sector=sector)
    if sector == Sector.EXPERTS_BY_EXPERIENCE:
        q |= Q(person__expert_by_experience=True)
    return q


@health_rule
def sector_missing(facts: SiteFacts) -> list[HealthWarning]:
    """A sector with no current member for the whole of the last N days (judged from joined and left dates)."""
    days = facts.thresholds.sector_gap_days
    window_start = facts.today - timedelta(days=days)
    if facts.site.start_date > window_start:
        return []
    overlapping = Membership.objects.filter(
        site=facts.site, role=MembershipRole.MEMBER, joined__lte=facts.today
    ).filter(Q(left__isnull=True) | Q(left__gt=window_start))
    present = overlapping.aggregate(**{sector.value: Count("pk", filter=_sector_q(sector)) for sector in Sector})
    missing = [sector.label for sector in Sector if not present[sector.value]]
    if not missing:
        return []
    sectors = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " or " + missing[-1]
    return [
        HealthWarning(
            "sector_missing",
            HealthStatus.WATCH,
            f"No member from {sectors} for more than {days} days. "
            "Check the gaps panel on the site page for who to approach.",
        )
    ]


@health_rule
def no_recent_case(facts: SiteFacts) -> list[HealthWarning]:
    """No case discussed at the last N meetings held."""
    count = facts.thresholds.no_case_meetings
    recent = facts.held_meetings[-count:]
    if len(recent) < count or Case.objects.filter(meeting__in=recent).exists():
        return []
    return [
        HealthWarning(
            "no_recent_case",
            HealthStatus.WATCH,
            f"No case was presented at the last {count} meetings. Ask a member to bring one to the next meeting.",
        )
    ]


@health_rule
def no_recent_meeting(facts: SiteFacts) -> list[HealthWarning]:
    if not facts.held_meetings:
        return []  # the first meeting has not happened yet
    days = facts.thresholds.no_meeting_days
    last = facts.held_meetings[-1]
    if last.ends_at >= facts.now - timedelta(days=days):
        return []
    last_day = _date(timezone.localtime(last.starts_at).date())
    next_meeting = Meeting.objects.upcoming(facts.now).filter(site=facts.site).first()
    if next_meeting is None:
        return [
            HealthWarning(
                "no_recent_meeting",
                HealthStatus.AT_RISK,
                f"No meeting for more than {days} days (the last was on {last_day}) and none is scheduled. "
                "Schedule the next meeting.",
            )
        ]
    next_day = _date(timezone.localtime(next_meeting.starts_at).date())
    return [
        HealthWarning(
            "no_recent_meeting",
            HealthStatus.WATCH,
            f"No meeting for more than {days} days (the last was on {last_day}); the next is on {next_day}.",
        )
    ]


@health_rule
def budget_ahead_of_meetings(facts: SiteFacts) -> list[HealthWarning]:
    award = facts.site.award
    if not award:
        return []
    spent = Expense.objects.filter(site=facts.site).aggregate(total=Sum("amount"))["total"] or Decimal(0)
    held = min(len(facts.held_meetings), EXPECTED_MEETINGS)
    spent_share = float(spent / award)
    held_share = held / EXPECTED_MEETINGS
    if (spent_share - held_share) * 100 <= facts.thresholds.budget_margin_points:
        return []
    return [
        HealthWarning(
            "budget_ahead_of_meetings",
            HealthStatus.WATCH,
            f"£{spent:,.2f} of the £{award:,.2f} award is spent ({_percent(spent_share)}) but only {held} of the "
            f"{EXPECTED_MEETINGS} expected meetings are held ({_percent(held_share)}). "
            "Check the budget can cover the rest.",
        )
    ]
