"""The programme dashboard: figures across the sites a person may see, filterable by period, in a
fixed number of queries whatever the number of sites."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from statistics import median
from time import time_ns

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.safestring import mark_safe

from cases.models import Case, CaseStatus, CommissionerIssue, Evidence, EvidenceLink, FollowUp, Outcome
from core import charts
from core.rules import is_programme_admin
from evaluation.charts import survey_chart
from evaluation.selectors import Rate, evaluation_sites_for, survey_results, surveys_with_results_for
from members.models import Sector
from sites.models import Attendance, AttendanceStatus, Expense, Meeting, MeetingStatus, Membership

EXPECTED_MEETINGS = 6
SITES_PER_PAGE = 25  # sites in the per-site charts and tables at a time
NO_SECTOR = "Not recorded"
FIGURES_SECONDS = 300  # how long the page's programme-wide counts are kept (it says when they were counted)
GENERATION_KEY = "dashboard-figures:generation"

# Slots for figures that other features add later, in this order on the page.
LATER_PANELS: list[tuple[str, str]] = []


@dataclass(frozen=True)
class Period:
    start: date | None = None
    end: date | None = None

    def _aware(self, day: date, end: bool) -> datetime:
        return timezone.make_aware(datetime.combine(day, time.max if end else time.min))

    def datetime_q(self, field: str) -> Q:
        q = Q()
        if self.start:
            q &= Q(**{f"{field}__gte": self._aware(self.start, end=False)})
        if self.end:
            q &= Q(**{f"{field}__lte": self._aware(self.end, end=True)})
        return q

    def date_q(self, field: str) -> Q:
        q = Q()
        if self.start:
            q &= Q(**{f"{field}__gte": self.start})
        if self.end:
            q &= Q(**{f"{field}__lte": self.end})
        return q


def _safe(html: str):
    return mark_safe(html)  # noqa: S308 - core.charts escapes every label and value


def _money(value: Decimal) -> str:
    return f"£{value:,.2f}".replace(".00", "")


def _members_counts(site_ids: list[int], *, on: date) -> dict[tuple[int, str], int]:
    by_sector: dict[tuple[int, str], int] = {}
    for site_id, sector, n in (
        Membership.objects.current(on)
        .filter(site_id__in=site_ids)
        .values_list("site_id", "person__sector")
        .annotate(n=Count("person", distinct=True))
        .values_list("site_id", "person__sector", "n")
    ):
        by_sector[(site_id, sector or "")] = n
    return by_sector


def members_by_sector(
    sites: list, *, on: date, shown: list | None = None, counts: dict[tuple[int, str], int] | None = None
) -> dict:
    """Current members on `on` at each site, by the sector of their agency: chart, table and counts. The counts
    are over `sites` (or the given `counts` of them); the chart and the table show the `shown` ones (a page of
    them; all by default)."""
    all_sites, sites = sites, (sites if shown is None else shown)
    sector_labels = dict(Sector.choices)
    by_sector = _members_counts([s.pk for s in all_sites], on=on) if counts is None else counts
    sector_totals: dict[str, int] = {}
    for (_, sector), n in by_sector.items():  # counted over `all_sites` only
        sector_totals[sector] = sector_totals.get(sector, 0) + n
    sector_keys = [value for value, _ in Sector.choices] + ([""] if any(k[1] == "" for k in by_sector) else [])
    sector_names = [sector_labels.get(key, NO_SECTOR) for key in sector_keys]
    site_labels = [f"{s.code} {s.town}" for s in sites]
    sector_series = [
        (name, [by_sector.get((s.pk, key), 0) for s in sites])
        for key, name in zip(sector_keys, sector_names, strict=True)
    ]
    return {
        "svg": _safe(
            charts.stacked_bar_chart(
                title="Members by sector at each site",
                description=f"Current members on {on.day} {on:%B %Y}, by the sector of their agency.",
                labels=site_labels,
                series=sector_series,
            )
        ),
        "table": _safe(
            charts.data_table(
                caption=f"Members by sector on {on.day} {on:%B %Y}",
                headers=["Site", *sector_names, "Total"],
                rows=[
                    [label, *[vals[i] for _, vals in sector_series], sum(vals[i] for _, vals in sector_series)]
                    for i, label in enumerate(site_labels)
                ],
            )
        ),
        "total": sum(by_sector.values()),
        "by_sector": [(name, sector_totals.get(key, 0)) for key, name in zip(sector_keys, sector_names, strict=True)],
        "sectors": sector_names,
        "rows": [
            {"site": s, "counts": [vals[i] for _, vals in sector_series], "total": sum(v[i] for _, v in sector_series)}
            for i, s in enumerate(sites)
        ],
    }


def _held_counts(site_ids: list[int], *, period: Period) -> dict[int, int]:
    return dict(
        Meeting.objects.filter(site_id__in=site_ids, status=MeetingStatus.SCHEDULED, ends_at__lt=timezone.now())
        .filter(period.datetime_q("starts_at"))
        .values_list("site_id")
        .annotate(n=Count("pk"))
        .values_list("site_id", "n")
    )


def meetings_held(
    sites: list, *, period: Period, shown: list | None = None, held: dict[int, int] | None = None
) -> dict:
    """Meetings held (not cancelled, already over) at each site in the period, against the six expected. The total
    is over `sites` (or the given `held` counts of them); the chart and the rows show the `shown` ones (a page of
    them; all by default)."""
    if held is None:
        held = _held_counts([s.pk for s in sites], period=period)
    total = sum(held.values())
    sites = sites if shown is None else shown
    site_labels = [f"{s.code} {s.town}" for s in sites]
    held_values = [held.get(s.pk, 0) for s in sites]
    return {
        "svg": _safe(
            charts.bar_chart(
                title=f"Meetings held at each site (at least {EXPECTED_MEETINGS} expected)",
                description="; ".join(f"{label}: {n}" for label, n in zip(site_labels, held_values, strict=True)),
                labels=site_labels,
                values=held_values,
                max_value=max([EXPECTED_MEETINGS, *held_values]),
            )
        ),
        "rows": [
            {"site": s, "held": n, "expected": EXPECTED_MEETINGS, "met": n >= EXPECTED_MEETINGS}
            for s, n in zip(sites, held_values, strict=True)
        ],
        "total": total,
    }


def _monthly_attendance(site_ids: list[int], *, period: Period) -> dict[date, dict[str, int]]:
    monthly: dict[date, dict[str, int]] = {}
    for month, status, n in (
        Attendance.objects.filter(meeting__site_id__in=site_ids, meeting__status=MeetingStatus.SCHEDULED)
        .filter(period.datetime_q("meeting__starts_at"))
        .annotate(month=TruncMonth("meeting__starts_at"))
        .values_list("month", "status")
        .annotate(n=Count("pk"))
        .values_list("month", "status", "n")
        .order_by("month")
    ):
        key = month.date() if isinstance(month, datetime) else month
        monthly.setdefault(key, {})[status] = n
    return monthly


def attendance_by_month(sites: list, *, period: Period, monthly: dict[date, dict[str, int]] | None = None) -> dict:
    """Attendance rate per month: present / (present + apologies + absent) of register lines."""
    if monthly is None:
        monthly = _monthly_attendance([s.pk for s in sites], period=period)
    months = sorted(monthly)
    counted = (AttendanceStatus.PRESENT, AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT)
    rates = [
        Rate(monthly[m].get(AttendanceStatus.PRESENT, 0), sum(monthly[m].get(s, 0) for s in counted)) for m in months
    ]
    month_labels = [f"{m:%b %Y}" for m in months]
    return {
        "svg": _safe(
            charts.line_chart(
                title="Attendance rate per month",
                description="; ".join(f"{label}: {r}" for label, r in zip(month_labels, rates, strict=True))
                or "No attendance recorded in this period.",
                x_labels=month_labels,
                series=[("", [r.percent for r in rates])],
                unit="%",
                max_value=100,
            )
        )
        if months
        else None,
        "table": _safe(
            charts.data_table(
                caption="Attendance rate per month (present out of everyone on the register)",
                headers=["Month", "Attendance rate"],
                rows=[[label, str(r)] for label, r in zip(month_labels, rates, strict=True)],
            )
        ),
        "overall": Rate(sum(r.part for r in rates), sum(r.whole for r in rates)),
        "rows": [{"month": m, "rate": r} for m, r in zip(months, rates, strict=True)],
    }


def attendance_by_meeting(sites: list, *, period: Period) -> list[dict]:
    """Each meeting held in the period at these sites, with its register's counts: figures, never names."""
    site_ids = [s.pk for s in sites]
    counts: dict[int, dict[str, int]] = {}
    for meeting_id, status, n in (
        Attendance.objects.filter(meeting__site_id__in=site_ids)
        .filter(period.datetime_q("meeting__starts_at"))
        .values_list("meeting_id", "status")
        .annotate(n=Count("pk"))
        .values_list("meeting_id", "status", "n")
    ):
        counts.setdefault(meeting_id, {})[status] = n
    meetings = (
        Meeting.objects.filter(site_id__in=site_ids, starts_at__lt=timezone.now())
        .filter(period.datetime_q("starts_at"))
        .select_related("site")
        .order_by("site__code", "starts_at", "pk")
    )
    rows = []
    for meeting in meetings:
        register = counts.get(meeting.pk, {})
        present, apologies, absent = (
            register.get(s, 0) for s in (AttendanceStatus.PRESENT, AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT)
        )
        rows.append(
            {
                "meeting": meeting,
                "site": meeting.site,
                "cancelled": meeting.status == MeetingStatus.CANCELLED,
                "present": present,
                "apologies": apologies,
                "absent": absent,
                "rate": Rate(present, present + apologies + absent),
            }
        )
    return rows


