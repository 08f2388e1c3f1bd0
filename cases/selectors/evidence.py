"""Reads for the evidence pages, scoped by cases/rules.py."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, QuerySet

from cases import search
from cases.models import Case, Evidence, EvidenceKind, EvidenceLink, Question, QuestionStatus, Theme
from cases.rules import cases_visible_q, evidence_cases_q
from core.form_fields import LARGEST_ID, whole_number

PAGE_SIZE = 20
QUEUE_PAGE_SIZE = 50


def library_queryset(params) -> tuple[QuerySet[Evidence], dict, str]:
    """The library filtered and searched as `params` (a GET QueryDict) ask; with the filters chosen."""
    queryset = Evidence.objects.annotate(times_used=Count("links", distinct=True))
    chosen = {}
    kind = (params.get("kind") or "").strip()
    if kind in EvidenceKind.values:
        queryset, chosen["kind"] = queryset.filter(kind=kind), kind
    for name, lookup, largest in (("theme", "themes__pk", LARGEST_ID), ("year", "year", 9999)):
        value = (params.get(name) or "").strip()
        if (number := whole_number(value, smallest=0, largest=largest)) is not None:
            queryset, chosen[name] = queryset.filter(**{lookup: number}), value
    used = params.get("used")
    if used == "yes":
        queryset, chosen["used"] = queryset.filter(times_used__gt=0), used
    elif used == "no":
        queryset, chosen["used"] = queryset.filter(times_used=0), used
    q = (params.get("q") or "").replace("\x00", "").strip()[:200]
    sort = params.get("sort") if params.get("sort") in ("newest", "most_used") else ""
    if q and not sort:
        queryset = search.search_evidence(queryset, q)
    else:
        if q:
            queryset = search.search_evidence(queryset, q)
        sort = sort or "newest"
        order = ("-times_used", "-added_at", "-pk") if sort == "most_used" else ("-added_at", "-pk")
        queryset = queryset.order_by(*order)
    chosen["sort"] = sort or "relevance"
    return queryset, chosen, q


def library_page(params) -> dict:
    queryset, chosen, q = library_queryset(params)
    queryset = queryset.prefetch_related("themes")
    page = Paginator(queryset, PAGE_SIZE).get_page(params.get("page"))
    return {
        "page": page,
        "q": q,
        "chosen": chosen,
        "kinds": EvidenceKind.choices,
        "themes": Theme.objects.all(),
        "years": list(Evidence.objects.exclude(year=None).order_by("-year").values_list("year", flat=True).distinct()),
    }


def evidence_for_export(params) -> list[Evidence]:
    """The current search result, or only the items ticked ("ids"), for export."""
    queryset, _, _ = library_queryset(params)
    ids = [number for v in params.getlist("ids") if (number := whole_number(v))]
    if ids:
        queryset = queryset.filter(pk__in=ids)
    return list(queryset[:1000])


def evidence_page(user, evidence: Evidence) -> dict:
    """An item's page: its themes and the cases it was used in that the reader may see."""
    links = list(
        EvidenceLink.objects.filter(evidence=evidence, case__in=Case.objects.filter(evidence_cases_q(user)))
        .select_related("case__site", "added_by")
        .order_by("-added_at")
    )
    for link in links:
        link.on_site_page = user.has_perm("cases.view_case", link.case)
    return {
        "themes": list(evidence.themes.all()),
        "links": links,
        "can_download": user.has_perm("cases.download_evidence_file", evidence),
        "show_broker_names": user.has_perm("cases.view_broker_names"),
    }


def case_evidence(case: Case) -> dict:
    """Evidence and questions shown on a case page."""
    return {
        "evidence_links": list(case.evidence_links.select_related("evidence", "added_by").order_by("added_at", "pk")),
        "questions": list(
            case.questions.select_related("asked_by", "answered_by").prefetch_related(
                Prefetch("evidence", queryset=Evidence.objects.only("pk", "title"))
            )
        ),
    }


def learning_object_evidence(case: Case) -> list[EvidenceLink]:
    return list(case.evidence_links.select_related("evidence").order_by("added_at", "pk"))


def question_queue(params) -> dict:
    """One queue across every site, oldest first, filtered by status (open by default)."""
    status = params.get("status") if params.get("status") in (*QuestionStatus.values, "all") else "open"
    queryset = Question.objects.select_related("case__site", "asked_by", "answered_by").annotate(
        evidence_count=Count("evidence", distinct=True)
    )
    if status != "all":
        queryset = queryset.filter(status=status)
    counts = dict(Question.objects.values_list("status").annotate(n=Count("pk")).order_by())
    page = Paginator(queryset.order_by("asked_at", "pk"), QUEUE_PAGE_SIZE).get_page(params.get("page"))
    return {
        "page": page,
        "status": status,
        "statuses": [(value, label, counts.get(value, 0)) for value, label in QuestionStatus.choices],
    }


def cases_for_evidence(user) -> QuerySet[Case]:
    """Cases a broker may attach evidence to: shared or later, that they may see."""
    return (
        Case.objects.filter(cases_visible_q(user))
        .exclude(status="draft")
        .select_related("site")
        .order_by("site__code", "-updated_at")
    )


def broker_queue(user, *, limit: int = 5) -> dict | None:
    """A knowledge broker's home leads with the question queue: how many wait, and the oldest few."""
    if not user.is_knowledge_broker:
        return None
    waiting = Question.objects.filter(status=QuestionStatus.OPEN).select_related("case__site")
    return {"count": waiting.count(), "oldest": list(waiting.order_by("asked_at", "pk")[:limit])}
