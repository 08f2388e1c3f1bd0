"""The facilitators' board: facilitators of every site and the programme team read and post there; members, brokers
and commissioners never see it (not on the forum's front page, not its topics, not in search)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from forum import services
from forum.models import ThreadKind

pytestmark = pytest.mark.django_db

USERS = ("facilitator", "other_facilitator", "admin")
NEVER = ("member", "other_member", "broker", "commissioner")


def test_facilitators_and_the_programme_team_start_and_read_topics(client, people, threads):
    client.force_login(people["facilitator"])
    response = client.post(
        reverse("forum:facilitators_topic_new"), {"title": "Quarterly meeting agenda", "body": "What shall we raise?"}
    )
    assert response.status_code == 302
    for role in USERS:
        client.force_login(people[role])
        index = client.get(reverse("forum:index")).content.decode()
        assert reverse("forum:facilitators_board") in index, role
        board = client.get(reverse("forum:facilitators_board")).content.decode()
        assert "Quarterly meeting agenda" in board and "Supervision" in board, role


def test_members_brokers_and_commissioners_never_see_it(client, people, threads):
    topic = threads["facilitators_board"]
    for role in NEVER:
        person = people[role]
        client.force_login(person)
        assert client.get(reverse("forum:facilitators_board")).status_code == 403, role
        assert client.get(reverse("forum:facilitators_topic_new")).status_code == 403, role
        assert client.get(reverse("forum:thread", args=[topic.pk])).status_code == 404, role
        if role != "commissioner":  # commissioners have no forum at all
            index = client.get(reverse("forum:index")).content.decode()
            assert reverse("forum:facilitators_board") not in index and "Facilitators' board" not in index, role
            programme = client.get(reverse("forum:programme_board")).content.decode()
            assert topic.title not in programme, role
        with pytest.raises(PermissionDenied):
            services.start_topic(by=person, facilitators=True, title="Hello", body="Can I join?")


def test_a_facilitators_topic_is_not_on_any_site_board(people, threads, site):
    topic = threads["facilitators_board"]
    assert (topic.kind, topic.site_id, topic.case_id) == (ThreadKind.FACILITATORS_BOARD, None, None)
