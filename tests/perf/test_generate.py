from collections import Counter
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count, Max
from django.urls import reverse
from django.utils import timezone

from bench.generate import SMALL, THEMES, synthetic_people, synthetic_sites
from bench.search import QUERIES
from cases.models import LEARNING_OBJECT_STATUSES, Case, CaseStatus, Evidence, EvidenceLink, Finding, FollowUp, Theme
from cases.search import update_evidence_search_document
from core.anonymisation import find_personal_data
from cycle.models import (
    AgendaItem,
    AgendaItemKind,
    AgendaPublication,
    MeetingRecord,
    RecordEntry,
    RecordStatus,
    RecordVersion,
)
from forum.models import Post, PostStatus, ReadMarker, Thread, ThreadFollow, ThreadKind
from members.models import Sector
from newsletters.models import IssueStatus, NewsletterIssue, NewsletterItem, Section
from search.selectors import search_everything
from sites.models import Attendance, Meeting, MeetingStatus, Membership, MembershipRole
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_programme():
    call_command("generate_programme", "--small", stdout=StringIO())


def test_small_generation_counts_distributions_and_clean_text(small_programme):
    assert synthetic_sites().count() == SMALL.sites
    brokers = synthetic_people().filter(is_knowledge_broker=True)
    commissioners = synthetic_people().filter(is_commissioner=True)
    assert brokers.exists() and commissioners.exists()
    assert synthetic_people().count() == SMALL.members + brokers.count() + commissioners.count()
    assert not Membership.objects.filter(person__in=brokers.union(commissioners).values("pk")).exists()
    assert Meeting.objects.filter(site__in=synthetic_sites()).count() == SMALL.meetings
    assert Case.objects.filter(site__in=synthetic_sites()).count() == SMALL.cases
    # Registers only for held meetings: close to the asked-for number, never more.
    assert 0.9 * SMALL.attendance <= Attendance.objects.count() <= SMALL.attendance
    assert Membership.objects.count() >= SMALL.members

    sectors = Counter(synthetic_people().values_list("sector", flat=True))
    assert set(sectors) == set(Sector.values)
    assert sectors[Sector.VOLUNTARY] == max(sectors.values())

    statuses = Counter(Attendance.objects.values_list("status", flat=True))
    assert statuses["present"] > statuses["apologies"] > statuses["absent"] > 0

    assert len(set(Case.objects.values_list("status", flat=True))) >= 6
    assert FollowUp.objects.exclude(outcome="none_yet").exists()
    assert set(THEMES) <= set(Theme.objects.values_list("name", flat=True))
    for site in synthetic_sites():
        assert Membership.objects.filter(site=site, role=MembershipRole.FACILITATOR).count() == 2
    assert Membership.objects.filter(left__isnull=False).exclude(left_reason="").exists()
    assert Meeting.objects.filter(is_taster=True).count() == SMALL.sites

    # Generated text never goes through the gate (no Finding rows) and is clean anyway.
    assert not Finding.objects.exists()
    for case in Case.objects.order_by("pk")[:40]:
        for text in (case.title, case.presentation, case.learning, case.commissioner_issues, case.summary):
            assert find_personal_data(text) == [], text


def test_a_second_run_is_refused_without_replace(small_programme):
    with pytest.raises(CommandError, match="--replace"):
        call_command("generate_programme", "--small", stdout=StringIO())
    call_command("generate_programme", "--small", "--replace", "--seed", "2", stdout=StringIO())
    assert synthetic_sites().count() == SMALL.sites
    assert Case.objects.count() == SMALL.cases
    # The first run's evidence, agendas and records went with it.
    assert Evidence.objects.count() == SMALL.cases // 10
    assert not EvidenceLink.objects.exclude(case__site__in=synthetic_sites()).exists()
    assert not AgendaItem.objects.exclude(meeting__site__in=synthetic_sites()).exists()
    assert not RecordVersion.objects.exclude(record__meeting__site__in=synthetic_sites()).exists()


def test_small_generation_has_forum_threads_as_people_write_them(small_programme):
    threads = Thread.objects.annotate(posts_count=Count("posts"), latest=Max("posts__visible_at"))
    for site in synthetic_sites():
        assert threads.filter(site=site, kind=ThreadKind.SITE_BOARD).count() >= 2
    case_threads = threads.filter(kind=ThreadKind.CASE).select_related("case")
    assert case_threads.exists()
    assert all(thread.case.status != "draft" and thread.site_id == thread.case.site_id for thread in case_threads)
    lengths = [thread.posts_count for thread in threads]
    assert sum(3 <= n <= 15 for n in lengths) > len(lengths) / 2
    assert any(40 <= n <= 80 for n in lengths)
    assert all(thread.last_post_at == thread.latest for thread in threads)

    # Every post is visible as the gate would have let it through, by a current member of the thread's site.
    posts = Post.objects.select_related("thread")
    assert not posts.exclude(status=PostStatus.VISIBLE).exists()
    assert not posts.filter(visible_at__gt=timezone.now()).exists()
    current = set(Membership.objects.filter(left__isnull=True).values_list("site_id", "person_id"))
    assert all((post.thread.site_id, post.author_id) in current for post in posts)
    assert posts.filter(quoted__isnull=False).exists()
    assert ThreadFollow.objects.exists() and ReadMarker.objects.exists()


