"""What a commissioner digest says: reads shaped for the document, with every text screened for personal data.

Only cases that have passed the anonymisation gate (shared or later) are read, never drafts, and never a
presenter's, member's or facilitator's name. Every text included (case titles, issues for commissioners,
learning-object summaries) is run through `find_personal_data` once more; a text with any finding is left
out and counted as withheld.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.safestring import mark_safe

from cases.models import (
    OPEN_ISSUE_STATUSES,
    Case,
    CaseStatus,
    CommissionerIssue,
    FollowUp,
    IssueStatus,
    Outcome,
    Theme,
)
from core import charts
from core.anonymisation import find_personal_data
from evaluation.dashboard import EXPECTED_MEETINGS, Period, attendance_by_month, meetings_held, members_by_sector
from sites.models import Site

NO_THEME = "No theme recorded"
# Cases whose discussion the digest reports: discussed or later (a meeting is recorded at discussion).
DISCUSSED_STATUSES = (
    CaseStatus.DISCUSSED,
    CaseStatus.FOLLOWED_UP,
    CaseStatus.WRITTEN_UP,
    CaseStatus.PUBLISHED,
    CaseStatus.PUBLIC,
)
# The outcomes the report insists on counting alike, in the order shown side by side.
REPORTED_OUTCOMES = (Outcome.MAINTENANCE, Outcome.PREVENTION, Outcome.RECOVERY)
OUTCOME_NAMES = {Outcome.MAINTENANCE: "Maintenance", Outcome.PREVENTION: "Prevention", Outcome.RECOVERY: "Recovery"}
SUMMARY_WORDS = 80
# Each outcome's column lists this many cases; the table by site counts them all.
OUTCOME_TITLES_LISTED = 8
# Charts with one bar per site become a distribution when there are more sites than fit on a page.
MAX_SITES_CHARTED = 15


def _safe(svg: str):
    return mark_safe(svg)  # noqa: S308 - core.charts escapes every label and value


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def period_label(start: date, end: date) -> str:
    return f"{long_date(start)} to {long_date(end)}"


class Screen:
    """Lets through only text with no possible personal data, and counts what it holds back."""

    def __init__(self) -> None:
        self.withheld = 0
        self._cache: dict[str, bool] = {}

    def clean(self, text: str) -> bool:
        text = text or ""
        if text not in self._cache:
            self._cache[text] = not find_personal_data(text)
        return self._cache[text]

    def text(self, text: str) -> str | None:
        """The text if clean; None (and one more withheld) if not."""
        if self.clean(text):
            return text
        self.withheld += 1
        return None

    def title(self, case: Case) -> str:
        if self.clean(case.title):
            return case.title
        self.withheld += 1
        return f"A case at {case.site.code} (title withheld)"


@dataclass
class ThemeIssues:
    """A theme's issues: every case raising it counts; each case is listed once, under its most recurring theme."""

    name: str
    anchor: str
    cases: list[dict] = field(default_factory=list)
    case_ids: set[int] = field(default_factory=set)
    site_codes: set[str] = field(default_factory=set)
    raised_in: list[dict] = field(default_factory=list)

    @property
    def case_count(self) -> int:
        return len(self.case_ids)

    @property
    def site_count(self) -> int:
        return len(self.site_codes)

    @property
    def listed_elsewhere(self) -> int:
        return self.case_count - len(self.cases)

    @property
    def elsewhere(self) -> list[dict]:
        """The cases raising this theme that are listed under another theme: their titles and where they are."""
        return [entry for entry in self.raised_in if entry["listed_under"] != self.name]


def digest_sites(*, sites_key: str, site_ids: list[int], period_end: date) -> list[Site]:
    """The sites a digest covers: the chosen ones, or every site that had started by the period's end."""
    if sites_key == "all":
        sites = Site.objects.filter(start_date__lte=period_end)
    else:
        sites = Site.objects.filter(pk__in=site_ids)
    return sorted(sites, key=lambda s: natural_key(s.code))


