"""Moderation: facilitators for their site's board and case threads, programme admins everywhere; reports by anyone."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from audit.models import AuditEvent
from forum import selectors, services
from forum.models import PostReport

# Who may remove someone else's post in each kind of thread.
MODERATORS = {
    "case": {"facilitator", "admin"},
    "learning_object": {"admin"},
    "site_board": {"facilitator", "admin"},
    "programme_board": {"admin"},
    "facilitators_board": {"admin"},
}


@pytest.mark.parametrize("kind", list(MODERATORS))
def test_moderators_per_kind_of_thread(people, threads, kind):
    thread = threads[kind]
    post = thread.posts.first()
    for role in ["member", "facilitator", "other_member", "other_facilitator", "broker", "commissioner", "admin"]:
        person = people[role]
        moderates = role in MODERATORS[kind]
        assert person.has_perm("forum.moderate_thread", thread) is moderates, role
        is_author = post.author == person
        assert person.has_perm("forum.delete_post", post) is (moderates or is_author), role


def test_a_moderator_removes_a_post_softly_and_it_is_audited(client, people, threads):
    post = threads["site_board"].posts.first()
    client.force_login(people["facilitator"])
    response = client.post(reverse("forum:post_delete", args=[post.pk]))
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.deleted_at is not None and post.deleted_by == people["facilitator"] and post.body
    assert AuditEvent.objects.filter(actor=people["facilitator"], action="deleted").exists()
    client.force_login(people["member"])
    page = client.get(reverse("forum:thread", args=[post.thread_id])).content.decode()
    assert "This post was removed by a moderator" in page and "Who has the key?" not in page
    assert not people["member"].has_perm("forum.edit_post", post)


def test_members_cannot_remove_others_posts(client, people, threads):
    post = threads["programme_board"].posts.first()  # by CP3's member
    with pytest.raises(PermissionDenied):
        services.delete_post(post=post, by=people["member"])
    client.force_login(people["facilitator"])  # CP1's facilitator does not moderate the programme board
    assert client.post(reverse("forum:post_delete", args=[post.pk])).status_code == 403
    post.refresh_from_db()
    assert post.deleted_at is None


def test_anyone_who_sees_a_post_may_report_it_once_and_its_moderators_see_the_report(client, people, threads):
    post = threads["case"].posts.first()  # by CP1's member, in CP1's case thread
    client.force_login(people["broker"])
    response = client.post(reverse("forum:post_report", args=[post.pk]), {"reason": "It may identify the man."})
    assert response.status_code == 302
    with pytest.raises(ValidationError):
        services.report_post(post=post, by=people["broker"], reason="Again")
    with pytest.raises(PermissionDenied):
        services.report_post(post=post, by=people["member"], reason="My own post")
    assert not people["other_member"].has_perm("forum.report_post", post)
    report = PostReport.objects.get()
    assert [r.pk for r in selectors.moderation_queue(people["facilitator"])["reports"]] == [report.pk]
    assert selectors.moderation_queue(people["other_facilitator"])["reports"] == []
    client.force_login(people["other_facilitator"])
    assert client.post(reverse("forum:report_resolve", args=[report.pk])).status_code == 404
    client.force_login(people["member"])
    assert client.post(reverse("forum:report_resolve", args=[report.pk])).status_code == 403
    client.force_login(people["facilitator"])
    page = client.get(reverse("forum:moderation")).content.decode()
    assert "It may identify the man." in page
    client.post(reverse("forum:report_resolve", args=[report.pk]))
    report.refresh_from_db()
    assert report.resolved_by == people["facilitator"]


def test_moderators_see_held_posts_in_their_queue(people, threads):
    held = services.add_post(thread=threads["site_board"], by=people["member"], body="Mr Tom Jones at 4 Mill Lane.")
    assert [p.pk for p in selectors.moderation_queue(people["facilitator"])["held"]] == [held.pk]
    assert [p.pk for p in selectors.moderation_queue(people["admin"])["held"]] == [held.pk]
    assert selectors.moderation_queue(people["other_facilitator"])["held"] == []
    services.delete_post(post=held, by=people["facilitator"])
    assert selectors.moderation_queue(people["facilitator"])["held"] == []
