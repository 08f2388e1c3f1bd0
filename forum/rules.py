"""Who may do what in the forum (obj: a Thread, or a Post where named). A thread's readers follow its target:
- a case thread: the case's site's members and facilitators, knowledge brokers and programme admins, once the case
  is shared (never a draft: nobody but the presenters and facilitators knows of it);
- a learning-object thread: everyone in the programme (anyone with a site role, brokers, admins) while the case is
  published or public;
- a site board: that site's members and facilitators, and programme admins;
- the programme board: everyone in the programme;
- the facilitators' board: facilitators of any site and the programme team (programme admins), nobody else.
Commissioners are not in the forum: it is the members' own candid discussion, and commissioners hear the issues
through the digests (they read learning objects themselves in the repository). Another site's thread is a 404.
Facilitators moderate their site's board and its case threads; programme admins moderate everything.
A post held by the gate is seen only by its author and the thread's moderators."""

from collections.abc import Callable
from typing import NamedTuple

import rules
from django.db.models import Exists, OuterRef, Q

from cases.models import LEARNING_OBJECT_STATUSES, Case, CaseStatus
from cases.rules import status_of
from core.rules import is_knowledge_broker, is_programme_admin, is_signed_in
from forum.models import PostStatus, ThreadKind
from sites.rules import facilitated_site_ids, is_any_facilitator, is_in_programme, site_id_of, site_roles

FORUM_SITE_KINDS = (ThreadKind.CASE, ThreadKind.SITE_BOARD)


def _thread_case_status(thread) -> str:
    case = getattr(thread, "case", None)
    return status_of(case) if case is not None else ""


@rules.predicate
def can_read_thread(user, thread) -> bool:
    if thread is None or not is_in_programme(user):
        return False
    kind = thread.kind
    if kind == ThreadKind.CASE:
        status = _thread_case_status(thread)
        return status not in ("", CaseStatus.DRAFT) and bool(
            thread.site_id in site_roles(user) or is_knowledge_broker(user) or is_programme_admin(user)
        )
    if kind == ThreadKind.LEARNING_OBJECT:
        return _thread_case_status(thread) in LEARNING_OBJECT_STATUSES
    if kind == ThreadKind.SITE_BOARD:
        return thread.site_id in site_roles(user) or is_programme_admin(user)
    if kind == ThreadKind.FACILITATORS_BOARD:
        return is_any_facilitator(user) or is_programme_admin(user)
    return kind == ThreadKind.PROGRAMME_BOARD


@rules.predicate
def moderates_thread(user, thread) -> bool:
    if thread is None or not is_signed_in(user):
        return False
    if is_programme_admin(user):
        return True
    return thread.kind in FORUM_SITE_KINDS and thread.site_id in facilitated_site_ids(user)


@rules.predicate
def is_post_author(user, post) -> bool:
    return post is not None and getattr(user, "pk", None) is not None and post.author_id == user.pk


@rules.predicate
def can_read_post_thread(user, post) -> bool:
    return post is not None and can_read_thread(user, post.thread)


@rules.predicate
def moderates_post_thread(user, post) -> bool:
    return post is not None and moderates_thread(user, post.thread)


@rules.predicate
def is_visible_post(user, post) -> bool:
    return post is not None and post.status == PostStatus.VISIBLE


@rules.predicate
def is_live_post(user, post) -> bool:
    return post is not None and post.deleted_at is None


@rules.predicate
def may_use_site_board(user, site) -> bool:
    return site_id_of(site) in site_roles(user) or is_programme_admin(user)


rules.add_perm("forum.use_forum", is_in_programme)
rules.add_perm("forum.view_thread", can_read_thread)
rules.add_perm("forum.reply_in_thread", can_read_thread)
rules.add_perm("forum.moderate_thread", can_read_thread & moderates_thread)
rules.add_perm("forum.start_programme_topic", is_in_programme)
rules.add_perm("forum.use_facilitators_board", is_signed_in & (is_any_facilitator | is_programme_admin))
rules.add_perm("forum.use_site_board", is_signed_in & may_use_site_board)  # obj: a Site
# Posts: held ones only for the author and moderators; everyone who reads the thread sees a visible one.
can_see_post = can_read_post_thread & (is_visible_post | is_post_author | moderates_post_thread)
rules.add_perm("forum.view_post", can_see_post)
rules.add_perm("forum.edit_post", can_read_post_thread & is_post_author & is_live_post)
rules.add_perm("forum.delete_post", can_read_post_thread & is_live_post & (is_post_author | moderates_post_thread))
rules.add_perm("forum.report_post", can_see_post & is_visible_post & is_live_post & ~is_post_author)
rules.add_perm("forum.dismiss_post_finding", can_read_post_thread & is_post_author)
rules.add_perm("forum.view_post_history", can_see_post)
# The moderation queue: facilitators of any site and programme admins.
rules.add_perm("forum.view_moderation_queue", is_signed_in & (is_any_facilitator | is_programme_admin))


