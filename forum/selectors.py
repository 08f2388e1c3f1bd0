"""Reads of the forum shaped for its pages, always scoped by the filters of forum/rules.py."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery, prefetch_related_objects
from django.db.models.lookups import IsNull
from django.utils import timezone

from cases.models import LEARNING_OBJECT_STATUSES
from core.rules import is_programme_admin
from forum.models import (
    BOARD_KINDS,
    Post,
    PostFinding,
    PostFindingStatus,
    PostReport,
    PostRevision,
    ReadMarker,
    Thread,
    ThreadFollow,
    ThreadKind,
    board_kind,
)
from forum.rules import forum_moderated_q, forum_posts_q, forum_threads_q
from sites.models import Membership, Site
from sites.rules import site_roles

PAGE_SIZE = 30


def threads_visible_to(user) -> QuerySet[Thread]:
    return Thread.objects.filter(forum_threads_q(user))


def thread_audience(thread: Thread) -> QuerySet:
    """Everyone who may read the thread: the people a post in it may mention or notify."""
    User = get_user_model()
    today = timezone.localdate()
    current = Membership.objects.current(today)
    in_programme = Q(pk__in=current.values("person_id")) | Q(is_knowledge_broker=True) | Q(is_programme_admin=True)
    if thread.kind == ThreadKind.CASE:
        if thread.case.status == "draft":
            return User.objects.none()
        readers = Q(pk__in=current.filter(site_id=thread.site_id).values("person_id"))
        readers |= Q(is_knowledge_broker=True) | Q(is_programme_admin=True)
    elif thread.kind == ThreadKind.LEARNING_OBJECT:
        if thread.case.status not in LEARNING_OBJECT_STATUSES:
            return User.objects.none()
        readers = in_programme
    elif thread.kind == ThreadKind.SITE_BOARD:
        readers = Q(pk__in=current.filter(site_id=thread.site_id).values("person_id")) | Q(is_programme_admin=True)
    elif thread.kind == ThreadKind.FACILITATORS_BOARD:
        readers = Q(pk__in=current.facilitators().values("person_id")) | Q(is_programme_admin=True)
    else:
        readers = in_programme
    return User.objects.filter(readers, is_active=True).order_by("name")


def with_unread(threads: QuerySet[Thread], user) -> QuerySet[Thread]:
    """Annotate each thread with `unread`: visible posts by others since the user last read it (all, if never)."""
    read_at = ReadMarker.objects.filter(thread=OuterRef("pk"), person=user).values("read_at")[:1]
    new_posts = Q(posts__status="visible", posts__deleted_at__isnull=True) & ~Q(posts__author_id=user.pk)
    new_posts &= Q(read_at__isnull=True) | Q(posts__visible_at__gt=F("read_at"))
    return threads.annotate(read_at=Subquery(read_at)).annotate(
        unread=Count("posts", filter=new_posts),
        post_count=Count("posts", filter=Q(posts__status="visible", posts__deleted_at__isnull=True), distinct=True),
    )


def board_topics(user, *, site=None, facilitators: bool = False) -> list[Thread]:
    kind = board_kind(site=site, facilitators=facilitators)
    threads = threads_visible_to(user).filter(kind=kind, site=site).select_related("started_by")
    return list(with_unread(threads, user).order_by(F("last_post_at").desc(nulls_last=True), "-created_at")[:200])


def forum_index(user) -> dict:
    """The forum's front page: the boards the user can use, and the case and learning-object threads they read."""
    sites = Site.objects.filter(sites_for_boards_q(user)).order_by("code")
    visible = threads_visible_to(user)
    board_unread: dict[int | str | None, int] = {}
    boards = with_unread(visible.filter(kind__in=BOARD_KINDS), user)
    for kind, site_id, unread in boards.values_list("kind", "site_id", "unread"):
        key = kind if kind == ThreadKind.FACILITATORS_BOARD else site_id
        board_unread[key] = board_unread.get(key, 0) + (1 if unread else 0)
    case_threads = with_unread(
        visible.filter(kind__in=[ThreadKind.CASE, ThreadKind.LEARNING_OBJECT], last_post_at__isnull=False), user
    ).select_related("case", "site")
    return {
        "programme_unread": board_unread.get(None, 0),
        "facilitators_board": user.has_perm("forum.use_facilitators_board"),
        "facilitators_unread": board_unread.get(ThreadKind.FACILITATORS_BOARD, 0),
        "site_boards": [{"site": site, "unread": board_unread.get(site.pk, 0)} for site in sites],
        "case_threads": list(case_threads.order_by("-last_post_at")[:50]),
    }


