"""Who reads which thread: every kind of thread, every role, through the rules, the list scopes and the pages."""

import pytest
from django.urls import reverse

from cases.services import lifecycle
from forum import selectors, services
from forum.models import Thread, ThreadKind

ROLES = ["member", "facilitator", "other_member", "other_facilitator", "broker", "commissioner", "admin"]
# Who reads each kind of thread (CP1's case, CP1's learning object, CP1's board, the programme board).
READERS = {
    "case": {"member", "facilitator", "broker", "admin"},
    "learning_object": {"member", "facilitator", "other_member", "other_facilitator", "broker", "admin"},
    "site_board": {"member", "facilitator", "admin"},
    "programme_board": {"member", "facilitator", "other_member", "other_facilitator", "broker", "admin"},
    # The facilitators' network: facilitators of any site and the programme team; members, brokers, commissioners never.
    "facilitators_board": {"facilitator", "other_facilitator", "admin"},
}


@pytest.mark.parametrize("kind", list(READERS))
def test_each_role_reads_exactly_the_threads_the_rules_allow(client, people, threads, kind):
    thread = threads[kind]
    for role in ROLES:
        person = people[role]
        allowed = role in READERS[kind]
        assert person.has_perm("forum.view_thread", thread) is allowed, role
        assert selectors.threads_visible_to(person).filter(pk=thread.pk).exists() is allowed, role
        client.force_login(person)
        response = client.get(reverse("forum:thread", args=[thread.pk]))
        assert response.status_code == (200 if allowed else 404), role
        if allowed:
            assert thread.posts.first().body.split()[0] in response.content.decode()


@pytest.mark.parametrize("kind", list(READERS))
def test_the_audience_of_a_thread_is_its_readers(people, threads, kind):
    audience = set(selectors.thread_audience(threads[kind]).values_list("pk", flat=True))
    expected = {people[role].pk for role in READERS[kind]}
    assert audience & {p.pk for p in people.values()} == expected


def test_reading_a_case_discussion_is_audited(client, people, threads):
    from audit.models import AuditEvent

    client.force_login(people["broker"])
    client.get(reverse("forum:thread", args=[threads["case"].pk]))
    event = AuditEvent.objects.filter(actor=people["broker"], action="viewed").get()
    assert event.detail == "Forum discussion" and event.target_id == str(threads["case"].case_id)


def test_a_draft_case_has_no_thread_for_anyone(client, people, draft_case):
    thread = Thread(kind=ThreadKind.CASE, case=draft_case, site_id=draft_case.site_id)
    assert not any(people[role].has_perm("forum.view_thread", thread) for role in ROLES)
    client.force_login(people["member"])  # the presenter sees the case but not a discussion of it yet
    assert client.get(reverse("forum:case_thread", args=[draft_case.pk])).status_code == 403
    client.force_login(people["other_member"])
    assert client.get(reverse("forum:case_thread", args=[draft_case.pk])).status_code == 404
    assert not Thread.objects.filter(case=draft_case).exists()


def test_opening_the_discussion_of_a_shared_case_makes_one_thread(client, people, shared_case):
    client.force_login(people["broker"])
    first = client.get(reverse("forum:case_thread", args=[shared_case.pk]))
    client.force_login(people["member"])
    second = client.get(reverse("forum:case_thread", args=[shared_case.pk]))
    thread = Thread.objects.get(case=shared_case, kind=ThreadKind.CASE)
    assert first["Location"] == second["Location"] == reverse("forum:thread", args=[thread.pk])
    for role in ("other_member", "commissioner"):
        client.force_login(people[role])
        assert client.get(reverse("forum:case_thread", args=[shared_case.pk])).status_code == 404


def test_a_withdrawn_learning_object_takes_its_thread_with_it(people, threads):
    thread = threads["learning_object"]
    lifecycle.withdraw_case(case=thread.case, by=people["facilitator"])
    thread.case.refresh_from_db()
    thread = Thread.objects.select_related("case").get(pk=thread.pk)
    assert not people["other_member"].has_perm("forum.view_thread", thread)
    assert not selectors.threads_visible_to(people["other_member"]).filter(pk=thread.pk).exists()


def test_commissioners_have_no_forum(client, people, threads):
    client.force_login(people["commissioner"])
    assert client.get(reverse("forum:index")).status_code == 403
    assert client.get(reverse("forum:programme_board")).status_code == 403
    published = threads["learning_object"].case
    assert client.get(reverse("forum:learning_object_thread", args=[published.pk])).status_code == 403
    assert "Forum" not in client.get(reverse("home")).content.decode()


def test_another_sites_board_is_not_found(client, people, site):
    for role in ("other_member", "other_facilitator", "broker", "commissioner"):
        client.force_login(people[role])
        assert client.get(reverse("forum:site_board", args=[site.pk])).status_code == 404, role
        assert client.get(reverse("forum:site_topic_new", args=[site.pk])).status_code == 404, role


def test_board_lists_show_only_visible_topics(client, people, threads, site, other_site):
    services.start_topic(by=people["other_member"], site=other_site, title="CP3 only", body="Our room moved.")
    client.force_login(people["member"])
    page = client.get(reverse("forum:programme_board")).content.decode()
    assert "Dual diagnosis in Stoke?" in page and "CP3 only" not in page
    page = client.get(reverse("forum:index")).content.decode()
    assert reverse("forum:site_board", args=[site.pk]) in page
    assert reverse("forum:site_board", args=[other_site.pk]) not in page
    assert "Weekend crises" in page  # the case discussion CP1's member reads


def test_board_list_query_count_is_bounded(client, people, threads, django_assert_max_num_queries):
    for n in range(15):
        services.start_topic(by=people["member"], title=f"Topic {n}", body="Any ideas?")
    client.force_login(people["member"])
    with django_assert_max_num_queries(12):
        client.get(reverse("forum:programme_board"))
    with django_assert_max_num_queries(14):
        client.get(reverse("forum:index"))


def test_thread_page_query_count_is_bounded(client, people, threads, django_assert_max_num_queries):
    thread = threads["programme_board"]
    for n in range(20):
        services.add_post(thread=thread, by=people["member" if n % 2 else "admin"], body=f"Idea {n}, @Ada Admin")
    client.force_login(people["member"])
    with django_assert_max_num_queries(18):  # with the menu's counts, on a first visit
        response = client.get(reverse("forum:thread", args=[thread.pk]))
    assert response.content.decode().count('class="card mb-3 forum-post') == 21
