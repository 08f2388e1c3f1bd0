"""Compiling a month's newsletter from what the programme recorded.

Each section builder takes the month's first and last days and returns `Item`s. An item's body is Markdown; text
that people typed as plain text (titles, summaries, towns) goes into it through `escape_markdown`, so that it can
make no link or tag in the email. Builders read in a
fixed number of queries whatever the number of sites, never read drafts, and never name members or
presenters. To add a section (cases discussed, follow-ups, evidence, learning objects), write a
builder and add it to SECTION_BUILDERS; its items need a stable `source_key` so that compiling
again updates them instead of duplicating them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from cases.models import Case, CaseStatus, Evidence, FollowUp
from core.markdown_escape import escape_markdown
from newsletters.models import FREE_ITEM_PREFIX, Audience, IssueStatus, NewsletterIssue, NewsletterItem, Section
from sites.models import Attendance, AttendanceStatus, Meeting, Membership, Site, SiteStatus

QUIET_SITES_KEY = "site_updates:quiet"


@dataclass(frozen=True)
class Item:
    source_key: str
    section: str
    title: str
    body: str
    site_id: int | None = None
    audience: str = Audience.MEMBERS_ONLY


@dataclass
class SiteMonth:
    """What one site did in the month, before it is written up as an item."""

    site: Site
    meetings: list[tuple[Meeting, int, int]] = field(default_factory=list)  # meeting, present, members
    cases_discussed: list[str] = field(default_factory=list)  # filled once the cases app lands
    follow_ups: list[str] = field(default_factory=list)  # filled once the cases app lands
    ended_in_month: bool = False

    @property
    def has_news(self) -> bool:
        return bool(self.meetings or self.cases_discussed or self.follow_ups or self.ended_in_month)


def month_bounds(month: date) -> tuple[date, date]:
    start = month.replace(day=1)
    end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return start, end


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def reported_sites(month_start: date, month_end: date) -> list[Site]:
    """Sites running or setting up, and sites that ended during the month."""
    return list(
        Site.objects.filter(
            Q(status__in=[SiteStatus.ACTIVE, SiteStatus.SETTING_UP])
            | Q(ended_on__gte=month_start, ended_on__lte=month_end)
        ).order_by("code")
    )


def _meetings_in(site_ids, first: date, last: date):
    return (
        Meeting.objects.scheduled()
        .filter(site_id__in=site_ids, starts_at__gte=_aware(first), starts_at__lt=_aware(last + timedelta(days=1)))
        .order_by("starts_at")
    )


def _attendance_counts(meetings: list[Meeting], site_ids) -> dict[int, tuple[int, int]]:
    """{meeting_id: (current members present, current members)} in two queries."""
    memberships = defaultdict(list)
    for site_id, person_id, joined, left in Membership.objects.filter(site_id__in=site_ids).values_list(
        "site_id", "person_id", "joined", "left"
    ):
        memberships[site_id].append((person_id, joined, left))
    present = defaultdict(set)
    for meeting_id, person_id in Attendance.objects.filter(
        meeting__in=[m.pk for m in meetings], status=AttendanceStatus.PRESENT, is_guest=False
    ).values_list("meeting_id", "person_id"):
        present[meeting_id].add(person_id)
    counts = {}
    for meeting in meetings:
        day = meeting.local_date
        current = {
            person_id
            for person_id, joined, left in memberships[meeting.site_id]
            if joined <= day and (left is None or left > day)
        }
        counts[meeting.pk] = (len(present[meeting.pk] & current), len(current))
    return counts


def _month_range(month_start: date, month_end: date) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(month_start, time.min))
    return start, timezone.make_aware(datetime.combine(month_end + timedelta(days=1), time.min))


def _case_line(case: Case) -> str:
    themes = ", ".join(theme.name for theme in case.themes.all())
    return f"{case.title} ({case.get_kind_display().lower()}{'; ' + themes if themes else ''})"


def cases_discussed_by_site(site_ids, month_start: date, month_end: date) -> dict[int, list[str]]:
    """Titles, kinds and themes of the cases each site discussed that month: never drafts, never names."""
    start, end = _month_range(month_start, month_end)
    cases = (
        Case.objects.filter(site_id__in=site_ids, meeting__starts_at__gte=start, meeting__starts_at__lt=end)
        .exclude(status=CaseStatus.DRAFT)
        .prefetch_related("themes")
        .order_by("meeting__starts_at", "pk")
    )
    by_site = defaultdict(list)
    for case in cases:
        by_site[case.site_id].append(escape_markdown(_case_line(case)))
    return by_site


def follow_ups_by_site(site_ids, month_start: date, month_end: date) -> dict[int, list[str]]:
    """The follow-ups each site heard that month and the outcome so far."""
    start, end = _month_range(month_start, month_end)
    follow_ups = (
        FollowUp.objects.filter(case__site_id__in=site_ids, meeting__starts_at__gte=start, meeting__starts_at__lt=end)
        .exclude(case__status=CaseStatus.DRAFT)
        .select_related("case")
        .order_by("meeting__starts_at", "pk")
    )
    by_site = defaultdict(list)
    for follow_up in follow_ups:
        by_site[follow_up.case.site_id].append(
            escape_markdown(f"{follow_up.case.title}: {follow_up.get_outcome_display().lower()}")
        )
    return by_site


def evidence_added(month_start: date, month_end: date) -> list[Item]:
    """Evidence the knowledge brokers added that month, with their plain-language summaries."""
    start, end = _month_range(month_start, month_end)
    items = Evidence.objects.filter(added_at__gte=start, added_at__lt=end).order_by("added_at", "pk")
    return [
        Item(
            source_key=f"evidence_added:evidence:{item.pk}",
            section=Section.EVIDENCE_ADDED,
            title=f"{item.title} ({item.year})" if item.year else item.title,
            body=escape_markdown(item.summary) if item.summary else "Added to the evidence library.",
        )
        for item in items
    ]


def learning_objects_published(month_start: date, month_end: date) -> list[Item]:
    """Learning objects published that month; those made public also go in the public edition."""
    start, end = _month_range(month_start, month_end)
    published = (
        Case.objects.filter(
            status__in=[CaseStatus.PUBLISHED, CaseStatus.PUBLIC], published_at__gte=start, published_at__lt=end
        )
        .select_related("site")
        .prefetch_related("themes")
        .order_by("published_at", "pk")
    )
    return [
        Item(
            source_key=f"learning_objects:case:{case.pk}",
            section=Section.LEARNING_OBJECTS,
            title=_case_line(case),
            body=escape_markdown(case.summary) if case.summary else "A new learning object in the repository.",
            site_id=case.site_id,
            audience=Audience.PUBLIC if case.status == CaseStatus.PUBLIC else Audience.MEMBERS_ONLY,
        )
        for case in published
    ]


def _meeting_line(meeting: Meeting, present: int, members: int) -> str:
    start = timezone.localtime(meeting.starts_at)
    kind = "taster session" if meeting.is_taster else "meeting"
    noun = "member" if members == 1 else "members"
    return f"- {long_date(start.date())}: {kind}, {present} of {members} {noun} present"


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def write_site_update(month: SiteMonth, month_start: date) -> str:
    lines = []
    if month.meetings:
        lines.append(f"Met {_times(len(month.meetings))} in {month_start:%B}:")
        lines.append("")
        lines.extend(_meeting_line(*entry) for entry in month.meetings)
    elif month.ended_in_month is False:
        lines.append(f"No meetings in {month_start:%B}.")
    if month.cases_discussed:
        lines += ["", "Cases discussed:", ""] + [f"- {title}" for title in month.cases_discussed]
    if month.follow_ups:
        lines += ["", "Follow-ups:", ""] + [f"- {text}" for text in month.follow_ups]
    if month.ended_in_month:
        lines += [
            "",
            f"The community of practice ended on {long_date(month.site.ended_on)}. "
            "Thank you to everyone who took part.",
        ]
    return "\n".join(lines).strip()


def site_months(month_start: date, month_end: date) -> list[SiteMonth]:
    sites = reported_sites(month_start, month_end)
    site_ids = [site.pk for site in sites]
    now = timezone.now()
    meetings = [m for m in _meetings_in(site_ids, month_start, month_end) if m.starts_at <= now]
    counts = _attendance_counts(meetings, site_ids)
    cases = cases_discussed_by_site(site_ids, month_start, month_end)
    follow_ups = follow_ups_by_site(site_ids, month_start, month_end)
    by_site = {
        site.pk: SiteMonth(
            site=site,
            cases_discussed=list(cases.get(site.pk, [])),
            follow_ups=list(follow_ups.get(site.pk, [])),
            ended_in_month=bool(site.ended_on and month_start <= site.ended_on <= month_end),
        )
        for site in sites
    }
    for meeting in meetings:
        by_site[meeting.site_id].meetings.append((meeting, *counts[meeting.pk]))
    return list(by_site.values())


def _site_name(site: Site) -> str:
    return f"{site.code} {site.town}"


def _and_list(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def site_updates(month_start: date, month_end: date) -> list[Item]:
    """One item per site with news, and the quiet sites gathered in one line."""
    months = site_months(month_start, month_end)
    items = [
        Item(
            source_key=f"site_updates:site:{month.site.pk}",
            section=Section.SITE_UPDATES,
            title=_site_name(month.site),
            body=write_site_update(month, month_start),
            site_id=month.site.pk,
        )
        for month in months
        if month.has_news
    ]
    quiet = [_site_name(month.site) for month in months if not month.has_news]
    if quiet:
        verb = "has" if len(quiet) == 1 else "have"
        items.append(
            Item(
                source_key=QUIET_SITES_KEY,
                section=Section.SITE_UPDATES,
                title="Quiet this month",
                body=escape_markdown(f"{_and_list(quiet)} {verb} nothing to report for {month_start:%B}."),
            )
        )
    return items


def programme_overview(month_start: date, month_end: date) -> list[Item]:
    """The public summary: how many communities met and where, with no site-internal detail. The communities
    counted are the active ones (a site setting up, or one that failed or closed, is not one of "our M"), and any
    other that met."""
    months = site_months(month_start, month_end)
    met = [m for m in months if m.meetings]
    months = [m for m in months if m.site.status == SiteStatus.ACTIVE or m.meetings]
    meetings = sum(len(m.meetings) for m in met)
    if met:
        towns = [
            f"- {escape_markdown(m.site.town)}" + (f" ({len(m.meetings)} meetings)" if len(m.meetings) > 1 else "")
            for m in met
        ]
        body = "\n".join(
            [
                f"In {month_start:%B %Y}, {len(met)} of our {len(months)} communities of practice met, "
                f"{meetings} {'meeting' if meetings == 1 else 'meetings'} in all:",
                "",
                *towns,
                "",
                "Front-line practitioners from different agencies, with experts by experience, brought anonymised "
                "cases and worked through them together.",
            ]
        )
    else:
        body = f"None of our {len(months)} communities of practice met in {month_start:%B %Y}."
    return [
        Item(
            source_key="programme:overview",
            section=Section.PROGRAMME,
            title=f"The programme in {month_start:%B %Y}",
            body=body,
            audience=Audience.PUBLIC,
        )
    ]


def coming_meetings(month_start: date, month_end: date) -> list[Item]:
    """Each site's meetings in the following month (dates and times; venues stay on the site page)."""
    next_start, next_end = month_bounds(month_end + timedelta(days=1))
    sites = reported_sites(month_start, month_end)
    open_sites = {site.pk: site for site in sites if not site.has_ended}
    by_site = defaultdict(list)
    for meeting in _meetings_in(list(open_sites), next_start, next_end):
        by_site[meeting.site_id].append(meeting)
    items = []
    for site_id, site in open_sites.items():
        if not by_site[site_id]:
            continue
        lines = []
        for meeting in by_site[site_id]:
            start = timezone.localtime(meeting.starts_at)
            kind = " (taster session)" if meeting.is_taster else ""
            lines.append(f"- {start:%A} {long_date(start.date())}, {start:%H:%M}{kind}")
        items.append(
            Item(
                source_key=f"coming_meetings:site:{site_id}",
                section=Section.COMING_MEETINGS,
                title=f"{site.code} {site.town}",
                body="\n".join(lines),
                site_id=site_id,
            )
        )
    return items