def natural_key(code: str) -> tuple:
    """CP2 before CP10."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", code))


def _issues_by_theme(cases: list[Case], screen: Screen) -> list[ThemeIssues]:
    themes: dict[str, ThemeIssues] = {}
    entries = []
    for case in cases:
        issues = screen.text(case.commissioner_issues.strip())
        if issues is None:
            continue
        names = [t.name for t in case.themes.all()] or [NO_THEME]
        entry = {
            "title": screen.title(case),
            "site": case.site.code,
            "discussed_on": long_date(timezone.localdate(case.meeting.starts_at)),
            "kind": case.get_kind_display(),
            "issues": issues,
            "themes": names,
        }
        entries.append(entry)
        for name in names:
            group = themes.setdefault(name, ThemeIssues(name=name, anchor=f"theme-{len(themes) + 1}"))
            group.case_ids.add(case.pk)
            group.site_codes.add(case.site.code)
            group.raised_in.append(entry)
    # Recurring first: themes raised in most cases, then at most sites.
    ranked = sorted(themes.values(), key=lambda t: (-t.case_count, -t.site_count, t.name == NO_THEME, t.name))
    rank = {t.name: position for position, t in enumerate(ranked)}
    for entry in entries:
        entry["listed_under"] = min(entry["themes"], key=rank.__getitem__)
        themes[entry["listed_under"]].cases.append(entry)
    return ranked


def _recurring_chart(themes: list[ThemeIssues]) -> dict:
    top = themes[:12]
    labels = [t.name for t in top]
    return {
        "svg": _safe(
            charts.grouped_bar_chart(
                title="Recurring issues: cases and sites raising each theme",
                description="; ".join(f"{t.name}: {t.case_count} cases at {t.site_count} sites" for t in top)
                or "No issues were raised in this period.",
                labels=labels,
                series=[("Cases", [t.case_count for t in top]), ("Sites", [t.site_count for t in top])],
            )
        )
        if top
        else None,
    }


def _outcomes(sites: list[Site], period: Period, screen: Screen) -> dict:
    """Each case's latest outcome reported at a follow-up in the period, counted alike for each kind."""
    latest: dict[int, FollowUp] = {}
    for follow_up in (
        FollowUp.objects.filter(case__site__in=sites, case__status__in=DISCUSSED_STATUSES)
        .filter(period.datetime_q("meeting__starts_at"))
        .select_related("case__site", "meeting")
        .order_by("meeting__starts_at", "recorded_at", "pk")
    ):
        latest[follow_up.case_id] = follow_up
    columns = {outcome: [] for outcome in REPORTED_OUTCOMES}
    not_yet = 0
    by_site: dict[str, Counter] = {s.code: Counter() for s in sites}
    for follow_up in latest.values():
        if follow_up.outcome not in columns:
            not_yet += 1
            continue
        case = follow_up.case
        columns[follow_up.outcome].append({"title": screen.title(case), "site": case.site.code})
        by_site[case.site.code][follow_up.outcome] += 1
    counts = [len(columns[o]) for o in REPORTED_OUTCOMES]
    names = [OUTCOME_NAMES[o] for o in REPORTED_OUTCOMES]
    site_rows = [
        [code, *[counter[o] for o in REPORTED_OUTCOMES], sum(counter.values())]
        for code, counter in by_site.items()
        if sum(counter.values())
    ]
    return {
        "columns": [
            {
                "name": OUTCOME_NAMES[o],
                "label": o.label,
                "cases": columns[o][:OUTCOME_TITLES_LISTED],
                "more": max(len(columns[o]) - OUTCOME_TITLES_LISTED, 0),
                "count": len(columns[o]),
            }
            for o in REPORTED_OUTCOMES
        ],
        "not_yet": not_yet,
        "total": sum(counts),
        "svg": _safe(
            charts.bar_chart(
                title="Outcomes reported at follow-up",
                description="; ".join(f"{n}: {c}" for n, c in zip(names, counts, strict=True)),
                labels=names,
                values=counts,
            )
        ),
        "site_table": _safe(
            charts.data_table(
                caption="Outcomes reported at each site",
                headers=["Site", *names, "Total"],
                rows=site_rows,
            )
        )
        if site_rows
        else None,
    }


