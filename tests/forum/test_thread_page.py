"""The thread page's per-post actions and links, worked out once per thread, give what the rules give per post."""

import pytest
from django.urls import reverse

from forum import services
from forum.rules import post_actions

ROLES = ["member", "facilitator", "other_member", "other_facilitator", "broker", "commissioner", "admin"]


@pytest.fixture
def posts_of_every_state(people, threads):
    """In each thread: a visible post of CP1's member, one held for personal data, one removed, one of the admin."""
    made = {}
    for kind, thread in threads.items():
        author = people["other_facilitator"] if kind == "facilitators_board" else people["member"]
        visible = thread.posts.first()
        held = services.add_post(thread=thread, by=visible.author, body="Call her on 07700 900123 tonight.")
        removed = services.add_post(thread=thread, by=visible.author, body="Posted by mistake.")
        services.delete_post(post=removed, by=visible.author)
        admins = services.add_post(thread=thread, by=people["admin"], body="Thank you, noted.", quoted=visible)
        assert not held.is_visible and author is not None
        made[kind] = [visible, held, removed, admins]
    return made


def test_post_actions_agree_with_the_rules_for_everyone_and_every_post(people, threads, posts_of_every_state):
    for kind, posts in posts_of_every_state.items():
        for role in ROLES:
            person = people[role]
            actions = post_actions(person, threads[kind])
            for post in posts:
                post.refresh_from_db()
                expected = tuple(person.has_perm(f"forum.{rule}", post) for rule in ("edit_post", "delete_post",
                                                                                      "report_post"))  # fmt: skip
                assert tuple(actions(post)) == expected, (kind, role, post.body)


@pytest.mark.parametrize("role", ["member", "facilitator", "admin"])
def test_the_thread_page_links_each_post_to_what_the_person_may_do(client, people, threads, posts_of_every_state,
                                                                   role):  # fmt: skip
    thread = threads["site_board"]
    person = people[role]
    client.force_login(person)
    page = client.get(reverse("forum:thread", args=[thread.pk])).content.decode()
    for post in posts_of_every_state["site_board"]:
        post.refresh_from_db()
        for rule, view in (("edit_post", "post_edit"), ("delete_post", "post_delete"), ("report_post", "post_report")):
            link = f'"{reverse(f"forum:{view}", args=[post.pk])}"'
            assert (link in page) is person.has_perm(f"forum.{rule}", post), (role, rule, post.body)


def test_thread_page_queries_do_not_grow_with_posts_held_or_removed(client, people, threads,
                                                                    django_assert_max_num_queries):  # fmt: skip
    thread = threads["site_board"]
    client.force_login(people["facilitator"])
    client.get(reverse("forum:thread", args=[thread.pk]))  # the first visit creates the read marker
    with django_assert_max_num_queries(16) as few:
        client.get(reverse("forum:thread", args=[thread.pk]))
    for n in range(12):
        post = services.add_post(thread=thread, by=people["member" if n % 2 else "admin"], body=f"Idea {n}")
        if n % 3 == 0:
            services.delete_post(post=post, by=people["facilitator"])
        services.add_post(thread=thread, by=people["member"], body=f"Ring 07700 900{n:03d} about idea {n}.")
    with django_assert_max_num_queries(len(few.captured_queries) + 1):  # + the findings of the held posts
        response = client.get(reverse("forum:thread", args=[thread.pk]))
    assert response.content.decode().count('class="card mb-3 forum-post') == 1 + 12 + 12
