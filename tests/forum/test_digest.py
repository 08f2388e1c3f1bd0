"""Notifications by email: once per post per subscriber, however the jobs run; none missed; none for held posts."""

from datetime import timedelta

import pytest
from django.utils import timezone

from forum import emails, services
from forum.models import Delivery, DeliveryState, EmailChoice, ThreadFollow
from forum.periodic import send_forum_digests
from forum.tasks import send_post_email


@pytest.fixture
def topic(people):
    post = services.start_topic(by=people["member"], title="Dual diagnosis in Stoke?", body="Anyone found a way in?")
    for role in ("facilitator", "other_member", "broker"):
        services.set_following(thread=post.thread, person=people[role], follow=True)
    services.set_email_choice(person=people["facilitator"], email=EmailChoice.DAILY)
    services.set_email_choice(person=people["other_member"], email=EmailChoice.DAILY)
    services.set_email_choice(person=people["broker"], email=EmailChoice.NONE)
    return post.thread


def reply(thread, person, body):
    return services.add_post(thread=thread, by=person, body=body)


def sent_to(mailoutbox, person) -> list:
    return [m for m in mailoutbox if m.to == [person.email]]


def test_the_digest_sends_each_post_exactly_once_per_subscriber_across_repeated_runs(people, topic, mailoutbox):
    first = reply(topic, people["admin"], "The recovery hub takes self-referrals.")
    second = reply(topic, people["other_facilitator"], "So does the dual-diagnosis team, on Tuesdays.")
    assert send_forum_digests.delay().get() == 2  # one digest each for the facilitator and CP3's member
    for _ in range(3):
        assert send_forum_digests.delay().get() == 0
    for person in (people["facilitator"], people["other_member"]):
        emails = sent_to(mailoutbox, person)
        assert len(emails) == 1
        assert "self-referrals" in emails[0].body and "Tuesdays" in emails[0].body
    assert sent_to(mailoutbox, people["broker"]) == []  # chose no emails
    for post in (first, second):
        states = dict(Delivery.objects.filter(post=post).values_list("recipient_id", "state"))
        assert states[people["facilitator"].pk] == DeliveryState.SENT
        assert states[people["broker"].pk] == DeliveryState.MUTED
    third = reply(topic, people["admin"], "And the GP can refer.")
    assert send_forum_digests.delay().get() == 2
    assert send_forum_digests.delay().get() == 0
    assert len(sent_to(mailoutbox, people["facilitator"])) == 2
    assert "And the GP can refer." in sent_to(mailoutbox, people["facilitator"])[-1].body
    assert "self-referrals" not in sent_to(mailoutbox, people["facilitator"])[-1].body
    assert Delivery.objects.filter(post=third, state=DeliveryState.SENT).count() == 2


def test_immediate_emails_and_the_digest_never_send_the_same_post_twice(people, topic, mailoutbox,
                                                                       django_capture_on_commit_callbacks):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        post = reply(topic, people["facilitator"], "We ring the hub first.")  # the topic's starter wants it at once
    assert len(sent_to(mailoutbox, people["member"])) == 1
    delivery = Delivery.objects.get(post=post, recipient=people["member"])
    send_post_email.delay(delivery.pk).get()  # a repeated task
    Delivery.objects.filter(pk=delivery.pk).update(created_at=timezone.now() - timedelta(hours=2))
    send_forum_digests.delay().get()
    assert len(sent_to(mailoutbox, people["member"])) == 1


def test_an_immediate_email_a_stopped_worker_never_sent_goes_in_the_next_digest(people, topic, mailoutbox):
    post = reply(topic, people["facilitator"], "We ring the hub first.")  # on_commit never ran: no email yet
    assert sent_to(mailoutbox, people["member"]) == []
    send_forum_digests.delay().get()
    assert sent_to(mailoutbox, people["member"]) == []  # still within the grace period for the immediate email
    Delivery.objects.filter(post=post).update(created_at=timezone.now() - timedelta(hours=1))
    send_forum_digests.delay().get()
    assert len(sent_to(mailoutbox, people["member"])) == 1


def test_a_failed_send_leaves_the_notifications_pending_for_the_next_run(people, topic, mailoutbox, settings):
    reply(topic, people["admin"], "The recovery hub takes self-referrals.")
    settings.MAILERS = {"default": {"BACKEND": "tests.forum.failing_mail.Backend"}}
    with pytest.raises(OSError):
        emails.send_digests()
    assert Delivery.objects.filter(state=DeliveryState.PENDING, recipient=people["facilitator"]).count() == 1
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    assert send_forum_digests.delay().get() == 2
    assert len(sent_to(mailoutbox, people["facilitator"])) == 1


def test_held_posts_are_not_notified_and_removed_posts_are_not_sent(people, topic, mailoutbox):
    held = reply(topic, people["admin"], "Ask Mrs Jane Doe on 07700 900123.")
    removed = reply(topic, people["admin"], "Wrong thread, sorry.")
    services.delete_post(post=removed, by=people["admin"])
    assert not Delivery.objects.filter(post=held).exists()
    send_forum_digests.delay().get()
    assert mailoutbox == []
    assert set(Delivery.objects.filter(post=removed).values_list("state", flat=True)) == {
        DeliveryState.SKIPPED,
        DeliveryState.MUTED,
    }


def test_people_who_lost_access_are_not_told(people, topic, site, mailoutbox):
    board_post = services.start_topic(by=people["member"], site=site, title="Room booking", body="Who has the key?")
    services.set_following(thread=board_post.thread, person=people["facilitator"], follow=True)
    reply(board_post.thread, people["admin"], "The caretaker.")
    people["facilitator"].memberships.update(left=timezone.localdate() - timedelta(days=1))
    ThreadFollow.objects.filter(thread=topic).exclude(person=people["member"]).delete()
    send_forum_digests.delay().get()
    assert sent_to(mailoutbox, people["facilitator"]) == []
    assert Delivery.objects.get(recipient=people["facilitator"], post__thread=board_post.thread).state == "skipped"