Builder = Callable[[date, date], list[Item]]

# The sections, in the order they are compiled.
SECTION_BUILDERS: list[Builder] = [
    programme_overview,
    site_updates,
    evidence_added,
    learning_objects_published,
    coming_meetings,
]


def build_items(month_start: date, month_end: date) -> list[Item]:
    items = []
    for builder in SECTION_BUILDERS:
        items.extend(builder(month_start, month_end))
    return items


def _issue_for(month_start: date) -> tuple[NewsletterIssue, bool]:
    try:
        with transaction.atomic():
            return NewsletterIssue.objects.get_or_create(month=month_start)
    except IntegrityError:  # compiled at the same moment elsewhere
        return NewsletterIssue.objects.get(month=month_start), False


@transaction.atomic
def compile_newsletter(*, month: date) -> NewsletterIssue:
    """Create the month's draft, or refresh it: items are matched by source key, so the editor's
    removals, order and introduction survive. An issue already approved or sent is returned untouched."""
    month_start, month_end = month_bounds(month)
    issue, _ = _issue_for(month_start)
    issue = NewsletterIssue.objects.select_for_update().get(pk=issue.pk)
    if issue.status != IssueStatus.DRAFT:
        return issue

    fresh = build_items(month_start, month_end)
    existing = {item.source_key: item for item in issue.items.all()}
    next_position = defaultdict(int)
    for item in existing.values():
        next_position[item.section] = max(next_position[item.section], item.position + 1)

    to_create, to_update = [], []
    for item in fresh:
        current = existing.pop(item.source_key, None)
        if current is None:
            to_create.append(
                NewsletterItem(
                    issue=issue,
                    section=item.section,
                    position=next_position[item.section],
                    title=item.title,
                    body=item.body,
                    site_id=item.site_id,
                    audience=item.audience,
                    source_key=item.source_key,
                )
            )
            next_position[item.section] += 1
        elif current.edited_at is not None:
            continue  # the editor's text stands
        elif (current.section, current.title, current.body, current.site_id, current.audience) != (
            item.section,
            item.title,
            item.body,
            item.site_id,
            item.audience,
        ):
            current.section, current.title, current.body = item.section, item.title, item.body
            current.site_id, current.audience = item.site_id, item.audience
            to_update.append(current)
    NewsletterItem.objects.bulk_create(to_create)
    NewsletterItem.objects.bulk_update(to_update, ["section", "title", "body", "site", "audience"])
    # What no longer comes from the records (a meeting cancelled since) leaves the draft; the editor's own items stay.
    gone = [item.pk for item in existing.values() if not item.source_key.startswith(FREE_ITEM_PREFIX)]
    NewsletterItem.objects.filter(pk__in=gone).delete()
    issue.compiled_at = timezone.now()
    issue.save(update_fields=["compiled_at"])
    return issue


def previous_month(today: date | None = None) -> date:
    today = today or timezone.localdate()
    return (today.replace(day=1) - timedelta(days=1)).replace(day=1)


def compile_due_newsletters(*, today: date | None = None, catch_up_months: int = 3) -> list[NewsletterIssue]:
    """Compile every month that is due and not yet done: the previous month and any month since the
    latest issue that a missed run left without one (at most `catch_up_months`). Drafts are refreshed."""
    last_month = previous_month(today)
    latest = (
        NewsletterIssue.objects.filter(month__lt=last_month).order_by("-month").values_list("month", flat=True).first()
    )
    months = [last_month]
    month = last_month
    for _ in range(catch_up_months - 1):
        month = previous_month(month)
        if latest is None or month <= latest:
            break
        months.append(month)
    return [compile_newsletter(month=m) for m in sorted(months)]
