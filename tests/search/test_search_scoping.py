"""One search finds, for each person, exactly what they may open, and nothing else: every kind of result in every
state that matters (a draft case, a held forum post, another site's meeting record, a draft newsletter...) walked
against every role of the authorisation matrix (with the agenda items in each state and the newsletter articles).

Each object carries a word found nowhere else. The oracle is the rule each app's pages ask (django-rules
`has_perm`), not the search's own scopes: a search that drifted from the pages' rules fails here. Every result
link is also opened as the same person and must answer 200, with the element its #anchor names on the page."""

import contextlib
import importlib
from dataclasses import dataclass
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from cases.models import Case, Evidence
from cases.search import update_evidence_search_document, update_search_document
from cycle.models import AgendaItem, RecordEntry
from cycle.services import agenda as agenda_services
from cycle.services import record as record_services
from forum import services as forum_services
from forum.models import Thread
from newsletters.models import NewsletterIssue, NewsletterItem
from newsletters.services import editing as newsletter_editing
from sites.models import Attendance
from tests.factories import MeetingFactory, MembershipFactory, at
from tests.security.matrix import ROLES

ALL_ROLES = [*ROLES, "commissioner_with_membership"]


@dataclass(frozen=True)
class Planted:
    word: str
    url: str  # the page the result must link to
    may_open: object  # user -> bool: the rule of the object's own page


class _Links(HTMLParser):
    """The result links of the page (inside <ol class="search-results">)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "ol" and "search-results" in (attrs.get("class") or ""):
            self._depth += 1
        elif tag == "a" and self._depth:
            self.links.append(attrs.get("href", ""))

    def handle_endtag(self, tag):
        if tag == "ol" and self._depth:
            self._depth -= 1


def result_links(client, word: str) -> list[str]:
    response = client.get(reverse("search:results"), {"q": word})
    assert response.status_code == 200
    parser = _Links()
    parser.feed(response.content.decode())
    return parser.links


def _case(world, state: str, word: str) -> Case:
    case = world.case(state, fresh=True)
    Case.objects.filter(pk=case.pk).update(presentation=f"The team tried {word} at the weekend.")
    case.refresh_from_db()
    update_search_document(case)  # as the services do after every change of text
    return case


def _record(world, site, *, word: str, present: list[str], approved: bool):
    facilitator = world.people["facilitator" if site == world.site else "other_facilitator"]
    meeting = MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=2)))
    AgendaItem.objects.create(meeting=meeting, position=1, kind="other", title="Open discussion")
    for role in present:
        Attendance.objects.create(meeting=meeting, person=world.people[role], status="present")
    draft = record_services.open_record(meeting=meeting, opened_by=facilitator)
    entry = draft.entries.get()
    entry.discussion = f"We agreed {word} with the housing team."
    entry.save(update_fields=["discussion"])
    if approved:
        record_services.approve_record(record=draft, approved_by=facilitator)
    draft.refresh_from_db()
    return draft


def _post(world, kind: str, word: str, *, held: bool = False):
    body = f"Ring Mrs Jane Doe on 07700 900123 about {word}." if held else f"We tried {word} last month."
    author = world.people["facilitator" if kind == "facilitators_board" else "member"]
    post = forum_services.add_post(thread=world.forum_thread(kind), by=author, body=body)
    assert post.status == ("held" if held else "visible")
    return post


def _agenda_item(world, site, word: str, *, published: bool, removed: bool = False) -> AgendaItem:
    """An item added by the site's facilitator to a coming meeting's agenda, published or not, taken off or not."""
    facilitator = world.people["facilitator" if site == world.site else "other_facilitator"]
    meeting = MeetingFactory(site=site)
    item = agenda_services.add_agenda_item(meeting=meeting, added_by=facilitator, title=f"Planning {word} together")
    if published:
        if removed:  # an agenda is published with at least one item on it
            agenda_services.add_agenda_item(meeting=meeting, added_by=facilitator, title="Welcome")
        agenda_services.publish_agenda(meeting=meeting, published_by=facilitator)
    if removed:
        agenda_services.remove_agenda_item(item=item, removed_by=facilitator)
    return item


def _may_read_agenda_item(user, item: AgendaItem) -> bool:
    """The agenda page's rule (cycle.views.agenda_page): whoever may open the meeting reads the published agenda's
    items; those who run the meeting's cycle also the items before publication and the ones taken off."""
    meeting = item.meeting
    if not user.has_perm("sites.view_meeting", meeting):
        return False
    if user.has_perm("cycle.manage_meeting_cycle", meeting):
        return True
    return hasattr(meeting, "agenda_publication") and not item.removed


