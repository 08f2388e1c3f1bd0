"""One search over everything a person may see, grouped by kind.

Each kind reads through its own app's scope (the Q filters and selectors beside each app's rules), so the search
shows exactly what the person could open from the app's own pages, and nothing else:
- cases on the site's pages, with their state: cases_visible_q (drafts only for their presenters and facilitators);
- learning objects: learning_objects_q (the repository);
- evidence: evidence_visible_q (the library's readers every item; commissioners items on a learning object);
- forum threads and posts: forum_threads_q and forum_posts_q (a held post only for its author and moderators);
- meetings: meetings_visible_q (their sites' meetings; every site's for brokers and programme admins);
- agenda items: agenda_items_visible_q (as the agenda page shows them: once published, the items still on it; before
  publication, and the removed ones, only for programme admins and the site's facilitators);
- meeting records: records_visible_q (a draft record only for admins, the site's facilitators, who was there);
- newsletter issues: issues_visible_to (drafts for editors only);
- newsletter articles: the items of those issues (issues_visible_q), never a removed one;
- people: the current members of the sites the person sees (on_visible_sites_q), as the site's members page lists them.

Matching and ranking: PostgreSQL full text over each model's stored, weighted document (cases.search.ranked_search;
the documents of the forum, meetings, agendas, records and newsletters are kept up to date by triggers:
core/search_index.py); elsewhere a case-insensitive match. For programme-wide people, of a common word's cases and
forum posts only CANDIDATES are ranked on PostgreSQL (thousands match). People are matched by name, job title or agency
as typed (names are not words to stem).

Each kind reads only the columns its results show, as dicts (no model instances, no related rows selected whole).
Most of a search's Python time is building and compiling these eleven queries; on PostgreSQL each is sent as soon as
it is compiled and the rows are read after the last (core.pipeline), so the database's time is spent meanwhile."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote_plus

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString

from cases.models import Case, CaseStatus, Evidence, EvidenceKind
from cases.rules import cases_visible_q, evidence_visible_q, learning_objects_q
from cases.search import ranked_search, search_cases, search_evidence
from core.markdown import markdown_to_text
from core.pipeline import SentRead, pipeline
from core.row_urls import url_for_pk
from core.rules import is_knowledge_broker, is_programme_admin
from cycle.models import AgendaItem, AgendaItemKind, AgendaPublication, RecordEntry, RecordStatus
from cycle.rules import agenda_items_visible_q, records_visible_q
from cycle.templatetags.cycle import agenda_heading
from forum.models import Post, PostStatus, ThreadKind
from forum.rules import forum_posts_q, forum_threads_q
from forum.selectors import threads_visible_to
from newsletters.models import IssueStatus, NewsletterIssue, NewsletterItem, Section
from newsletters.selectors import issues_visible_q, issues_visible_to
from search.snippets import snippet
from sites.models import Meeting, MeetingStatus, Membership, MembershipRole
from sites.rules import meetings_visible_q, on_visible_sites_q, site_roles

PER_KIND = 5  # results of each kind on the page of every kind
ONE_KIND = 50  # results when the person asks for one kind
MAX_QUERY = 200
CANDIDATES = 200  # of a common word's cases, the newest and the title matches are ranked; of its posts, the newest


@dataclass(frozen=True)
class Hit:
    title: str
    url: str
    snippet: SafeString
    details: tuple[str, ...] = ()  # short facts: the state, the site, the date
    state: str = ""  # a case's or a draft's state, shown as a badge


@dataclass
class Group:
    kind: str
    label: str
    hits: list[Hit] = field(default_factory=list)
    more: bool = False  # more matched than shown
    elsewhere: tuple[str, str] | None = None  # (label, url): the kind's own search page, for the full list


def _date(value) -> str:
    return f"{timezone.localtime(value):%-d %B %Y}" if value else ""


def _candidates(user) -> int | None:
    """How many of a common word's matches are ranked (ranked_search): only programme-wide people see thousands of
    cases and posts; ranking a site's few hundred costs less than limiting them."""
    return CANDIDATES if is_programme_admin(user) or is_knowledge_broker(user) else None