def sites_for_boards_q(user) -> Q:
    """Sites whose board the user may use: their own sites (programme admins: every site)."""
    if is_programme_admin(user):
        return Q()
    return Q(pk__in=list(site_roles(user)))


def whats_new(user, *, limit: int = 8) -> dict | None:
    """The home page panel: threads with posts by others since the user last read them, newest first, each with
    `unread`, the number of those posts, and `site_code`. One query."""
    if not user.has_perm("forum.use_forum"):
        return None
    # Which threads have news is asked with EXISTS, newest first, stopping at the limit; posts are counted (in the
    # select list, which PostgreSQL works out after the limit) for those threads only. Counting every visible
    # thread's posts first cost a knowledge broker, who reads every case's thread, 80 ms on the national-size
    # programme.
    read_at = ReadMarker.objects.filter(thread=OuterRef("pk"), person=user).values("read_at")[:1]
    by_others = Post.objects.filter(thread=OuterRef("pk"), status="visible", deleted_at__isnull=True).exclude(
        author_id=user.pk
    )
    news = (Q(read_at__isnull=True) & Exists(by_others)) | Exists(by_others.filter(visible_at__gt=OuterRef("read_at")))
    since_read = by_others.filter(Q(IsNull(OuterRef("read_at"), True)) | Q(visible_at__gt=OuterRef("read_at")))
    unread = since_read.order_by().values("thread").annotate(n=Count("pk")).values("n")
    threads = list(
        threads_visible_to(user)
        .annotate(read_at=Subquery(read_at))
        .filter(news)
        # Not joined: with the site joined before the limit, PostgreSQL looped over every site for each thread.
        .annotate(
            unread=Subquery(unread), site_code=Subquery(Site.objects.filter(pk=OuterRef("site_id")).values("code"))
        )
        .defer("search_vector")
        .order_by("-last_post_at", "-pk")[: limit + 1]
    )
    return {"threads": threads[:limit], "more": len(threads) > limit}


def thread_page(user, thread: Thread) -> dict:
    """The posts the user may see, each with its quoted post, findings (for its author and moderators), and whether
    it is new to them; reading the page is what moves their read marker (see services.mark_thread_read)."""
    marker, following = (
        Thread.objects.filter(pk=thread.pk)
        .annotate(
            marker=Subquery(ReadMarker.objects.filter(thread=OuterRef("pk"), person=user).values("read_at")[:1]),
            following=Exists(ThreadFollow.objects.filter(thread=OuterRef("pk"), person=user)),
        )
        .values_list("marker", "following")
        .get()
    )
    posts = list(
        thread.posts.filter(forum_posts_q(user))
        .select_related("author", "quoted__author")
        .defer("search_vector", "quoted__search_vector")
        .annotate(revision_count=Count("revisions"))
    )
    # Only held posts show their findings (to their author and moderators).
    held = [post for post in posts if not post.is_visible]
    prefetch_related_objects(held, Prefetch("findings", queryset=PostFinding.objects.select_related("dismissed_by")))
    for post in posts:
        post.thread = thread  # the permission checks on each post read its thread
        post.is_new = bool(
            post.is_visible and post.author_id != user.pk and (marker is None or post.visible_at > marker)
        )
    return {
        "posts": posts,
        "unread_count": sum(1 for p in posts if p.is_new),
        "following": following,
    }


def post_history(post: Post) -> list[PostRevision]:
    return list(post.revisions.select_related("replaced_by"))


def moderation_queue(user) -> dict:
    """Open reports and held posts in the threads the user moderates."""
    moderated = Thread.objects.filter(forum_moderated_q(user))
    reports = (
        PostReport.objects.filter(resolved_at__isnull=True, post__thread__in=moderated)
        .select_related("post__thread", "post__author", "reported_by")
        .order_by("-reported_at")
    )
    held = (
        Post.objects.filter(status="held", deleted_at__isnull=True, thread__in=moderated)
        .select_related("thread", "author")
        .order_by("-created_at")
    )
    to_confirm = (
        PostFinding.objects.filter(status=PostFindingStatus.AWAITING, post__thread__in=moderated)
        .exclude(dismissed_by=user)
        .select_related("post__thread", "dismissed_by")
        .order_by("dismissed_at", "pk")
    )
    return {"reports": list(reports[:200]), "held": list(held[:200]), "to_confirm": list(to_confirm[:200])}


def post_findings_awaiting_confirmation(user) -> QuerySet[PostFinding]:
    """The "not personal data" in posts that wait for this moderator to confirm (the home page counts them)."""
    moderated = Thread.objects.filter(forum_moderated_q(user))
    return PostFinding.objects.filter(status=PostFindingStatus.AWAITING, post__thread__in=moderated).exclude(
        dismissed_by=user
    )