class PostActions(NamedTuple):
    can_edit: bool
    can_delete: bool
    can_report: bool


def post_actions(user, thread) -> Callable:
    """What the user may do to each post of the thread, as forum.edit_post, forum.delete_post and forum.report_post
    answer for it, with the thread's rules evaluated once: a thread's page asks for every post it lists."""
    reads = bool(can_read_thread(user, thread))
    moderates = reads and bool(moderates_thread(user, thread))

    def actions(post) -> PostActions:
        own = user.pk is not None and post.author_id == user.pk
        live = post.deleted_at is None
        visible = post.status == PostStatus.VISIBLE
        return PostActions(
            can_edit=reads and own and live,
            can_delete=reads and live and (own or moderates),
            can_report=reads and visible and live and not own,
        )

    return actions


def forum_threads_q(user, *, via: str = "") -> Q:
    """Threads the user may read, as a filter on Thread, or through `via` ("thread__") on what belongs to a thread:
    a join, which PostgreSQL plans better than a subquery of every readable thread. For programme-wide people through
    `via`, the thread's case is asked about in EXISTS lookups by its key instead of joined: no site narrows their
    threads, and joined, PostgreSQL read the whole case table to hash it for a search over every post (a programme
    admin's "homeless": 42 ms to 12). Where sites narrow the threads, the join is quicker (it starts from them)."""
    if not is_in_programme(user):
        return Q(pk__in=[])
    my_sites = list(site_roles(user))
    programme_wide = is_programme_admin(user) or is_knowledge_broker(user)
    if via and programme_wide:
        case_id = OuterRef(f"{via}case_id")
        draft = Exists(Case.objects.filter(pk=case_id, status=CaseStatus.DRAFT))
        past_draft = Q(case__isnull=False) & ~draft
        published = Q(Exists(Case.objects.filter(pk=case_id, status__in=LEARNING_OBJECT_STATUSES)))
    else:
        past_draft = Q(case__isnull=False) & ~Q(case__status=CaseStatus.DRAFT)
        published = Q(case__status__in=LEARNING_OBJECT_STATUSES)
    case_threads = Q(kind=ThreadKind.CASE) & past_draft & (Q() if programme_wide else Q(site_id__in=my_sites))
    learning_objects = Q(kind=ThreadKind.LEARNING_OBJECT) & published
    boards = Q(kind=ThreadKind.SITE_BOARD) & (Q() if is_programme_admin(user) else Q(site_id__in=my_sites))
    threads = case_threads | learning_objects | boards | Q(kind=ThreadKind.PROGRAMME_BOARD)
    if is_programme_admin(user) or is_any_facilitator(user):
        threads |= Q(kind=ThreadKind.FACILITATORS_BOARD)
    return _prefixed(threads, via)


def forum_moderated_q(user) -> Q:
    """Threads the user moderates, as a filter on Thread."""
    if is_programme_admin(user):
        return Q()
    return Q(kind__in=FORUM_SITE_KINDS, site_id__in=list(facilitated_site_ids(user)))


def forum_posts_q(user) -> Q:
    """Posts the user may see among those in threads they read: visible ones, their own, and held ones they moderate."""
    held_moderated = Q(status=PostStatus.HELD) & _prefixed(forum_moderated_q(user), "thread__")
    return Q(status=PostStatus.VISIBLE) | Q(author_id=user.pk) | held_moderated


def _prefixed(q: Q, prefix: str) -> Q:
    """The same filter on a related model (`prefix` like "post__")."""
    if not prefix:
        return q
    children = [
        _prefixed(child, prefix) if isinstance(child, Q) else _prefixed_lookup(child, prefix) for child in q.children
    ]
    return Q(*children, _connector=q.connector, _negated=q.negated)


def _prefixed_lookup(child, prefix: str):
    """A (lookup, value) pair on the related model; an expression (an EXISTS built with the prefix) as it is."""
    return (prefix + child[0], child[1]) if isinstance(child, tuple) else child
