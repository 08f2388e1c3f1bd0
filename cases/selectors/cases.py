"""Reads of cases shaped for the pages, always scoped in the database by the Q scopes of cases/rules.py."""

from __future__ import annotations

from datetime import MAXYEAR, MINYEAR

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.utils import timezone

from cases import search
from cases.highlight import Span, highlight
from cases.models import (
    ActionItem,
    ActionStatus,
    Case,
    CaseStatus,
    Finding,
    FindingStatus,
    FollowUp,
    Outcome,
    field_label,
)
from cases.rules import cases_visible_q, learning_objects_q
from cases.services import fixes, gate
from core.form_fields import whole_number
from sites.models import Site
from sites.rules import facilitated_site_ids

PAGE_SIZE = 20


def cases_visible_to(user) -> QuerySet[Case]:
    """Cases the user may open on the site's case pages."""
    return Case.objects.filter(cases_visible_q(user)).select_related("site")


def learning_objects_for(user) -> QuerySet[Case]:
    return (
        Case.objects.filter(learning_objects_q(user))
        .select_related("site")
        .prefetch_related("themes")
        .order_by("-published_at", "pk")
    )


def cases_page(user) -> dict:
    """The "Cases" page: my drafts, and my sites' cases at the other stages."""
    visible = cases_visible_to(user).prefetch_related("themes").order_by("-updated_at")
    return {
        "my_drafts": list(visible.filter(status=CaseStatus.DRAFT)),
        "site_cases": list(visible.exclude(status=CaseStatus.DRAFT)[:100]),
    }


def awaiting_confirmation_by(user) -> QuerySet[Finding]:
    """Structured identifiers marked "not personal data" at the sites this person facilitates, waiting for them
    (not those they asked about themselves: another facilitator confirms those)."""
    return Finding.objects.filter(
        status=FindingStatus.AWAITING, in_text=True, case__site_id__in=facilitated_site_ids(user)
    ).exclude(dismissed_by=user)


def findings_awaiting_confirmation(user) -> list[Finding]:
    return list(
        awaiting_confirmation_by(user).select_related("case__site", "dismissed_by").order_by("dismissed_at", "pk")
    )


def cases_presented_by(user, *, limit: int = 5) -> list[Case]:
    return list(Case.objects.filter(presenters=user).select_related("site").order_by("-updated_at")[:limit])


def case_page(case: Case) -> dict:
    """Everything the case page shows, with its related rows fetched once."""
    actions = list(case.actions.select_related("owner"))
    follow_ups = list(
        case.follow_ups.select_related("meeting", "recorded_by").prefetch_related(
            Prefetch("helpful_actions", queryset=ActionItem.objects.order_by("pk"))
        )
    )
    return {
        "presenters": list(case.presenters.order_by("name")),
        "themes": list(case.themes.all()),
        "actions": actions,
        "follow_ups": follow_ups,
        "findings": list(Finding.objects.filter(case=case).select_related("dismissed_by", "reopened_by")),
        "action_statuses": ActionStatus.choices,
        "outcome_choices": Outcome.choices,
    }


def case_history(case: Case) -> dict:
    return {
        "transitions": list(case.transitions.select_related("by")),
        "revisions": list(case.revisions.select_related("by")[:50]),
    }


def meetings_for_discussion(case: Case):
    return case.site.meetings.filter(starts_at__lte=timezone.now()).exclude(status="cancelled").order_by("-starts_at")


def meetings_for_follow_up(case: Case):
    meetings = meetings_for_discussion(case)
    if case.meeting_id:
        meetings = meetings.filter(starts_at__gt=case.meeting.starts_at)
    return meetings


def learning_object_page(case: Case) -> dict:
    """A learning object as the repository shows it: no presenters' names anywhere."""
    follow_ups = list(
        FollowUp.objects.filter(case=case)
        .select_related("meeting")
        .prefetch_related(Prefetch("helpful_actions", queryset=ActionItem.objects.order_by("pk")))
    )
    actions = list(case.actions.all())
    return {
        "themes": list(case.themes.all()),
        "actions": actions,
        "helpful_actions": [a for a in actions if a.status == "tried_helpful"],
        "follow_ups": follow_ups,
        "outcome_choices": Outcome.choices,
        "evidence_links": list(case.evidence_links.select_related("evidence").order_by("added_at", "pk")),
    }


def _year(value: str) -> int | None:
    return whole_number(value, smallest=MINYEAR, largest=MAXYEAR)


def _text(value: str) -> str | None:
    return value if "\x00" not in value and len(value) <= 200 else None


