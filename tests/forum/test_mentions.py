"""Mentions: "@Name" or the pick-list, resolved only to people who can read the thread."""

from django.urls import reverse

from forum import services
from forum.mentions import blank_mentions, find_mentions
from forum.models import Delivery, DeliveryReason, PostStatus


class P:
    def __init__(self, pk, name):
        self.pk, self.name = pk, name


def test_find_mentions_prefers_the_longest_name_and_needs_a_word_boundary():
    people = [P(1, "Sam"), P(2, "Sam Patel"), P(3, "Ann")]
    text = "Thanks @sam patel and @Ann, not email@Ann.org or @Annabel."
    found = find_mentions(text, people)
    assert [(text[m.start : m.end], m.person_id) for m in found] == [("@sam patel", 2), ("@Ann", 3)]
    assert blank_mentions(text, found).startswith("Thanks @xxx xxxxx and @xxx,")


def test_a_mention_notifies_the_person_and_is_not_taken_for_personal_data(
    people, threads, mailoutbox, django_capture_on_commit_callbacks
):
    thread = threads["programme_board"]
    with django_capture_on_commit_callbacks(execute=True):
        post = services.add_post(thread=thread, by=people["member"], body="@Bea Broker is there evidence on this?")
    assert post.status == PostStatus.VISIBLE
    delivery = Delivery.objects.get(post=post, recipient=people["broker"])
    assert delivery.reason == DeliveryReason.MENTION
    assert any(m.to == [people["broker"].email] and "mentioned you" in m.subject for m in mailoutbox)


def test_people_who_cannot_read_the_thread_are_never_mentioned(people, threads, mailoutbox,
                                                               django_capture_on_commit_callbacks):  # fmt: skip
    thread = threads["site_board"]  # CP1's board: CP3's member and the broker cannot read it
    body = "@Olly Outsider and @Bea Broker, thoughts? @Fran Facilitator too."
    with django_capture_on_commit_callbacks(execute=True):
        post = services.add_post(thread=thread, by=people["member"], body=body,
                                 mentioned=[people["other_member"], people["commissioner"]])  # fmt: skip
    assert set(post.mentions.all()) == {people["facilitator"]}
    # Names that are not of the thread's readers are not mentions: the gate reads them as possible personal data.
    assert post.status == PostStatus.HELD and post.findings.count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        for finding in post.findings.all():
            services.dismiss_post_finding(finding=finding, by=people["member"], reason="Colleagues in the programme.")
    recipients = {d.recipient for d in Delivery.objects.filter(post=post)}
    assert recipients == {people["facilitator"]}
    assert all(people["other_member"].email not in m.to and people["broker"].email not in m.to for m in mailoutbox)


def test_the_pick_list_offers_only_the_threads_readers(client, people, threads):
    client.force_login(people["member"])
    thread = threads["site_board"]
    page = client.get(reverse("forum:thread", args=[thread.pk])).content.decode()
    assert "Fran Facilitator" in page and "Olly Outsider" not in page
    response = client.post(reverse("forum:thread", args=[thread.pk]),
                           {"body": "Anyone?", "mentioned": [people["other_member"].pk]})  # fmt: skip
    assert response.status_code == 200  # not a valid choice: the form says so
    assert not thread.posts.filter(body="Anyone?").exists()
    client.post(reverse("forum:thread", args=[thread.pk]), {"body": "Anyone?", "mentioned": [people["facilitator"].pk]})
    assert set(thread.posts.get(body="Anyone?").mentions.all()) == {people["facilitator"]}


def test_a_mention_added_by_an_edit_notifies_only_the_newly_mentioned(people, threads):
    thread = threads["programme_board"]
    post = services.add_post(thread=thread, by=people["member"], body="Any ideas?")
    before = set(Delivery.objects.filter(post=post).values_list("recipient_id", flat=True))
    services.edit_post(post=post, by=people["member"], body="Any ideas, @Oona Otherfac?")
    after = set(Delivery.objects.filter(post=post).values_list("recipient_id", flat=True))
    assert after - before == {people["other_facilitator"].pk}