def _article(world, issue: NewsletterIssue, word: str, *, removed: bool = False) -> NewsletterItem:
    """An item of `issue` whose body holds `word` (a draft's through the editor's service; a sent issue can no
    longer be edited, so its item is written as compiling wrote it)."""
    if issue.is_draft:
        item = newsletter_editing.add_free_item(
            issue=issue, section="notices", title="A call for cases", body=f"Bring your {word} stories.",
            audience="members_only", by=world.people["broker"],
        )  # fmt: skip
        if removed:
            newsletter_editing.set_item_removed(item=item, removed=True)
        return item
    return NewsletterItem.objects.create(
        issue=issue, section="programme", title="Across the programme", body=f"Bring your {word} stories.",
        source_key=f"test:{word}", removed=removed,
    )  # fmt: skip


def plant_everything(world) -> dict[str, Planted]:
    """One object per kind and state, each with its own word, and the rule that decides who may open it."""
    planted: dict[str, Planted] = {}

    def case_entries(state: str) -> None:
        case = _case(world, state, f"quokka{state.replace('_', '')}")
        planted[f"case {state}"] = Planted(
            case.presentation.split()[3], reverse("cases:detail", args=[case.pk]),
            lambda user, case=case: user.has_perm("cases.view_case", case),
        )  # fmt: skip
        if case.status in ("published", "public"):
            planted[f"learning object {state}"] = Planted(
                case.presentation.split()[3], reverse("repository:detail", args=[case.pk]),
                lambda user, case=case: user.has_perm("cases.view_learning_object", case),
            )  # fmt: skip

    for state in ("draft", "shared", "written_up", "published"):
        case_entries(state)
    other = world.case_of_other_site()
    Case.objects.filter(pk=other.pk).update(presentation="Calls at night about quokkaothersite.")
    other.refresh_from_db()
    update_search_document(other)
    planted["case of another site"] = Planted(
        "quokkaothersite", reverse("cases:detail", args=[other.pk]),
        lambda user: user.has_perm("cases.view_case", other),
    )  # fmt: skip

    for state in ("library", "published", "other_site"):
        item = world.evidence(state)
        Evidence.objects.filter(pk=item.pk).update(summary=f"What quokkaevidence{state.replace('_', '')} means.")
        item.refresh_from_db()
        update_evidence_search_document(item)
        planted[f"evidence {state}"] = Planted(
            f"quokkaevidence{state.replace('_', '')}", reverse("evidence:detail", args=[item.pk]),
            lambda user, item=item: user.has_perm("cases.view_evidence", item),
        )  # fmt: skip

    for kind in ("case", "learning_object", "site_board", "programme_board", "facilitators_board"):
        thread = world.forum_thread(kind)
        word = f"quokkatopic{kind.replace('_', '')}"
        Thread.objects.filter(pk=thread.pk).update(title=f"About {word}")  # the stored document follows (trigger)
        planted[f"forum topic {kind}"] = Planted(
            word, reverse("forum:thread", args=[thread.pk]),
            lambda user, thread=thread: user.has_perm("forum.view_thread", thread),
        )  # fmt: skip
        post = _post(world, kind, f"quokkapost{kind.replace('_', '')}")
        planted[f"forum post {kind}"] = Planted(
            f"quokkapost{kind.replace('_', '')}", reverse("forum:thread", args=[thread.pk]) + f"#post-{post.pk}",
            lambda user, post=post: user.has_perm("forum.view_post", post),
        )  # fmt: skip
    for kind in ("site_board", "programme_board"):
        held = _post(world, kind, f"quokkaheld{kind.replace('_', '')}", held=True)
        planted[f"held forum post {kind}"] = Planted(
            f"quokkaheld{kind.replace('_', '')}",
            reverse("forum:thread", args=[held.thread_id]) + f"#post-{held.pk}",
            lambda user, post=held: user.has_perm("forum.view_post", post),
        )  # fmt: skip

    for name, site in (("meeting", world.site), ("meeting of another site", world.other_site)):
        meeting = MeetingFactory(site=site, notes=f"Bring the quokka{name.replace(' ', '')} leaflets.")
        planted[name] = Planted(
            f"quokka{name.replace(' ', '')}", reverse("sites:meeting", args=[meeting.pk]),
            lambda user, meeting=meeting: user.has_perm("sites.view_meeting", meeting),
        )  # fmt: skip

    records = {
        "draft record (member present)": (world.site, ["member", "facilitator"], False),
        "draft record (member absent)": (world.site, ["facilitator"], False),
        "approved record": (world.site, ["facilitator"], True),
        "record of another site": (world.other_site, ["other_member", "other_facilitator"], True),
    }
    for name, (site, present, approved) in records.items():
        word = "quokkarecord" + "".join(ch for ch in name if ch.isalpha())
        draft = _record(world, site, word=word, present=present, approved=approved)

        def may_open(user, meeting=draft.meeting, record=draft):
            readable = record.is_locked or user.has_perm("cycle.view_draft_record", meeting)
            return user.has_perm("cycle.view_record", meeting) and readable

        planted[name] = Planted(word, reverse("cycle:record", args=[draft.meeting_id]), may_open)

    for name, issue in (("draft newsletter", world.draft_newsletter()), ("sent newsletter", world.sent_newsletter())):
        word = f"quokka{name.replace(' ', '')}"
        NewsletterIssue.objects.filter(pk=issue.pk).update(introduction=f"This month: {word}.")
        issue.refresh_from_db()
        if issue.status == "sent":
            url, perm = reverse("newsletters:issue_members", args=[issue.slug]), "newsletters.read_members_archive"
        else:
            url, perm = reverse("newsletters:edit", args=[issue.pk]), "newsletters.edit_issue"
        planted[name] = Planted(word, url, lambda user, perm=perm: user.has_perm(perm))
        for article, removed in ((f"article in a {name}", False), (f"removed article in a {name}", True)):
            word = "quokka" + "".join(ch for ch in article if ch.isalpha())
            item = _article(world, issue, word, removed=removed)
            planted[article] = Planted(
                word, f"{url}#item-{item.pk}",
                lambda user, perm=perm, removed=removed: not removed and user.has_perm(perm),
            )  # fmt: skip

    agenda_items = {
        "agenda item": (world.site, True, False),
        "agenda item not yet published": (world.site, False, False),
        "agenda item taken off": (world.site, True, True),
        "agenda item of another site": (world.other_site, True, False),
        "agenda item not yet published of another site": (world.other_site, False, False),
    }
    for name, (site, published, removed) in agenda_items.items():
        word = "quokka" + "".join(ch for ch in name if ch.isalpha())
        item = _agenda_item(world, site, word, published=published, removed=removed)
        planted[name] = Planted(
            word, reverse("cycle:agenda", args=[item.meeting_id]) + f"#agenda-item-{item.pk}",
            lambda user, item=item: _may_read_agenda_item(user, item),
        )  # fmt: skip

    for name, site in (("person", world.site), ("person of another site", world.other_site)):
        word = f"quokka{name.replace(' ', '')}"
        MembershipFactory(site=site, person__job_title=f"Senior {word} worker")
        planted[name] = Planted(
            word, reverse("memberships:site_members", args=[site.pk]),
            lambda user, site=site: user.has_perm("sites.view_site", site),
        )  # fmt: skip
    return planted


