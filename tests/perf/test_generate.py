from collections import Counter
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Max
from django.urls import reverse
from django.utils import timezone

from bench.generate import SMALL, THEMES, synthetic_people, synthetic_sites
from cases.models import LEARNING_OBJECT_STATUSES, Case, Finding, FollowUp, Theme
from core.anonymisation import find_personal_data
from forum.models import Post, PostStatus, ReadMarker, Thread, ThreadFollow, ThreadKind
from members.models import Sector
from newsletters.models import IssueStatus, NewsletterIssue, NewsletterItem, Section
from sites.models import Attendance, Meeting, Membership, MembershipRole

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
