"""One search over everything a person may see, grouped by kind.

Each kind reads through its own app's scope (the Q filters and selectors beside each app's rules), so the search
shows exactly what the person could open from the app's own pages, and nothing else:
- cases on the site's pages, with their state: cases_visible_to (drafts only for their presenters and facilitators);
- learning objects: learning_objects_for (the repository);
- evidence: evidence_visible_q (the library's readers every item; commissioners items on a learning object);
- forum threads and posts: forum_threads_q and forum_posts_q (a held post only for its author and moderators);
- meetings: meetings_visible_q (their sites' meetings; every site's for brokers and programme admins);
- agenda items: agenda_items_visible_q (as the agenda page shows them: once published, the items still on it; before
  publication, and the removed ones, only for programme admins and the site's facilitators);
- meeting records: records_visible_q (a draft record only for admins, the site's facilitators, who was there);
- newsletter issues: issues_visible_to (drafts for editors only);
- newsletter articles: the items of those issues, never a removed one;
- people: the current members of the sites the person sees (on_visible_sites_q), as the site's members page lists them.

Matching and ranking: PostgreSQL full text over each model's stored, weighted document (cases.search.ranked_search;
the documents of the forum, meetings, agendas, records and newsletters are kept up to date by triggers:
core/search_index.py); elsewhere a case-insensitive match. People are matched by name, job title or agency as typed
(names are not words to stem)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote_plus

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString

from cases.models import Evidence
from cases.rules import evidence_visible_q
from cases.search import ranked_search, search_cases, search_evidence
from cases.selectors.cases import cases_visible_to, learning_objects_for
from core.markdown import markdown_to_text
from core.rules import is_knowledge_broker, is_programme_admin
from cycle.models import AgendaItem, AgendaItemKind, AgendaPublication, MeetingRecord, RecordEntry, RecordStatus
from cycle.rules import agenda_items_visible_q, records_visible_q
from cycle.templatetags.cycle import agenda_heading
from forum.models import Post, PostStatus
from forum.rules import forum_posts_q
from forum.selectors import threads_visible_to
from newsletters.models import IssueStatus, NewsletterItem
from newsletters.selectors import issues_visible_to
from search.snippets import snippet
from sites.models import Meeting, MeetingStatus, Membership
from sites.rules import meetings_visible_q, on_visible_sites_q

PER_KIND = 5  # results of each kind on the page of every kind
ONE_KIND = 50  # results when the person asks for one kind
MAX_QUERY = 200
CANDIDATES = 200  # of a common word's cases, the newest and the title matches are ranked (ranked_search)


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


def _cases(user, text: str, limit: int) -> tuple[list[Hit], bool]:
    # Only programme-wide people see thousands of cases; ranking a site's few hundred costs less than limiting them.
    candidates = CANDIDATES if is_programme_admin(user) or is_knowledge_broker(user) else None
    rows = list(search_cases(cases_visible_to(user).defer("search_vector"), text, candidates=candidates)[: limit + 1])
    hits = [
        Hit(
            title=case.title,
            url=reverse("cases:detail", args=[case.pk]),
            snippet=snippet([case.summary, case.presentation, case.learning, case.commissioner_issues], text),
            details=(case.site.code, f"updated {_date(case.updated_at)}"),
            state=case.get_status_display(),
        )
        for case in rows[:limit]
    ]
    return hits, len(rows) > limit


def _learning_objects(user, text: str, limit: int) -> tuple[list[Hit], bool]:
    rows = list(search_cases(learning_objects_for(user).defer("search_vector"), text)[: limit + 1])
    hits = [
        Hit(
            title=case.title,
            url=reverse("repository:detail", args=[case.pk]),
            snippet=snippet([case.summary, case.learning, case.presentation, case.commissioner_issues], text),
            details=tuple(theme.name for theme in case.themes.all()[:3]) + (f"published {_date(case.published_at)}",),
        )
        for case in rows[:limit]
    ]
    return hits, len(rows) > limit


def _evidence(user, text: str, limit: int) -> tuple[list[Hit], bool]:
    visible = Evidence.objects.filter(evidence_visible_q(user)).defer("search_vector")
    rows = list(search_evidence(visible, text)[: limit + 1])
    hits = [
        Hit(
            title=item.title,
            url=reverse("evidence:detail", args=[item.pk]),
            snippet=snippet([item.summary, item.abstract, item.authors], text),
            details=tuple(str(part) for part in (item.get_kind_display(), item.year, item.publisher) if part),
        )
        for item in rows[:limit]
    ]
    return hits, len(rows) > limit


def _threads(user, text: str, limit: int) -> tuple[list[Hit], bool]:
    visible = threads_visible_to(user).select_related("site").defer("search_vector")
    rows = list(
        ranked_search(visible, text, title="title", secondary="title", others=(), then=("-last_post_at", "-pk"))[
            : limit + 1
        ]
    )
    hits = [
        Hit(
            title=thread.title,
            url=reverse("forum:thread", args=[thread.pk]),
            snippet=snippet([thread.title], text),
            details=(thread.get_kind_display(), thread.site.code if thread.site else "Programme"),
        )
        for thread in rows[:limit]
    ]
    return hits, len(rows) > limit


def _posts(user, text: str, limit: int) -> tuple[list[Hit], bool]:
    visible = (
        Post.objects.filter(thread__in=threads_visible_to(user).values("pk"), deleted_at__isnull=True)
        .filter(forum_posts_q(user))
        .select_related("thread", "author")
        .defer("search_vector", "thread__search_vector")
    )
    found = ranked_search(visible, text, title="body", secondary="body", others=(), then=("-created_at", "-pk"))
    rows = list(found[: limit + 1])
    hits = [
        Hit(
            title=f"In “{post.thread.title}”",
            url=reverse("forum:thread", args=[post.thread_id]) + f"#post-{post.pk}",
            snippet=snippet([post.body], text),
            details=(post.author.name if post.author else "Someone who left", _date(post.created_at)),
            state="Held: may contain personal data" if post.status == PostStatus.HELD else "",
        )
        for post in rows[:limit]
    ]
    return hits, len(rows) > limit


def _meetings(user, text: str, limit: int) -> tuple[list[Hit], bool]:
    visible = Meeting.objects.filter(meetings_visible_q(user)).select_related("site").defer("search_vector")
    rows = list(
        ranked_search(visible, text, title="venue", secondary="notes", others=(), then=("-starts_at", "-pk"))[
            : limit + 1
        ]
    )
    hits = [
        Hit(
            title=f"{meeting.site.code} meeting, {_date(meeting.starts_at)}",
            url=reverse("sites:meeting", args=[meeting.pk]),
            snippet=snippet([meeting.notes, meeting.venue], text),
            details=(meeting.site.name, meeting.venue),
            state="Cancelled" if meeting.status == MeetingStatus.CANCELLED else "",
        )
        for meeting in rows[:limit]
    ]
    return hits, len(rows) > limit


def _agenda_items(user, text: str, limit: int) -> tuple[list[Hit], bool]:
    visible = (
        AgendaItem.objects.filter(agenda_items_visible_q(user))
        .annotate(published=Exists(AgendaPublication.objects.filter(meeting_id=OuterRef("meeting_id"))))
        .select_related("meeting__site", "case")
        .defer("search_vector", "meeting__search_vector", "case__search_vector")
    )
    rows = list(
        ranked_search(
            visible, text, title="title", secondary="title", others=(), then=("-meeting__starts_at", "position", "pk")
        )[: limit + 1]
    )
    hits = []
    for item in rows[:limit]:
        meeting, heading = item.meeting, agenda_heading(item)  # a case's title only when the case is not a draft
        kind = () if item.kind == AgendaItemKind.OTHER else (item.get_kind_display(),)  # as the agenda shows it
        hits.append(
            Hit(
                title=f"Agenda of the {meeting.site.code} meeting, {_date(meeting.starts_at)}",
                url=reverse("cycle:agenda", args=[meeting.pk]) + f"#agenda-item-{item.pk}",
                snippet=snippet([heading], text),
                details=(meeting.site.name, *kind),
                state=_agenda_state(item),
            )
        )
    return hits, len(rows) > limit


def _agenda_state(item: AgendaItem) -> str:
    """What only the people who run the meeting's cycle see: an item taken off the agenda, or one not yet published."""
    if item.removed:
        return "Removed from the agenda"
    return "" if item.published else "Agenda not yet published"