def _programme_figures(site_ids: list[int], *, period: Period, on: date) -> dict:
    """The programme-wide counts behind every panel, by site: plain numbers, so they can be kept in the cache."""
    follow_up_rows = list(
        FollowUp.objects.filter(case__site_id__in=site_ids)
        .exclude(case__status=CaseStatus.DRAFT)
        .filter(period.datetime_q("meeting__starts_at"))
        .values_list("case__site_id", "outcome")
        .annotate(n=Count("pk"))
        .values_list("case__site_id", "outcome", "n")
    )
    return {
        "as_of": timezone.now(),
        "members": _members_counts(site_ids, on=on),
        "held": _held_counts(site_ids, period=period),
        "monthly": _monthly_attendance(site_ids, period=period),
        "spent": dict(
            Expense.objects.filter(site_id__in=site_ids)
            .filter(period.date_q("spent_on"))
            .values_list("site_id")
            .annotate(total=Sum("amount"))
            .values_list("site_id", "total")
        ),
        "discussed": dict(
            Case.objects.filter(site_id__in=site_ids, meeting__isnull=False)
            .exclude(status=CaseStatus.DRAFT)
            .filter(period.datetime_q("meeting__starts_at"))
            .values_list("site_id")
            .annotate(n=Count("pk"))
            .values_list("site_id", "n")
        ),
        "follow_ups": follow_up_rows,
        "evidence_added": Evidence.objects.filter(period.datetime_q("added_at")).count(),
        "issue_days": issue_response_days(site_ids, period=period),
        "evidence_linked": EvidenceLink.objects.filter(case__site_id__in=site_ids)
        .filter(period.datetime_q("added_at"))
        .count(),
    }