def test_small_generation_has_a_draft_newsletter_and_sent_ones_linking_to_learning_objects(small_programme):
    this_month = timezone.localdate().replace(day=1)
    assert list(NewsletterIssue.objects.filter(status=IssueStatus.DRAFT).values_list("month", flat=True)) == [
        this_month
    ]
    sent = NewsletterIssue.objects.filter(status=IssueStatus.SENT)
    assert sent.count() >= 3
    assert all(issue.sent_at and issue.approved_by.is_knowledge_broker for issue in sent.select_related("approved_by"))
    assert all(issue.month < this_month for issue in sent)
    learning_objects = NewsletterItem.objects.filter(issue__status=IssueStatus.DRAFT, section=Section.LEARNING_OBJECTS)
    assert learning_objects.exists()
    published = Case.objects.filter(status__in=LEARNING_OBJECT_STATUSES)
    for item in learning_objects:
        case_pk = int(item.source_key.rsplit(":", 1)[1])
        assert published.filter(pk=case_pk).exists()
        assert reverse("repository:detail", args=[case_pk]) in item.body


def test_generated_forum_and_newsletter_text_holds_no_personal_data(small_programme):
    texts = list(Thread.objects.values_list("title", flat=True))
    texts += list(Post.objects.values_list("body", flat=True)[:300])
    texts += list(NewsletterIssue.objects.values_list("introduction", flat=True))
    for section, title, body in NewsletterItem.objects.values_list("section", "title", "body"):
        # A site's news is headed by its code and town, as compiling writes it: the site's record, not typed text.
        texts += [body] if section == Section.SITE_UPDATES else [title, body]
    for text in texts:
        assert find_personal_data(text) == [], text


def test_replace_deletes_the_generated_forum_and_newsletters(small_programme):
    call_command("generate_programme", "--small", "--replace", "--seed", "2", stdout=StringIO())
    assert not Post.objects.filter(author__isnull=True).exists()
    # The newsletters are made afresh: none still points at the sites and cases the first run made.
    items = NewsletterItem.objects.all()
    assert items.exists()
    assert not items.filter(section=Section.SITE_UPDATES, site__isnull=True).exists()
    for source_key in items.filter(section=Section.LEARNING_OBJECTS).values_list("source_key", flat=True):
        assert Case.objects.filter(pk=int(source_key.rsplit(":", 1)[1])).exists()


def test_small_generation_has_an_evidence_library_attached_to_learning_objects(small_programme):
    items = Evidence.objects.all()
    assert items.count() == SMALL.cases // 10
    assert len(set(items.values_list("kind", flat=True))) >= 4
    assert items.values("year").distinct().count() >= 5 and items.values("publisher").distinct().count() >= 10
    assert not items.filter(added_by__is_knowledge_broker=False).exists()
    assert not items.filter(themes__isnull=True).exists()
    assert not items.filter(summary="").exists() and items.exclude(abstract="").exists()
    links = EvidenceLink.objects.select_related("case", "evidence")
    assert links.exists()
    assert all(link.case.status in LEARNING_OBJECT_STATUSES for link in links)
    assert all(link.added_at >= link.evidence.added_at and link.added_by.is_knowledge_broker for link in links)
    with_evidence = links.values("case").distinct().count()
    learning_objects = Case.objects.filter(status__in=LEARNING_OBJECT_STATUSES).count()
    assert learning_objects / 5 < with_evidence < learning_objects / 2  # about a third
    assert max(Counter(links.values_list("case_id", flat=True)).values()) <= 3
    for item in items[:40]:
        for text in (item.title, item.summary, item.abstract):
            assert find_personal_data(text) == [], text