@pytest.mark.django_db
def test_each_person_finds_exactly_what_they_may_open(client, world):
    planted = plant_everything(world)
    wrong, broken = {}, {}
    for role in ALL_ROLES:
        client.logout()
        if role == "anonymous":
            response = client.get(reverse("search:results"), {"q": "quokkashared"})
            assert response.status_code == 302 and reverse("account_login") in response["Location"]
            continue
        user = world.people[role]
        client.force_login(user)
        pages: dict[str, str] = {}
        for name, thing in planted.items():
            links = result_links(client, thing.word)
            found = thing.url in links
            if found != bool(thing.may_open(user)):
                wrong[(role, name)] = "found" if found else "missed"
            for link in links:  # every result opens for whoever saw it, on the element its anchor names
                page, _, anchor = link.partition("#")
                if page not in pages:
                    response = client.get(page)
                    pages[page] = response.content.decode() if response.status_code == 200 else ""
                    if response.status_code != 200:
                        broken[(role, name, link)] = response.status_code
                if pages[page] and anchor and f'id="{anchor}"' not in pages[page]:
                    broken[(role, name, link)] = "no such anchor"
    assert wrong == {}
    assert broken == {}


@pytest.mark.django_db
def test_the_walk_covers_the_cases_that_matter(world):
    """The oracle itself says no where the issue says "never": the walk above is not vacuous."""
    planted = plant_everything(world)
    people = world.people
    never = {
        "case draft": ["other_member", "broker", "commissioner", "admin", "other_facilitator"],
        "record of another site": ["member", "facilitator", "commissioner"],
        "draft record (member absent)": ["member", "broker", "commissioner", "other_member"],
        "held forum post site_board": ["other_member", "broker", "other_facilitator", "commissioner"],
        "held forum post programme_board": ["other_member", "broker", "other_facilitator", "commissioner"],
        "draft newsletter": ["member", "facilitator", "commissioner"],
        "person of another site": ["member", "facilitator", "commissioner"],
        "meeting of another site": ["member", "facilitator", "commissioner"],
        "article in a draft newsletter": ["member", "facilitator", "commissioner"],
        "removed article in a sent newsletter": list(people),
        "removed article in a draft newsletter": list(people),
        "agenda item not yet published": ["member", "broker", "commissioner", "other_member", "other_facilitator"],
        "agenda item taken off": ["member", "broker", "commissioner", "other_member", "other_facilitator"],
        "agenda item of another site": ["member", "facilitator", "commissioner"],
        "agenda item not yet published of another site": ["member", "facilitator", "broker", "other_member"],
    }
    for name, roles in never.items():
        for role in roles:
            assert not planted[name].may_open(people[role]), (name, role)
    assert planted["held forum post site_board"].may_open(people["member"])  # its author
    assert planted["held forum post site_board"].may_open(people["facilitator"])  # its moderator
    assert planted["learning object published"].may_open(people["commissioner"])
    assert planted["article in a sent newsletter"].may_open(people["commissioner"])
    assert planted["article in a draft newsletter"].may_open(people["broker"])
    for name in ("agenda item not yet published", "agenda item taken off"):  # the site's facilitator prepares them
        assert planted[name].may_open(people["facilitator"]) and planted[name].may_open(people["admin"]), name
    assert planted["agenda item"].may_open(people["member"]) and planted["agenda item"].may_open(people["broker"])