def _records(user, text: str, limit: int) -> tuple[list[Hit], bool]:
    visible = (
        RecordEntry.objects.filter(record__in=_visible_records(user))
        .select_related("record__meeting__site", "agenda_item")
        .defer("search_vector", "record__meeting__search_vector")
    )
    rows = list(
        ranked_search(
            visible, text, title="discussion", secondary="follow_ups", others=(), then=("-record__meeting__starts_at",)
        )[: limit + 1]
    )
    hits = []
    for entry in rows[:limit]:
        meeting = entry.record.meeting
        item = entry.agenda_item.title if entry.agenda_item else f"Item {entry.position}"
        hits.append(
            Hit(
                title=f"{meeting.site.code} meeting, {_date(meeting.starts_at)}: {item}",
                url=reverse("cycle:record", args=[meeting.pk]),
                snippet=snippet([entry.discussion, entry.follow_ups], text),
                details=(meeting.site.name,),
                state="Draft record" if entry.record.status != RecordStatus.APPROVED else "",
            )
        )
    return hits, len(rows) > limit


def _visible_records(user) -> QuerySet:
    return MeetingRecord.objects.filter(records_visible_q(user)).values("pk")


def _newsletters(user, text: str, limit: int) -> tuple[list[Hit], bool]:
    visible = issues_visible_to(user).defer("search_vector")
    rows = list(
        ranked_search(visible, text, title="introduction", secondary="introduction", others=(), then=("-month",))[
            : limit + 1
        ]
    )
    hits = [
        Hit(
            title=str(issue),
            url=(
                reverse("newsletters:issue_members", args=[issue.slug])
                if issue.status == IssueStatus.SENT
                else reverse("newsletters:edit", args=[issue.pk])
            ),
            snippet=snippet([issue.introduction], text),
            state="" if issue.status == IssueStatus.SENT else issue.get_status_display(),
        )
        for issue in rows[:limit]
    ]
    return hits, len(rows) > limit


