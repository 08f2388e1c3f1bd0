"""Unread markers on thread lists and in threads, and "new in the forum since your last visit" on the home page."""

from django.conf import settings
from django.urls import reverse

from forum import selectors, services


def test_posts_by_others_since_the_last_read_are_unread(client, people, threads):
    thread = threads["programme_board"]  # started by CP3's member
    client.force_login(people["member"])
    assert selectors.with_unread(selectors.threads_visible_to(people["member"]).filter(pk=thread.pk),
                                 people["member"]).get().unread == 1  # fmt: skip
    page = client.get(reverse("forum:thread", args=[thread.pk])).content.decode()
    assert page.count('class="badge text-bg-primary new-badge"') == 1
    page = client.get(reverse("forum:thread", args=[thread.pk])).content.decode()
    assert "new-badge" not in page  # read now
    services.add_post(thread=thread, by=people["member"], body="Not yet, following.")  # my own post is not news
    services.add_post(thread=thread, by=people["admin"], body="Ask the hub.")
    board = client.get(reverse("forum:programme_board")).content.decode()
    assert "1 new" in board and "topic-unread" in board
    page = client.get(reverse("forum:thread", args=[thread.pk])).content.decode()
    assert page.count("new-badge") == 1 and "1 new post since you last read this thread" in page


def test_a_held_post_is_news_only_once_released(people, threads):
    thread = threads["programme_board"]
    services.mark_thread_read(thread=thread, person=people["member"])
    held = services.add_post(thread=thread, by=people["admin"], body="Ring Mrs Jane Doe on 07700 900123.")
    assert selectors.whats_new(people["member"])["threads"] == []
    services.edit_post(post=held, by=people["admin"], body="Ring the hub's duty line.")
    assert [t.pk for t in selectors.whats_new(people["member"])["threads"]] == [thread.pk]


def test_the_home_page_shows_whats_new_in_threads_i_can_read(client, people, threads):
    for thread in threads.values():
        services.mark_thread_read(thread=thread, person=people["member"])
        services.mark_thread_read(thread=thread, person=people["other_member"])
    services.add_post(thread=threads["site_board"], by=people["facilitator"], body="The caretaker has it.")
    services.add_post(thread=threads["programme_board"], by=people["admin"], body="Ask the hub.")
    client.force_login(people["member"])
    page = client.get(reverse("home")).content.decode()
    assert "New in the forum since your last visit" in page
    assert "Room booking" in page and "Dual diagnosis in Stoke?" in page
    client.force_login(people["other_member"])
    page = client.get(reverse("home")).content.decode()
    assert "Dual diagnosis in Stoke?" in page and "Room booking" not in page
    client.force_login(people["commissioner"])
    assert "New in the forum" not in client.get(reverse("home")).content.decode()


def test_email_preferences_page(client, people):
    client.force_login(people["member"])
    response = client.post(reverse("forum:preferences"), {"email": "daily"})
    assert response.status_code == 302
    assert people["member"].forum_preference.email == "daily"
    assert client.post(reverse("forum:preferences"), {"email": "hourly"}).status_code == 200


def test_the_digest_runs_daily_from_the_beat_schedule():
    entry = settings.CELERY_BEAT_SCHEDULE["send-forum-digests"]
    assert entry["task"] == "forum.periodic.send_forum_digests"
    assert entry["schedule"].hour == {7}


def test_whats_new_is_the_newest_threads_with_news_each_counted_as_the_thread_lists_count_it(people, threads):
    member = people["member"]
    for thread in threads.values():
        services.mark_thread_read(thread=thread, person=member)
    services.add_post(thread=threads["site_board"], by=people["facilitator"], body="The caretaker has it.")
    services.add_post(thread=threads["site_board"], by=people["facilitator"], body="And the keys.")
    services.add_post(thread=threads["programme_board"], by=people["admin"], body="Ask the hub.")
    services.add_post(thread=threads["programme_board"], by=member, body="Will do.")  # my own: not news
    counted = {t.pk: t.unread for t in selectors.with_unread(selectors.threads_visible_to(member), member)}
    newest = selectors.whats_new(member, limit=1)
    assert [t.pk for t in newest["threads"]] == [threads["programme_board"].pk] and newest["more"]
    every = selectors.whats_new(member)
    assert [t.pk for t in every["threads"]] == [threads["programme_board"].pk, threads["site_board"].pk]
    assert [t.unread for t in every["threads"]] == [counted[t.pk] for t in every["threads"]] == [1, 2]
    assert not every["more"]


def test_whats_new_counts_every_post_by_others_in_a_thread_never_read_in_one_query(
    people, threads, django_assert_num_queries
):
    facilitator = people["facilitator"]  # has read none of the threads
    services.add_post(thread=threads["site_board"], by=people["admin"], body="The caretaker has it.")
    services.add_post(thread=threads["site_board"], by=facilitator, body="Thanks.")  # their own: not news
    counted = {t.pk: t.unread for t in selectors.with_unread(selectors.threads_visible_to(facilitator), facilitator)}
    facilitator.has_perm("forum.use_forum")  # the permission's own reads, outside the count
    with django_assert_num_queries(1):
        news = selectors.whats_new(facilitator)
    by_pk = {t.pk: t for t in news["threads"]}
    assert by_pk[threads["site_board"].pk].unread == 2 == counted[threads["site_board"].pk]
    assert all(t.unread == counted[t.pk] for t in news["threads"])
    assert by_pk[threads["site_board"].pk].site_code == "CP1"
    assert by_pk[threads["programme_board"].pk].site_code is None