def _learning_objects(sites: list[Site], period: Period, screen: Screen) -> list[dict]:
    published = (
        Case.objects.learning_objects()
        .filter(site__in=sites)
        .filter(period.datetime_q("published_at"))
        .select_related("site")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("name")))
        .order_by("published_at", "pk")
    )
    items = []
    for case in published:
        summary = screen.text(case.summary.strip())
        words = (summary or "").split()
        items.append(
            {
                "title": screen.title(case),
                "site": case.site.code,
                "published_on": long_date(timezone.localdate(case.published_at)),
                "themes": [t.name for t in case.themes.all()],
                "summary": " ".join(words[:SUMMARY_WORDS]) + ("…" if len(words) > SUMMARY_WORDS else ""),
                "summary_withheld": summary is None,
                "is_public": case.status == CaseStatus.PUBLIC,
            }
        )
    return items


def _meetings_distribution(rows: list[dict]) -> str:
    """With many sites: how many sites held 0, 1, ... and the six or more meetings expected."""
    buckets = [f"{n} meeting{'s' if n != 1 else ''}" for n in range(EXPECTED_MEETINGS)] + [
        f"{EXPECTED_MEETINGS} or more"
    ]
    counts = [0] * len(buckets)
    for row in rows:
        counts[min(row["held"], EXPECTED_MEETINGS)] += 1
    return _safe(
        charts.bar_chart(
            title="Sites by number of meetings held",
            description="; ".join(f"{b}: {c} sites" for b, c in zip(buckets, counts, strict=True)),
            labels=buckets,
            values=counts,
        )
    )


def _met_label(row: dict, period: Period) -> str:
    """Whether a site held the meetings expected, in words that fit its state: a site that has ended is not
    'not yet' going to."""
    site = row["site"]
    if row["met"]:
        return "Yes"
    if site.has_ended:
        ended = f" on {site.ended_on:%d/%m/%Y}" if site.ended_on else ""
        return f"No: the site {site.get_status_display().lower()}{ended}"
    return "Not yet" if period.end >= timezone.localdate() else "No"


def _key_figures(sites: list[Site], period: Period) -> dict:
    on = min(period.end, timezone.localdate())
    members = members_by_sector(sites, on=on)
    meetings = meetings_held(sites, period=period)
    attendance = attendance_by_month(sites, period=period)
    sectors = [(name, n) for name, n in members["by_sector"]]
    members_svg = _safe(
        charts.bar_chart(
            title="Members by sector",
            description=f"Current members on {on:%d/%m/%Y}: " + "; ".join(f"{name}: {n}" for name, n in sectors),
            labels=[name for name, _ in sectors],
            values=[n for _, n in sectors],
        )
    )
    return {
        "sites_covered": len(sites),
        "sites_active": sum(1 for row in meetings["rows"] if row["held"]),
        "meetings_total": meetings["total"],
        "sites_meeting_expectation": sum(1 for row in meetings["rows"] if row["met"]),
        "expected_meetings": EXPECTED_MEETINGS,
        "meetings_rows": [{**row, "met_label": _met_label(row, period)} for row in meetings["rows"]],
        "meetings_svg": (
            meetings["svg"] if len(sites) <= MAX_SITES_CHARTED else _meetings_distribution(meetings["rows"])
        ),
        "members_total": members["total"],
        "members_on": long_date(on),
        "members_by_sector": sectors,
        "members_svg": members_svg,
        "members_table": members["table"],
        "attendance_overall": attendance["overall"],
        "attendance_svg": attendance["svg"],
        "attendance_table": attendance["table"],
    }


