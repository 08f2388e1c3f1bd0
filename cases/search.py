"""Full-text search over learning objects and the evidence library.

On PostgreSQL: a stored, weighted tsvector (title A, themes and summary B, the four parts C) with a GIN index,
refreshed by the services, queried with websearch_to_tsquery and ranked with ts_rank. Elsewhere (SQLite in
development): a simple case-insensitive match, title matches first.
"""

from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, SearchVectorField
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F, Func, IntegerField, Q, QuerySet, Value, When
from django.db.models import Case as When_

from cases.models import Case, Evidence

CONFIG = "english"


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def update_search_document(case: Case) -> None:
    """Recompute the case's stored search document (PostgreSQL only)."""
    if not uses_postgres():
        return
    themes = " ".join(case.themes.values_list("name", flat=True))
    body = " ".join([case.presentation, case.learning, case.commissioner_issues])
    actions = " ".join(case.actions.values_list("text", flat=True))
    Case.objects.filter(pk=case.pk).update(
        search_vector=SearchVector(Value(case.title), weight="A", config=CONFIG)
        + SearchVector(Value(f"{themes} {case.summary}"), weight="B", config=CONFIG)
        + SearchVector(Value(f"{body} {actions}"), weight="C", config=CONFIG)
    )


def ranked_search(
    queryset: QuerySet,
    text: str,
    *,
    title: str,
    secondary: str,
    others: tuple[str, ...],
    then: tuple[str, ...],
    candidates: int | None = None,
    titled: bool = True,
    scope_after: bool = False,
) -> QuerySet:
    """Rows of `queryset` matching `text`, most relevant first (shared by the repository and the evidence library).

    PostgreSQL: the stored `search_vector` with websearch syntax, ranked by ts_rank. Elsewhere: a case-insensitive
    match on `title`, `secondary` and `others`, title matches first, then `secondary` matches.

    With `candidates` (PostgreSQL, for a first page only: never for a list that pages through every match), only
    that many of the newest matches and that many title matches are ranked: a common word matches thousands of
    rows, and reading each from the table to rank it cost more than the rest of the search together. ts_rank weighs
    a title's words (A) above the rest, so for one word a title match outranks every other match: the best stay first.
    Without `titled` (a document of one weight, such as a forum post's body) only the newest are ranked.
    With `scope_after`, the candidates are the newest matches of the whole table and the queryset's own filters are
    applied to them: cheaper where the filters join other tables and pass nearly every row (a knowledge broker's
    meeting records: approved, or a draft of a meeting they were at), wrong where they pass few (a member's site).
    """
    text = text.strip()
    if not text:
        return queryset
    if uses_postgres():
        query = SearchQuery(text, search_type="websearch", config=CONFIG)
        found = queryset.filter(search_vector=query)
        if candidates:
            among = queryset.model._default_manager.all() if scope_after else queryset
            chosen = [among.filter(search_vector=query).order_by("-pk").values("pk")[:candidates]]  # the newest
            if titled:
                titles = among.alias(title_vector=title_document()).filter(title_vector=query)
                chosen.append(titles.order_by().values("pk")[:candidates])  # any of them: the title is what ranks
            # Otherwise the candidates are rows of `queryset` already: its filters, once more around them, would only
            # cost the compiling of its scope a second time.
            found = (queryset if scope_after else queryset.model._default_manager).filter(_pk_among(chosen))
        return found.annotate(rank=SearchRank(F("search_vector"), query)).order_by("-rank", *then)
    matches = Q(**{f"{title}__icontains": text}) | Q(**{f"{secondary}__icontains": text})
    for name in others:
        matches |= Q(**{f"{name}__icontains": text})
    return (
        queryset.filter(matches)
        .annotate(
            rank=When_(
                When(**{f"{title}__icontains": text}, then=Value(2)),
                When(**{f"{secondary}__icontains": text}, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .order_by("-rank", *then)
    )


def _pk_among(subqueries: list[QuerySet]) -> ExpressionWrapper:
    """A filter to the candidates, as "pk = ANY(ARRAY(...) || ARRAY(...))": PostgreSQL reads them once, then each
    row by its key. With "pk IN (...)" it could instead rank every row of the table in order and look each up among
    them (a knowledge broker's "tenancy" over the forum posts, on a loaded machine: 130 ms, against 6)."""
    arrays = Func(*(ArraySubquery(subquery) for subquery in subqueries), arg_joiner=" || ", template="%(expressions)s")
    among = Func(F("pk"), arrays, arg_joiner=" = ANY(", template="%(expressions)s)")
    return ExpressionWrapper(among, output_field=BooleanField())


def title_document() -> Func:
    """The title part (weight A) of a stored document, as its expression index has it (cases_case_title_search_gin)."""
    return Func(F("search_vector"), Value("{a}"), function="ts_filter", output_field=SearchVectorField())


def search_cases(queryset: QuerySet[Case], text: str, *, candidates: int | None = None) -> QuerySet[Case]:
    """Cases matching `text`, most relevant first (see ranked_search for `candidates`)."""
    return ranked_search(
        queryset,
        text,
        title="title",
        secondary="summary",
        others=("presentation", "learning", "commissioner_issues"),
        then=("-published_at", "pk"),
        candidates=candidates,
    )


def update_evidence_search_document(evidence) -> None:
    """Recompute an evidence item's stored search document (PostgreSQL only): title A, summary and themes B,
    authors, publisher and abstract C."""
    if not uses_postgres():
        return
    themes = " ".join(evidence.themes.values_list("name", flat=True))
    Evidence.objects.filter(pk=evidence.pk).update(
        search_vector=SearchVector(Value(evidence.title), weight="A", config=CONFIG)
        + SearchVector(Value(f"{themes} {evidence.summary}"), weight="B", config=CONFIG)
        + SearchVector(Value(f"{evidence.authors} {evidence.publisher} {evidence.abstract}"), weight="C", config=CONFIG)
    )


def search_evidence(queryset: QuerySet, text: str) -> QuerySet:
    """Evidence matching `text`, most relevant first."""
    return ranked_search(
        queryset,
        text,
        title="title",
        secondary="summary",
        others=("authors", "abstract", "publisher"),
        then=("-added_at", "-pk"),
    )
