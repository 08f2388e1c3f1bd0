"""Who sees knowledge brokers' names (README, "Who sees whose name"): the people brokers work with in the programme
(members, facilitators, brokers, programme admins) see who added an item; commissioners and the public read "a
knowledge broker". Every page of the authorisation matrix a commissioner or an anonymous visitor may open is walked
with evidence in every state, and none may name the broker."""

import pytest
from django.urls import reverse

from members.models import User
from tests.security.matrix import MATRIX, OK

BROKER_NAME = "Kit Brokerington"


@pytest.mark.django_db
def test_no_page_for_commissioners_or_the_public_names_a_broker(client, world):
    User.objects.filter(pk=world.people["broker"].pk).update(name=BROKER_NAME)
    for state in ("library", "shared", "published", "public", "other_site"):
        world.evidence(state)
    walked, named = 0, []
    for role in ("commissioner", "anonymous"):
        client.logout()
        if role != "anonymous":
            client.force_login(world.people[role])
        for key, entry in sorted(MATRIX.items()):
            if entry.get.get(role) != OK or key.startswith("admin:"):
                continue
            url = reverse(key.split("@")[0], args=entry.args(world) if entry.args else None)
            response = client.get(url, follow=True)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            walked += 1
            if BROKER_NAME.encode() in body:
                named.append(f"{url} as {role}")
    assert walked > 30
    assert not named, f"pages naming a knowledge broker to commissioners or the public: {named}"


@pytest.mark.django_db
def test_people_in_the_programme_see_who_added_an_item(client, world):
    User.objects.filter(pk=world.people["broker"].pk).update(name=BROKER_NAME)
    url = reverse("evidence:detail", args=[world.evidence("published").pk])
    for role in ("member", "facilitator", "broker", "admin"):
        client.force_login(world.people[role])
        assert f"Added by {BROKER_NAME}" in client.get(url).content.decode(), role
    client.force_login(world.people["commissioner"])
    assert "Added by a knowledge broker" in client.get(url).content.decode()