def _cases(user, text: str) -> QuerySet:
    found = search_cases(Case.objects.filter(cases_visible_q(user)), text, candidates=_candidates(user))
    fields = ("pk", "title", "summary", "presentation", "learning", "commissioner_issues", "status", "updated_at")
    return found.values(*fields, "site__code")


def _case_hits(rows: list[dict], text: str) -> list[Hit]:
    case_url = url_for_pk("cases:detail")
    return [
        Hit(
            title=case["title"],
            url=case_url(case["pk"]),
            snippet=snippet(
                [case["summary"], case["presentation"], case["learning"], case["commissioner_issues"]], text
            ),
            details=(case["site__code"], f"updated {_date(case['updated_at'])}"),
            state=CaseStatus(case["status"]).label,
        )
        for case in rows
    ]


def _learning_objects(user, text: str) -> QuerySet:
    found = search_cases(Case.objects.filter(learning_objects_q(user)), text)
    return found.values("pk", "title", "summary", "presentation", "learning", "commissioner_issues", "published_at")


def _learning_object_hits(rows: list[dict], text: str) -> list[Hit]:
    themes = _themes([case["pk"] for case in rows])
    detail_url = url_for_pk("repository:detail")
    return [
        Hit(
            title=case["title"],
            url=detail_url(case["pk"]),
            snippet=snippet(
                [case["summary"], case["learning"], case["presentation"], case["commissioner_issues"]], text
            ),
            details=(*themes.get(case["pk"], [])[:3], f"published {_date(case['published_at'])}"),
        )
        for case in rows
    ]


def _themes(case_ids: list[int]) -> dict[int, list[str]]:
    """Each case's theme names, in the themes' order (no query when there is no case)."""
    if not case_ids:
        return {}
    names: dict[int, list[str]] = {}
    links = Case.themes.through.objects.filter(case_id__in=case_ids).order_by("theme__name", "theme_id")
    for case_id, name in links.values_list("case_id", "theme__name"):
        names.setdefault(case_id, []).append(name)
    return names


def _evidence(user, text: str) -> QuerySet:
    found = search_evidence(Evidence.objects.filter(evidence_visible_q(user)), text)
    return found.values("pk", "title", "summary", "abstract", "authors", "kind", "year", "publisher")


def _evidence_hits(rows: list[dict], text: str) -> list[Hit]:
    detail_url = url_for_pk("evidence:detail")
    return [
        Hit(
            title=item["title"],
            url=detail_url(item["pk"]),
            snippet=snippet([item["summary"], item["abstract"], item["authors"]], text),
            details=tuple(
                str(part) for part in (EvidenceKind(item["kind"]).label, item["year"], item["publisher"]) if part
            ),
        )
        for item in rows
    ]


def _threads(user, text: str) -> QuerySet:
    found = ranked_search(
        threads_visible_to(user), text, title="title", secondary="title", others=(), then=("-last_post_at", "-pk")
    )
    return found.values("pk", "title", "kind", "site__code")


def _thread_hits(rows: list[dict], text: str) -> list[Hit]:
    thread_url = url_for_pk("forum:thread")
    return [
        Hit(
            title=thread["title"],
            url=thread_url(thread["pk"]),
            snippet=snippet([thread["title"]], text),
            details=(ThreadKind(thread["kind"]).label, thread["site__code"] or "Programme"),
        )
        for thread in rows
    ]


def _posts(user, text: str) -> QuerySet:
    # The readable threads joined (their cases asked about by EXISTS), not a subquery of them (a broker: 30 ms to 10).
    scope = forum_threads_q(user, via="thread__")
    visible = Post.objects.filter(scope, forum_posts_q(user), deleted_at__isnull=True)
    found = ranked_search(
        visible,
        text,
        title="body",
        secondary="body",
        others=(),
        then=("-created_at", "-pk"),
        candidates=_candidates(user),  # "tenancy" matches 6,555 posts: ranking them all took 20-40 ms
        titled=False,
    )
    return found.values("pk", "body", "status", "created_at", "thread_id", "thread__title", "author__name")