def issue_response_days(site_ids: list[int], *, period: Period) -> list[float | None]:
    """For each issue for commissioners raised in the period at these sites (cases past draft), the days it waited
    for its first commissioner's response, or None while it still waits."""
    rows = (
        CommissionerIssue.objects.filter(case__site_id__in=site_ids)
        .exclude(case__status=CaseStatus.DRAFT)
        .filter(period.datetime_q("raised_at"))
        .values_list("raised_at", "first_response_at")
    )
    return [None if answered is None else (answered - raised).total_seconds() / 86400 for raised, answered in rows]


def issues_answered(days: list[float | None]) -> dict:
    """How many issues got a response, and the median days to the first response (of those answered)."""
    answered = [d for d in days if d is not None]
    return {
        "raised": len(days),
        "answered": len(answered),
        "rate": Rate(len(answered), len(days)),
        "median_days": round(median(answered), 1) if answered else None,
    }


def cached_programme_figures(site_ids: list[int], *, period: Period, on: date) -> dict:
    """The programme-wide counts, kept for FIGURES_SECONDS under a key of the sites, the period, the day and the
    figures' generation (moved on whenever a row they count is saved or deleted, see evaluation/signals.py), so a
    change made through the app shows at once and anything else (bulk loads, time passing) within minutes."""
    digest = hashlib.sha256(",".join(map(str, site_ids)).encode()).hexdigest()[:24]
    key = f"dashboard-figures:{figures_generation()}:{digest}:{period.start}:{period.end}:{on}"
    figures = cache.get(key)
    if figures is None:
        figures = _programme_figures(site_ids, period=period, on=on)
        cache.set(key, figures, FIGURES_SECONDS)
    return figures


def figures_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = time_ns()  # a fresh start never meets keys left from an earlier one
        cache.add(GENERATION_KEY, generation, timeout=None)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


def figures_changed() -> None:
    """Move the figures on: the next dashboard counts afresh."""
    cache.set(GENERATION_KEY, time_ns(), timeout=None)