def test_small_generation_has_agendas_for_held_and_upcoming_meetings(small_programme):
    now = timezone.now()
    items = AgendaItem.objects.select_related("meeting", "case")
    assert not items.filter(meeting__status=MeetingStatus.CANCELLED).exists()
    assert items.filter(meeting__ends_at__lt=now).exists() and items.filter(meeting__starts_at__gt=now).exists()
    kinds = Counter(items.values_list("kind", flat=True))
    assert kinds[AgendaItemKind.CASE] and kinds[AgendaItemKind.FOLLOW_UP] and kinds[AgendaItemKind.OTHER]
    assert kinds[AgendaItemKind.STANDING]
    assert 0 < items.filter(removed=True).count() < items.count() / 10
    for item in items.filter(kind__in=[AgendaItemKind.CASE, AgendaItemKind.FOLLOW_UP]):
        assert item.case.site_id == item.meeting.site_id and item.case.status != CaseStatus.DRAFT
        assert item.source_key == f"{item.kind}:{item.case_id}"
    # The cases discussed at a held meeting are its case items; those followed up there its follow-up items.
    held_case = items.filter(kind=AgendaItemKind.CASE, meeting__ends_at__lt=now).first()
    assert held_case.case.meeting_id == held_case.meeting_id
    follow_up = items.filter(kind=AgendaItemKind.FOLLOW_UP, meeting__ends_at__lt=now).first()
    assert FollowUp.objects.filter(case=follow_up.case, meeting=follow_up.meeting).exists()
    assert items.filter(kind=AgendaItemKind.OTHER).values("title").distinct().count() >= 10
    positions = Counter(items.values_list("meeting_id", "position"))
    assert max(positions.values()) == 1

    with_items = Meeting.objects.filter(agenda_items__isnull=False).distinct()
    published = AgendaPublication.objects.select_related("meeting")
    assert published.count() > with_items.count() / 2
    assert with_items.filter(starts_at__gt=now, agenda_publication__isnull=True).exists()
    assert all(p.published_at <= p.meeting.starts_at and p.published_at <= now for p in published)
    facilitators = set(Membership.objects.filter(role=MembershipRole.FACILITATOR).values_list("site_id", "person_id"))
    assert all((p.meeting.site_id, p.published_by_id) in facilitators for p in published)


def test_small_generation_has_records_of_held_meetings_with_an_entry_per_agenda_item(small_programme):
    now = timezone.now()
    records = MeetingRecord.objects.select_related("meeting")
    assert all(record.meeting.ends_at < now for record in records)
    held = Meeting.objects.filter(ends_at__lt=now, agenda_items__isnull=False).distinct().count()
    assert held / 2 < records.count() < held
    statuses = Counter(records.values_list("status", flat=True))
    assert statuses[RecordStatus.APPROVED] > statuses[RecordStatus.DRAFT] > 0
    latest = max(record.meeting.ends_at for record in records.filter(status=RecordStatus.DRAFT))
    assert latest > max(record.meeting.ends_at for record in records.filter(status=RecordStatus.APPROVED)) - (
        timezone.timedelta(days=60)
    )
    entries = RecordEntry.objects.select_related("record", "agenda_item")
    assert all(entry.agenda_item.meeting_id == entry.record.meeting_id for entry in entries)
    assert not entries.filter(agenda_item__removed=True).exists()
    for record in records.prefetch_related("entries")[:30]:
        kept = AgendaItem.objects.filter(meeting=record.meeting, removed=False).count()
        assert len(record.entries.all()) == kept
    assert not entries.filter(discussion="").exists() and entries.exclude(follow_ups="").exists()
    assert entries.values("discussion").distinct().count() > 50

    # Each approval keeps its version, approved by a facilitator of the site after the meeting; drafts have none.
    versions = RecordVersion.objects.select_related("record__meeting")
    assert versions.count() == statuses[RecordStatus.APPROVED]
    assert not versions.filter(record__status=RecordStatus.DRAFT).exists()
    facilitators = set(Membership.objects.filter(role=MembershipRole.FACILITATOR).values_list("site_id", "person_id"))
    for version in versions[:50]:
        assert version.number == 1 and version.approved_at > version.record.meeting.ends_at
        assert (version.record.meeting.site_id, version.approved_by_id) in facilitators
        assert len(version.content["entries"]) == version.record.entries.count()
    for text in list(entries.values_list("discussion", flat=True)[:200]):
        assert find_personal_data(text) == [], text


def test_the_one_search_finds_generated_evidence_agenda_items_and_records(small_programme):
    admin = UserFactory(is_programme_admin=True)
    found = Counter()
    for query in QUERIES:
        for group in search_everything(admin, query):
            found[group.kind] += len(group.hits)
    assert found["evidence"] and found["agenda_items"] and found["records"]


def test_generated_search_documents_are_those_the_app_writes(small_programme):
    """PostgreSQL: every evidence item's stored document is the one the evidence service computes, and the triggers
    filled the agenda items' and record entries'. SQLite keeps none (its search matches the text itself)."""
    tables = (Evidence, AgendaItem, RecordEntry)
    if connection.vendor != "postgresql":
        assert not any(model.objects.filter(search_vector__isnull=False).exists() for model in tables)
        return
    assert not any(model.objects.filter(search_vector__isnull=True).exists() for model in tables)
    generated = dict(Evidence.objects.values_list("pk", "search_vector"))
    for item in Evidence.objects.order_by("pk")[:25]:
        update_evidence_search_document(item)
    assert dict(Evidence.objects.order_by("pk").values_list("pk", "search_vector")[:25]) == {
        pk: generated[pk] for pk in sorted(generated)[:25]
    }