def _post_hits(rows: list[dict], text: str) -> list[Hit]:
    thread_url = url_for_pk("forum:thread")
    return [
        Hit(
            title=f"In “{post['thread__title']}”",
            url=f"{thread_url(post['thread_id'])}#post-{post['pk']}",
            snippet=snippet([post["body"]], text),
            details=(post["author__name"] or "Someone who left", _date(post["created_at"])),
            state="Held: may contain personal data" if post["status"] == PostStatus.HELD else "",
        )
        for post in rows
    ]


def _meetings(user, text: str) -> QuerySet:
    found = ranked_search(
        Meeting.objects.filter(meetings_visible_q(user)),
        text,
        title="venue",
        secondary="notes",
        others=(),
        then=("-starts_at", "-pk"),
    )
    return found.values("pk", "starts_at", "venue", "notes", "status", "site__code", "site__name")


def _meeting_hits(rows: list[dict], text: str) -> list[Hit]:
    meeting_url = url_for_pk("sites:meeting")
    return [
        Hit(
            title=f"{meeting['site__code']} meeting, {_date(meeting['starts_at'])}",
            url=meeting_url(meeting["pk"]),
            snippet=snippet([meeting["notes"], meeting["venue"]], text),
            details=(meeting["site__name"], meeting["venue"]),
            state="Cancelled" if meeting["status"] == MeetingStatus.CANCELLED else "",
        )
        for meeting in rows
    ]


def _agenda_items(user, text: str) -> QuerySet:
    found = ranked_search(
        AgendaItem.objects.filter(agenda_items_visible_q(user)),
        text,
        title="title",
        secondary="title",
        others=(),
        then=("-meeting__starts_at", "position", "pk"),
        candidates=_candidates(user),  # a programme's 75,000 items: "homeless" is on hundreds of agendas
        titled=False,
    )
    published = Exists(AgendaPublication.objects.filter(meeting_id=OuterRef("meeting_id")))  # of the ranked only
    fields = ("pk", "title", "kind", "removed", "published", "meeting_id", "case__title", "case__status")
    return found.annotate(published=published).values(
        *fields, "meeting__starts_at", "meeting__site__code", "meeting__site__name"
    )


def _agenda_item_hits(rows: list[dict], text: str) -> list[Hit]:
    agenda_url = url_for_pk("cycle:agenda")
    hits = []
    for item in rows:
        kind = () if item["kind"] == AgendaItemKind.OTHER else (AgendaItemKind(item["kind"]).label,)  # as on the agenda
        hits.append(
            Hit(
                title=f"Agenda of the {item['meeting__site__code']} meeting, {_date(item['meeting__starts_at'])}",
                url=f"{agenda_url(item['meeting_id'])}#agenda-item-{item['pk']}",
                snippet=snippet([_agenda_heading(item)], text),
                details=(item["meeting__site__name"], *kind),
                state=_agenda_state(item),
            )
        )
    return hits


def _agenda_heading(item: dict) -> str:
    """The heading the agenda shows (a case's title only when the case is not a draft: agenda_heading decides)."""
    case = Case(title=item["case__title"], status=item["case__status"]) if item["case__status"] else None
    return agenda_heading(AgendaItem(title=item["title"], case=case))


def _agenda_state(item: dict) -> str:
    """What only the people who run the meeting's cycle see: an item taken off the agenda, or one not yet published."""
    if item["removed"]:
        return "Removed from the agenda"
    return "" if item["published"] else "Agenda not yet published"