@pytest.mark.django_db
def test_search_documents_follow_every_kind_of_save(world):
    """The stored documents are kept up to date however a row is saved (PostgreSQL's triggers; on SQLite the
    fallback reads the text itself)."""
    from search.selectors import search_everything

    admin = world.people["admin"]
    post = _post(world, "programme_board", "quokkabefore")
    post.body = "Now about quokkaafter."
    post.save(update_fields=["body"])
    entry = RecordEntry.objects.get(record=_record(world, world.site, word="quokkaold", present=[], approved=False))
    RecordEntry.objects.filter(pk=entry.pk).update(discussion="Changed to quokkanew.")
    article = _article(world, world.draft_newsletter(), "quokkafirstdraft")
    newsletter_editing.update_item(item=article, title="quokkaretitled", body="Bring your stories.", by=admin)
    agenda_item = _agenda_item(world, world.site, "quokkaagendabefore", published=False)
    AgendaItem.objects.filter(pk=agenda_item.pk).update(title="Planning quokkaagendaafter together")

    def kinds(word):
        return {group.kind for group in search_everything(admin, word)}

    assert kinds("quokkabefore") == set() and kinds("quokkaafter") == {"posts"}
    assert kinds("quokkaold") == set() and kinds("quokkanew") == {"records"}
    assert kinds("quokkafirstdraft") == set() and kinds("quokkaretitled") == {"newsletter_articles"}
    assert kinds("quokkaagendabefore") == set() and kinds("quokkaagendaafter") == {"agenda_items"}