def _newsletter_articles(user, text: str, limit: int) -> tuple[list[Hit], bool]:
    visible = (
        NewsletterItem.objects.filter(issue__in=issues_visible_to(user).values("pk"), removed=False)
        .select_related("issue")
        .defer("search_vector", "issue__search_vector")
    )
    rows = list(
        ranked_search(
            visible, text, title="title", secondary="body", others=(), then=("-issue__month", "position", "pk")
        )[: limit + 1]
    )
    hits = []
    for item in rows[:limit]:
        issue = item.issue
        page = (
            reverse("newsletters:issue_members", args=[issue.slug])
            if issue.status == IssueStatus.SENT
            else reverse("newsletters:edit", args=[issue.pk])
        )
        hits.append(
            Hit(
                title=item.title,
                url=f"{page}#item-{item.pk}",
                snippet=snippet([markdown_to_text(item.body), item.title], text),
                details=(str(issue), item.get_section_display()),
                state="" if issue.status == IssueStatus.SENT else f"{issue.get_status_display()} issue",
            )
        )
    return hits, len(rows) > limit


def _people(user, text: str, limit: int) -> tuple[list[Hit], bool]:
    words = text.split()
    if not words:
        return [], False
    matches = Q()
    for word in words:  # every word, in the name, job title or agency
        matches &= (
            Q(person__name__icontains=word) | Q(person__job_title__icontains=word) | Q(person__agency__icontains=word)
        )
    rows = list(
        Membership.objects.current(timezone.localdate())
        .filter(on_visible_sites_q(user), person__is_active=True)
        .filter(matches)
        .select_related("person", "site")
        .order_by("person__name", "site__code", "pk")[: limit + 1]
    )
    hits = [
        Hit(
            title=membership.person.name,
            url=reverse("memberships:site_members", args=[membership.site_id]),
            snippet=snippet(
                [" · ".join(p for p in (membership.person.job_title, membership.person.agency) if p)], text
            ),
            details=(f"{membership.get_role_display()} at {membership.site.code}",),
        )
        for membership in rows[:limit]
    ]
    return hits, len(rows) > limit


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    find: Callable[..., tuple[list[Hit], bool]]
    elsewhere: Callable[[str], tuple[str, str]] | None = None


def _repository(text: str) -> tuple[str, str]:
    return "Search the repository", f"{reverse('repository:list')}?q={_quoted(text)}"


def _library(text: str) -> tuple[str, str]:
    return "Search the evidence library", f"{reverse('evidence:list')}?q={_quoted(text)}"


def _quoted(text: str) -> str:
    return quote_plus(text)


KINDS = (
    Kind("learning_objects", "Learning objects", _learning_objects, _repository),
    Kind("cases", "Cases at your sites", _cases),
    Kind("evidence", "Evidence", _evidence, _library),
    Kind("threads", "Forum topics", _threads),
    Kind("posts", "Forum posts", _posts),
    Kind("meetings", "Meetings", _meetings),
    Kind("agenda_items", "Agenda items", _agenda_items),
    Kind("records", "Meeting records", _records),
    Kind("newsletters", "Newsletters", _newsletters),
    Kind("newsletter_articles", "Newsletter articles", _newsletter_articles),
    Kind("people", "People", _people),
)
KIND_KEYS = tuple(kind.key for kind in KINDS)


def search_everything(user, text: str, *, kind: str = "") -> list[Group]:
    """The groups with at least one result for `text`, in the order of KINDS; only `kind` if one is given."""
    text = " ".join(text.split())[:MAX_QUERY]
    if not text:
        return []
    groups = []
    for each in KINDS:
        if kind and each.key != kind:
            continue
        hits, more = each.find(user, text, ONE_KIND if kind else PER_KIND)
        if hits:
            elsewhere = each.elsewhere(text) if each.elsewhere and more else None
            groups.append(Group(kind=each.key, label=each.label, hits=hits, more=more, elsewhere=elsewhere))
    return groups