def _records(user, text: str) -> QuerySet:
    found = ranked_search(
        RecordEntry.objects.filter(records_visible_q(user, via="record__")),
        text,
        title="discussion",
        secondary="follow_ups",
        others=(),
        then=("-record__meeting__starts_at",),
        candidates=_candidates(user),  # "homeless" is in 2,000 of a programme's record entries: ranking each cost 25 ms
        titled=False,
        scope_after=True,  # a broker reads nearly every record: joining each match to its record to check cost 20 ms
    )
    fields = ("pk", "position", "discussion", "follow_ups", "agenda_item__title", "record__status")
    meeting = ("record__meeting_id", "record__meeting__starts_at", "record__meeting__site__code")
    return found.values(*fields, *meeting, "record__meeting__site__name")


def _record_hits(rows: list[dict], text: str) -> list[Hit]:
    record_url = url_for_pk("cycle:record")
    hits = []
    for entry in rows:
        item = entry["agenda_item__title"] or f"Item {entry['position']}"
        hits.append(
            Hit(
                title=f"{entry['record__meeting__site__code']} meeting, "
                f"{_date(entry['record__meeting__starts_at'])}: {item}",
                url=record_url(entry["record__meeting_id"]),
                snippet=snippet([entry["discussion"], entry["follow_ups"]], text),
                details=(entry["record__meeting__site__name"],),
                state="Draft record" if entry["record__status"] != RecordStatus.APPROVED else "",
            )
        )
    return hits


def _issue_page(issue: NewsletterIssue) -> str:
    """A sent issue's page for members; a draft's editor (only editors find drafts)."""
    if issue.status == IssueStatus.SENT:
        return reverse("newsletters:issue_members", args=[issue.slug])
    return reverse("newsletters:edit", args=[issue.pk])


def _newsletters(user, text: str) -> QuerySet:
    found = ranked_search(
        issues_visible_to(user), text, title="introduction", secondary="introduction", others=(), then=("-month",)
    )
    return found.values("pk", "month", "status", "introduction")


def _newsletter_hits(rows: list[dict], text: str) -> list[Hit]:
    hits = []
    for row in rows:
        issue = NewsletterIssue(pk=row["pk"], month=row["month"], status=row["status"])
        hits.append(
            Hit(
                title=str(issue),
                url=_issue_page(issue),
                snippet=snippet([row["introduction"]], text),
                state="" if issue.status == IssueStatus.SENT else issue.get_status_display(),
            )
        )
    return hits


def _newsletter_articles(user, text: str) -> QuerySet:
    visible = NewsletterItem.objects.filter(issues_visible_q(user, via="issue__"), removed=False)
    found = ranked_search(
        visible, text, title="title", secondary="body", others=(), then=("-issue__month", "position", "pk")
    )
    return found.values("pk", "title", "body", "section", "issue_id", "issue__month", "issue__status")


def _newsletter_article_hits(rows: list[dict], text: str) -> list[Hit]:
    hits = []
    for item in rows:
        issue = NewsletterIssue(pk=item["issue_id"], month=item["issue__month"], status=item["issue__status"])
        hits.append(
            Hit(
                title=item["title"],
                url=f"{_issue_page(issue)}#item-{item['pk']}",
                snippet=snippet([markdown_to_text(item["body"]), item["title"]], text),
                details=(str(issue), Section(item["section"]).label),
                state="" if issue.status == IssueStatus.SENT else f"{issue.get_status_display()} issue",
            )
        )
    return hits


def _people(user, text: str) -> QuerySet | None:
    words = text.split()
    if not words:
        return None
    matches = Q()
    for word in words:  # every word, in the name, job title or agency
        matches &= (
            Q(person__name__icontains=word) | Q(person__job_title__icontains=word) | Q(person__agency__icontains=word)
        )
    found = (
        Membership.objects.current(timezone.localdate())
        .filter(on_visible_sites_q(user), person__is_active=True)
        .filter(matches)
        .order_by("person__name", "site__code", "pk")
    )
    return found.values("site_id", "role", "person__name", "person__job_title", "person__agency", "site__code")