def programme_dashboard(user, *, period: Period, page: str | int | None = None, every_site: bool = False) -> dict:
    """Totals over every site the user may see; the per-site charts and tables for SITES_PER_PAGE of them at a time
    (a national programme has hundreds: one chart of 500 bars is neither readable nor quick), or for every site
    (downloads and the API, which count afresh; the page uses figures at most FIGURES_SECONDS old and says when
    they were counted)."""
    all_sites = list(evaluation_sites_for(user))
    site_ids = [s.pk for s in all_sites]
    site_page = Paginator(all_sites, SITES_PER_PAGE).get_page(page)
    sites = all_sites if every_site else list(site_page.object_list)
    on = min(period.end, timezone.localdate()) if period.end else timezone.localdate()
    figures = (
        _programme_figures(site_ids, period=period, on=on)
        if every_site
        else cached_programme_figures(site_ids, period=period, on=on)
    )
    site_labels = [f"{s.code} {s.town}" for s in sites]
    members = members_by_sector(all_sites, on=on, shown=sites, counts=figures["members"])
    meetings = meetings_held(all_sites, period=period, shown=sites, held=figures["held"])
    attendance = attendance_by_month(all_sites, period=period, monthly=figures["monthly"])

    # Budget spent against the award.
    spent = figures["spent"]
    spent_values = [spent.get(s.pk) or Decimal(0) for s in sites]
    budget = {
        "svg": _safe(
            charts.grouped_bar_chart(
                title="Budget spent against the award at each site (£)",
                description="; ".join(
                    f"{label}: {_money(v)} spent of {_money(s.award)}"
                    for label, v, s in zip(site_labels, spent_values, sites, strict=True)
                ),
                labels=site_labels,
                series=[("Award", [round(s.award) for s in sites]), ("Spent", [round(v) for v in spent_values])],
            )
        ),
        "rows": [
            {
                "site": s,
                "spent": _money(v),
                "award": _money(s.award),
                "percent": Rate(int(v), int(s.award) or 1).percent,
            }
            for s, v in zip(sites, spent_values, strict=True)
        ],
    }

    # Cases discussed and followed up, and the outcomes reported (maintenance and prevention count as
    # much as recovery, so they are shown side by side). Never drafts.
    discussed = figures["discussed"]
    follow_up_rows = figures["follow_ups"]
    followed_up: dict[int, int] = {}
    by_outcome = {value: 0 for value, _ in Outcome.choices}
    for site_id, outcome, n in follow_up_rows:
        followed_up[site_id] = followed_up.get(site_id, 0) + n
        by_outcome[outcome] += n
    case_series = [
        ("Discussed", [discussed.get(s.pk, 0) for s in sites]),
        ("Followed up", [followed_up.get(s.pk, 0) for s in sites]),
    ]
    cases_panel = {
        "rows": [
            {"site": s, "discussed": d, "followed_up": f}
            for s, d, f in zip(sites, case_series[0][1], case_series[1][1], strict=True)
        ],
        "total_discussed": sum(discussed.values()),
        "total_followed_up": sum(followed_up.values()),
        "svg": _safe(
            charts.grouped_bar_chart(
                title="Cases discussed and followed up at each site",
                description="; ".join(
                    f"{label}: {d} discussed, {f} followed up"
                    for label, d, f in zip(site_labels, case_series[0][1], case_series[1][1], strict=True)
                ),
                labels=site_labels,
                series=case_series,
            )
        ),
    }
    outcome_labels = [label for value, label in Outcome.choices if value != Outcome.NONE_YET]
    outcome_values = [by_outcome[value] for value, _ in Outcome.choices if value != Outcome.NONE_YET]
    outcomes_panel = {
        "total": sum(outcome_values),
        "svg": _safe(
            charts.bar_chart(
                title="Outcomes reported at follow-up",
                description="; ".join(f"{label}: {n}" for label, n in zip(outcome_labels, outcome_values, strict=True)),
                labels=outcome_labels,
                values=outcome_values,
            )
        ),
        "rows": list(zip(outcome_labels, outcome_values, strict=True)),
        "none_yet": by_outcome[Outcome.NONE_YET],
    }

    # Evidence the knowledge brokers added in the period, and how much of it reached these sites' cases.
    evidence_panel = {
        "added": figures["evidence_added"],
        "linked": figures["evidence_linked"],
    }

    # Issues for commissioners raised in the period: how many got a response, and how fast.
    issues_panel = issues_answered(figures["issue_days"])

    # The latest survey opened in the period, over the sites the user may see.
    survey = surveys_with_results_for(user).filter(period.datetime_q("opened_at")).first()
    survey_panel = None
    if survey is not None:
        results = survey_results(survey, site_ids=None if is_programme_admin(user) else set(site_ids))
        survey_panel = {"results": results, "chart": survey_chart(results)}

    return {
        "sites": all_sites,
        "site_page": site_page,
        "members": members,
        "meetings": meetings,
        "attendance": attendance,
        "budget": budget,
        "survey": survey_panel,
        "cases": cases_panel,
        "outcomes": outcomes_panel,
        "evidence": evidence_panel,
        "issues": issues_panel,
        "later_panels": LATER_PANELS,
        "expected_meetings": EXPECTED_MEETINGS,
        "figures_as_of": figures["as_of"],
    }
