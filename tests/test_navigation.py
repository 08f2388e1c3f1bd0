import pytest
from django.urls import reverse

from cop.navigation import NAV_ITEMS


def nav_labels(client, user) -> list[str]:
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return [item["label"] for item in response.context["nav_items"]]


@pytest.mark.django_db
def test_each_role_sees_only_its_navigation(client, member, facilitator, programme_admin, broker, commissioner):
    assert nav_labels(client, member) == ["Home", "Sites", "Cases", "Repository", "Evidence"]
    assert nav_labels(client, facilitator) == [
        "Home",
        "Sites",
        "Cases",
        "Repository",
        "Evidence",
        "Membership matrix",
        "Invitations",
    ]
    assert nav_labels(client, broker) == ["Home", "Sites", "Cases", "Repository", "Evidence", "Questions"]
    assert nav_labels(client, commissioner) == ["Home", "Repository"]
    assert nav_labels(client, programme_admin) == [item.label for item in NAV_ITEMS]
    assert "Audit log" in nav_labels(client, programme_admin)


@pytest.mark.django_db
def test_anonymous_people_are_sent_to_sign_in(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


@pytest.mark.django_db
def test_django_admin_is_for_programme_admins_only(client, facilitator, programme_admin):
    client.force_login(facilitator)
    assert client.get("/admin/").status_code == 302
    client.force_login(programme_admin)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Host sites" in response.content.decode()
    assert client.get("/admin/sites/site/").status_code == 200


@pytest.mark.django_db
def test_signup_is_closed(client):
    response = client.get(reverse("account_signup"))
    assert "Sign Up Closed" in response.content.decode() or response.status_code in (403, 404)


@pytest.mark.django_db
def test_only_the_most_specific_menu_entry_is_active(client, facilitator):
    client.force_login(facilitator)
    items = client.get(reverse("sites:matrix")).context["nav_items"]
    assert [item["label"] for item in items if item["active"]] == ["Membership matrix"]
    items = client.get(reverse("sites:list")).context["nav_items"]
    assert [item["label"] for item in items if item["active"]] == ["Sites"]