def _people_hits(rows: list[dict], text: str) -> list[Hit]:
    members_url = url_for_pk("memberships:site_members")
    return [
        Hit(
            title=membership["person__name"],
            url=members_url(membership["site_id"]),
            snippet=snippet(
                [" · ".join(p for p in (membership["person__job_title"], membership["person__agency"]) if p)], text
            ),
            details=(f"{MembershipRole(membership['role']).label} at {membership['site__code']}",),
        )
        for membership in rows
    ]


@dataclass(frozen=True)
class Kind:
    """A kind of result: `read` gives the person's matches for the text, ranked, as values() of only the columns its
    results show (no model instances, no related rows selected whole), or None when nothing can match; `hits` turns
    the first rows into results."""

    key: str
    label: str
    read: Callable[[Any, str], QuerySet | None]
    hits: Callable[[list[dict], str], list[Hit]]
    elsewhere: Callable[[str], tuple[str, str]] | None = None

    def send(self, user, text: str, limit: int) -> SentRead | None:
        """The read of the first `limit` results and one more (to tell whether more matched), sent."""
        found = self.read(user, text)
        return None if found is None else SentRead(found[: limit + 1])

    def find(self, user, text: str, limit: int) -> tuple[list[Hit], bool]:
        """The first `limit` results, and whether more matched."""
        sent = self.send(user, text, limit)
        rows = sent.rows() if sent else []
        return self.hits(rows[:limit], text), len(rows) > limit


def _repository(text: str) -> tuple[str, str]:
    return "Search the repository", f"{reverse('repository:list')}?q={_quoted(text)}"


def _library(text: str) -> tuple[str, str]:
    return "Search the evidence library", f"{reverse('evidence:list')}?q={_quoted(text)}"


def _quoted(text: str) -> str:
    return quote_plus(text)


KINDS = (
    Kind("learning_objects", "Learning objects", _learning_objects, _learning_object_hits, _repository),
    Kind("cases", "Cases at your sites", _cases, _case_hits),
    Kind("evidence", "Evidence", _evidence, _evidence_hits, _library),
    Kind("threads", "Forum topics", _threads, _thread_hits),
    Kind("posts", "Forum posts", _posts, _post_hits),
    Kind("meetings", "Meetings", _meetings, _meeting_hits),
    Kind("agenda_items", "Agenda items", _agenda_items, _agenda_item_hits),
    Kind("records", "Meeting records", _records, _record_hits),
    Kind("newsletters", "Newsletters", _newsletters, _newsletter_hits),
    Kind("newsletter_articles", "Newsletter articles", _newsletter_articles, _newsletter_article_hits),
    Kind("people", "People", _people, _people_hits),
)
KIND_KEYS = tuple(kind.key for kind in KINDS)
# The reads that keep PostgreSQL longest (thousands of matches for a common word), sent first: it runs them while
# Python builds the others.
SLOW_READS = ("learning_objects", "cases", "posts")


def _slow_first(kind: Kind) -> bool:
    return kind.key not in SLOW_READS


def search_everything(user, text: str, *, kind: str = "") -> list[Group]:
    """The groups with at least one result for `text`, in the order of KINDS; only `kind` if one is given.

    Every kind's read is sent before the first one's rows are read (core.pipeline): PostgreSQL runs each while the
    next is built and compiled, which is most of a search's Python time."""
    text = " ".join(text.split())[:MAX_QUERY]
    if not text:
        return []
    chosen = [each for each in KINDS if not kind or each.key == kind]
    limit = ONE_KIND if kind else PER_KIND
    site_roles(user)  # the rules' one read of the person, before the pipeline, where reading it would wait for it
    with pipeline():
        sent = {each.key: each.send(user, text, limit) for each in sorted(chosen, key=_slow_first)}
    groups = []
    for each in chosen:
        read = sent[each.key]
        rows = read.rows() if read else []
        if rows:
            more = len(rows) > limit
            elsewhere = each.elsewhere(text) if each.elsewhere and more else None
            hits = each.hits(rows[:limit], text)
            groups.append(Group(kind=each.key, label=each.label, hits=hits, more=more, elsewhere=elsewhere))
    return groups
