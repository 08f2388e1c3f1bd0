"""Forum posts in one search: the thread's case is asked about by EXISTS lookups through the post's thread
(forum.rules.forum_threads_q with `via`), and programme-wide people rank only the newest of a common word's posts.
Neither may let through a post whose thread the person may no longer open: a case thread whose case went back to
draft, a learning-object thread whose case is no longer published."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cases.models import Case, CaseStatus
from forum import services as forum_services
from forum.models import Post, PostStatus
from search.selectors import CANDIDATES, search_everything
from tests.security.matrix import SIGNED_IN


def _found(user, word: str) -> list[str]:
    groups = [group for group in search_everything(user, word) if group.kind == "posts"]
    return [hit.url for hit in groups[0].hits] if groups else []


@pytest.mark.django_db
@pytest.mark.parametrize("role", SIGNED_IN)
def test_posts_of_a_thread_whose_case_was_taken_back_are_not_found(world, role):
    person = world.people[role]
    author = world.people["member"]
    shared = world.case("shared", fresh=True)
    case_thread = forum_services.thread_for_case(case=shared, kind="case")
    forum_services.add_post(thread=case_thread, by=author, body="We tried wombatdraft at the weekend.")
    published = world.case("published", fresh=True)
    learning_thread = forum_services.thread_for_case(case=published, kind="learning_object")
    forum_services.add_post(thread=learning_thread, by=author, body="We tried wombatwithdrawn at the weekend.")
    found_before = {word: bool(_found(person, word)) for word in ("wombatdraft", "wombatwithdrawn")}

    Case.objects.filter(pk=shared.pk).update(status=CaseStatus.DRAFT)
    Case.objects.filter(pk=published.pk).update(status=CaseStatus.WRITTEN_UP)

    for word, thread in (("wombatdraft", case_thread), ("wombatwithdrawn", learning_thread)):
        post = thread.posts.get(body__contains=word)
        assert not person.has_perm("forum.view_post", Post.objects.get(pk=post.pk)), (word, role)  # the oracle
        assert _found(person, word) == [], (word, role)
    if role in ("member", "facilitator", "broker", "admin"):  # the walk is not vacuous: they found both before
        assert found_before == {"wombatdraft": True, "wombatwithdrawn": True}, role


# On PostgreSQL the newest matches are the ranked candidates; on SQLite the plain match orders them the same way, so
# the same answer holds on both (and the post in a thread taken back is never among them).
@pytest.mark.django_db
@pytest.mark.parametrize("role", ["admin", "broker"])
def test_a_programme_wide_person_ranks_the_newest_posts_they_may_read(world, role):
    person = world.people[role]
    author = world.people["member"]
    board = world.forum_thread("programme_board")
    shared = world.case("shared", fresh=True)
    hidden = forum_services.thread_for_case(case=shared, kind="case")
    now = timezone.now()
    body = "The numbat tenancy was at risk."
    Post.objects.bulk_create(  # the stored documents follow (trigger)
        Post(thread=board, author=author, body=body, status=PostStatus.VISIBLE, created_at=when, visible_at=when)
        for when in (now - timedelta(minutes=CANDIDATES + 10 - n) for n in range(CANDIDATES + 5))
    )
    newest = Post.objects.create(  # newer than all of them, in a thread nobody but its presenters may now open
        thread=hidden, author=author, body=body, status=PostStatus.VISIBLE, created_at=now, visible_at=now
    )
    Case.objects.filter(pk=shared.pk).update(status=CaseStatus.DRAFT)

    group = next(group for group in search_everything(person, "numbat") if group.kind == "posts")
    expected = Post.objects.filter(thread=board, body__contains="numbat").order_by("-created_at")[:5]
    assert [hit.url.split("#post-")[1] for hit in group.hits] == [str(post.pk) for post in expected]
    assert group.more
    assert all(f"#post-{newest.pk}" not in hit.url for hit in group.hits)