EARLIER_ISSUES_LISTED = 40


def _earlier_issues(sites: list[Site], period_start: date, screen: Screen) -> dict:
    """The issues raised before the period at these sites, and where each stands now: its status, when it last
    changed, and how many responses it has had. Titles screened; never names."""
    start = timezone.make_aware(datetime.combine(period_start, time.min))
    items = list(
        CommissionerIssue.objects.filter(case__site__in=sites, raised_at__lt=start)
        .exclude(case__status=CaseStatus.DRAFT)
        .exclude(case__commissioner_issues="")
        .select_related("case__site", "theme")
        .annotate(responses=Count("updates", filter=~Q(updates__text="")))
        .order_by("raised_at", "pk")
    )
    by_status = Counter(item.status for item in items)
    rows = [
        {
            "title": screen.title(item.case),
            "site": item.case.site.code,
            "theme": item.theme.name if item.theme else NO_THEME,
            "raised_on": long_date(timezone.localdate(item.raised_at)),
            "status": item.get_status_display(),
            "changed_on": long_date(timezone.localdate(item.status_changed_at)) if item.status_changed_at else "",
            "responses": item.responses,
        }
        for item in items
    ]
    return {
        "total": len(items),
        "by_status": [(label, by_status[value]) for value, label in IssueStatus.choices if by_status[value]],
        "rows": rows[-EARLIER_ISSUES_LISTED:],
        "more": max(len(rows) - EARLIER_ISSUES_LISTED, 0),
        "answered": sum(1 for item in items if item.first_response_at is not None),
    }


def digest_content(*, period_start: date, period_end: date, sites: list[Site]) -> dict:
    """Everything the digest shows for the period and sites, screened for personal data."""
    period = Period(start=period_start, end=period_end)
    screen = Screen()
    discussed = list(
        Case.objects.filter(site__in=sites, status__in=DISCUSSED_STATUSES, meeting__isnull=False)
        .filter(period.datetime_q("meeting__starts_at"))
        .exclude(commissioner_issues="")
        .exclude(meeting__status="cancelled")
        .select_related("site", "meeting")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("name")))
        .order_by("meeting__starts_at", "pk")
    )
    themes = _issues_by_theme(discussed, screen)
    issue_count = sum(len(t.cases) for t in themes)
    content = {
        "period_start": period_start,
        "period_end": period_end,
        "period_label": period_label(period_start, period_end),
        "sites": sites,
        "site_codes": ", ".join(s.code for s in sites) or "none",
        "themes": themes,
        "themes_without_own_cases": [theme for theme in themes if not theme.cases],
        "issue_count": issue_count,
        "issue_sites": len({c["site"] for t in themes for c in t.cases}),
        "recurring": _recurring_chart(themes),
        "outcomes": _outcomes(sites, period, screen),
        "learning_objects": _learning_objects(sites, period, screen),
        "earlier_issues": _earlier_issues(sites, period_start, screen),
        "figures": _key_figures(sites, period),
        "produced_on": long_date(timezone.localdate()),
    }
    content["withheld"] = screen.withheld
    return content


def months_between(first, last) -> int:
    """Calendar months an issue has been raised over: the same month is one."""
    return (last.year - first.year) * 12 + last.month - first.month + 1


def _span(items: list[CommissionerIssue]) -> str:
    sites = {item.case.site.code for item in items}
    months = months_between(
        timezone.localdate(min(i.raised_at for i in items)), timezone.localdate(max(i.raised_at for i in items))
    )
    where = f"raised at {len(sites)} site{'s' if len(sites) != 1 else ''}"
    if len(items) == 1:
        return f"{where}, {timezone.localdate(items[0].raised_at):%d/%m/%Y}"
    return f"{where} over {months} month{'s' if months != 1 else ''}"