FILL_MIGRATIONS = [
    "cases.migrations.0012_fill_missing_case_search_documents",
    "forum.migrations.0004_fill_search_documents",
    "sites.migrations.0008_fill_search_documents",
    "cycle.migrations.0005_fill_search_documents",
    "newsletters.migrations.0006_fill_search_documents",
    "cycle.migrations.0009_fill_agenda_item_search_documents",
    "newsletters.migrations.0008_fill_item_search_documents",
]
TABLES = [
    "cases_case",
    "forum_thread",
    "forum_post",
    "sites_meeting",
    "sites_recordentry",
    "newsletters_newsletterissue",
    "sites_agendaitem",
    "newsletters_newsletteritem",
]


@pytest.mark.django_db
def test_the_migrations_fill_the_documents_of_rows_saved_before_them(world):
    from search.selectors import search_everything

    facilitator = world.people["facilitator"]
    _case(world, "draft", "quokkaoldcase")
    _post(world, "programme_board", "quokkaoldpost")
    MeetingFactory(site=world.site, notes="quokkaoldmeeting")
    _record(world, world.site, word="quokkaoldrecord", present=[], approved=True)
    NewsletterIssue.objects.filter(pk=world.sent_newsletter().pk).update(introduction="quokkaoldissue")
    _article(world, world.sent_newsletter(), "quokkaoldarticle")
    _agenda_item(world, world.site, "quokkaoldagenda", published=True)
    words = {"quokkaoldcase": "cases", "quokkaoldpost": "posts", "quokkaoldmeeting": "meetings"}
    words |= {"quokkaoldrecord": "records", "quokkaoldissue": "newsletters"}
    words |= {"quokkaoldarticle": "newsletter_articles", "quokkaoldagenda": "agenda_items"}
    if connection.vendor == "postgresql":  # SQLite keeps no documents: its plain match finds the rows either way
        with connection.cursor() as cursor:
            for table in TABLES:  # as they were before the migrations: no document (the triggers watch the text only)
                cursor.execute(f"UPDATE {table} SET search_vector = NULL")  # noqa: S608 - our own table names
        assert all(search_everything(facilitator, word) == [] for word in words)

    editor = connection.schema_editor()  # entered on PostgreSQL only (SQLite's cannot be, in a transaction)
    with editor if connection.vendor == "postgresql" else contextlib.nullcontext(editor):
        for name in FILL_MIGRATIONS:
            importlib.import_module(name).fill(django_apps, editor)
    assert {word: {g.kind for g in search_everything(facilitator, word)} for word in words} == {
        word: {kind} for word, kind in words.items()
    }