def repository_page(user, *, params) -> dict:
    """The repository list: search, filters and a page of 20. A filter value that cannot match (not a
    number, a year out of range, a null byte) is ignored rather than sent to the database."""
    queryset = learning_objects_for(user)
    filters = {
        "theme": ("themes__pk", whole_number),
        "site": ("site__code", _text),
        "kind": ("kind", _text),
        "outcome": ("outcome", _text),
        "year": ("published_at__year", _year),
    }
    chosen = {}
    for name, (lookup, parse) in filters.items():
        value = (params.get(name) or "").strip()
        parsed = parse(value) if value else None
        if parsed is not None:
            queryset = queryset.filter(**{lookup: parsed})
            chosen[name] = value
    q = (params.get("q") or "").replace("\x00", "").strip()[:200]
    if q:
        queryset = search.search_cases(queryset, q)
    # The list shows neither the search document nor the long texts: leave them in the database.
    queryset = queryset.defer("search_vector", "presentation", "learning", "commissioner_issues")
    page = Paginator(queryset, PAGE_SIZE).get_page(params.get("page"))
    return {"page": page, "q": q, "chosen": chosen}


def repository_filter_options(user) -> dict:
    """The sites and years offered as repository filters: only those with a learning object this user may see.
    Sites are found with one index probe each on (site, status), not by joining every learning object."""
    visible = Case.objects.filter(learning_objects_q(user))
    site_codes = Site.objects.filter(Exists(visible.filter(site=OuterRef("pk")))).order_by("code")
    return {
        "site_codes": list(site_codes.values_list("code", flat=True)),
        "years": [d.year for d in visible.dates("published_at", "year", order="DESC")],
    }


def highlighted_texts(case: Case, findings: list[Finding] | None = None) -> list[dict]:
    """Each text of the case that holds possible personal data, highlighted in place, for the editor.

    The gate stores a finding for everything it detects on each save, so only the fields with findings still in
    their text are scanned again (for the offsets); a case without any is not scanned on every view."""
    if findings is None:
        findings = list(Finding.objects.filter(case=case))
    rows = {(f.field, f.kind, f.digest): f for f in findings if f.in_text}
    if not rows:
        return []
    fields = {field for field, _, _ in rows}
    shown = []
    for field, text in gate.case_texts(case).items():
        if field not in fields:
            continue
        detected = gate.detect(text)
        if not detected:
            continue
        spans = []
        for found in detected:
            row = rows.get((field, found.kind, found.digest))
            spans.append(
                Span(found.start, found.end, found.kind, dismissed=bool(row and row.status == FindingStatus.DISMISSED))
            )
        shown.append({"field": field, "label": field_label(field), "html": highlight(text, spans)})
    return shown


def available_actions(user, case: Case) -> dict[str, bool]:
    """The lifecycle actions this person may take on the case now (buttons show only for these)."""
    status = case.status
    return {
        "edit": user.has_perm("cases.change_case", case),
        "share": status == CaseStatus.DRAFT and user.has_perm("cases.share_case", case),
        "record_discussion": status == CaseStatus.SHARED and user.has_perm("cases.record_discussion", case),
        "record_follow_up": status in (CaseStatus.DISCUSSED, CaseStatus.FOLLOWED_UP)
        and user.has_perm("cases.record_follow_up", case),
        "correct_follow_up": not case.is_learning_object and user.has_perm("cases.record_follow_up", case),
        "write_up": status == CaseStatus.FOLLOWED_UP and user.has_perm("cases.write_up_case", case),
        "publish": status == CaseStatus.WRITTEN_UP and user.has_perm("cases.publish_case", case),
        "make_public": status == CaseStatus.PUBLISHED and user.has_perm("cases.make_case_public", case),
        "withdraw": status in (CaseStatus.PUBLISHED, CaseStatus.PUBLIC) and user.has_perm("cases.withdraw_case", case),
        "review_findings": user.has_perm("cases.review_findings", case),
        "dismiss_findings": user.has_perm("cases.dismiss_finding", case),
        "view_history": user.has_perm("cases.view_case_history", case),
    }


def fix_panel(case: Case, findings: list[Finding]) -> dict:
    """The editor's panel of possible personal data: each text with its findings numbered in place, and for each
    number what was found, its one-click replacement ("Person A") and the finding to mark as not personal data."""
    rows = {(f.field, f.kind, f.digest): f for f in findings if f.in_text}
    to_fix = sum(1 for f in findings if f.is_blocking)
    analysis = fixes.analyse(case) if rows else None
    fields, number = [], 0
    for field, text in (analysis.texts if analysis else {}).items():
        spans, items = [], []
        for found in analysis.found[field]:
            row = rows.get((field, found.kind, gate.digest(found.text)))
            if row is None:
                continue
            number += 1
            dismissed = row.status == FindingStatus.DISMISSED
            spans.append(Span(found.start, found.end, found.kind, dismissed=dismissed, number=number))
            fix = None if dismissed else fixes.fix_for(analysis.replacements, field, found.start)
            items.append({"number": number, "found": found.text, "finding": row, "fix": fix})
        if items:
            fields.append({"field": field, "label": field_label(field), "html": highlight(text, spans), "items": items})
    return {"fields": fields, "to_fix": to_fix, "gone": [f for f in findings if not f.in_text]}