def tracked_issues(*, status: str = "open", theme_id: int | None = None, limit: int = 300) -> dict:
    """The tracked issues for the commissioners' list, grouped: items merged by hand share their group, the others
    their theme. Each group says where and over how long the issue was raised ("raised at 4 sites over 7 months").
    Titles, sites and issues only, screened; never names. `status` is "open", "all" or one status."""
    screen = Screen()
    items = (
        CommissionerIssue.objects.exclude(case__status=CaseStatus.DRAFT)
        .exclude(case__commissioner_issues="")
        .select_related("case__site", "theme", "group")
        .order_by("-raised_at", "-pk")
    )
    if status == "open":
        items = items.filter(status__in=OPEN_ISSUE_STATUSES)
    elif status in IssueStatus.values:
        items = items.filter(status=status)
    if theme_id:
        items = items.filter(theme_id=theme_id)
    items = list(items[:limit])
    groups: dict[tuple, dict] = {}
    for item in items:
        issues = screen.text(item.case.commissioner_issues.strip())
        if item.group_id:
            key, name, kind = ("group", item.group_id), item.group.name, "Grouped by hand"
        else:
            key, name, kind = ("theme", item.theme_id), item.theme.name if item.theme else NO_THEME, "Theme"
        group = groups.setdefault(key, {"name": name, "kind": kind, "items": [], "entries": []})
        group["items"].append(item)
        group["entries"].append(
            {
                "pk": item.pk,
                "title": screen.title(item.case),
                "site": item.case.site.code,
                "issues": issues,
                "status": item.get_status_display(),
                "status_value": item.status,
                "raised_on": timezone.localdate(item.raised_at),
            }
        )
    ranked = sorted(
        groups.values(),
        key=lambda g: (-len({i.case.site_id for i in g["items"]}), -len(g["items"]), g["name"] == NO_THEME, g["name"]),
    )
    for group in ranked:
        group["span"] = _span(group["items"])
        group["site_count"] = len({i.case.site_id for i in group["items"]})
        del group["items"]
    return {"groups": ranked, "count": len(items), "limit": limit, "withheld": screen.withheld}


def related_issues(item: CommissionerIssue) -> dict:
    """The other items raising the same issue (its group, or else its theme), for the item's page: titles, sites and
    statuses only, screened."""
    screen = Screen()
    others = CommissionerIssue.objects.exclude(pk=item.pk).exclude(case__status=CaseStatus.DRAFT)
    others = others.exclude(case__commissioner_issues="").select_related("case__site").order_by("raised_at", "pk")
    if item.group_id:
        others, by = others.filter(group_id=item.group_id), f"grouped as “{item.group.name}”"
    elif item.theme_id:
        others, by = others.filter(theme_id=item.theme_id, group__isnull=True), f"on the theme “{item.theme.name}”"
    else:
        others, by = others.none(), ""
    others = list(others[:100])
    return {
        "by": by,
        "span": _span([item, *others]),
        "items": [
            {
                "pk": other.pk,
                "title": screen.title(other.case),
                "site": other.case.site.code,
                "status": other.get_status_display(),
                "raised_on": timezone.localdate(other.raised_at),
            }
            for other in others
        ],
    }


def open_issue_counts() -> dict:
    """For the commissioners' home page: open items waiting for a first response, and the most raised themes."""
    waiting = CommissionerIssue.objects.filter(status=IssueStatus.RAISED, first_response_at__isnull=True)
    waiting = waiting.exclude(case__status=CaseStatus.DRAFT)
    waiting = waiting.exclude(case__commissioner_issues="")
    top = Counter(name or NO_THEME for name in waiting.values_list("theme__name", flat=True))
    return {"waiting": sum(top.values()), "top_themes": top.most_common(3)}


def screened_case(case: Case) -> dict:
    """A case as a commissioner sees it when responding: title, site and issues, screened; never names."""
    screen = Screen()
    return {"title": screen.title(case), "site": case.site.code, "issues": screen.text(case.commissioner_issues)}
