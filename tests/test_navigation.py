import pytest
from django.urls import reverse

from cop.navigation import NAV_ITEMS
from tests.navigation_expectations import EXPECTED_MENU_BARS, EXPECTED_MENUS


def nav_labels(client, user) -> list[str]:
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return [item["label"] for item in response.context["nav_items"]]


@pytest.mark.django_db
def test_each_role_sees_only_its_navigation(client, member, facilitator, programme_admin, broker, commissioner):
    assert nav_labels(client, member) == EXPECTED_MENUS["member"]
    assert nav_labels(client, facilitator) == EXPECTED_MENUS["facilitator"]
    assert nav_labels(client, broker) == EXPECTED_MENUS["broker"]
    assert nav_labels(client, commissioner) == EXPECTED_MENUS["commissioner"]
    assert nav_labels(client, programme_admin) == EXPECTED_MENUS["programme_admin"]
    assert EXPECTED_MENUS["programme_admin"] == [item.label for item in NAV_ITEMS]  # admins see every entry


def menu_bar(client, user, path: str = "/") -> list:
    client.force_login(user)
    bar = client.get(path).context["nav_bar"]
    return [
        (item["label"], [child["label"] for child in item["children"]]) if "children" in item else item["label"]
        for item in bar
    ]


@pytest.mark.django_db
def test_management_pages_share_one_menu_when_there_are_several(
    client, member, facilitator, programme_admin, broker, commissioner
):
    people = {
        "member": member,
        "facilitator": facilitator,
        "broker": broker,
        "commissioner": commissioner,
        "programme_admin": programme_admin,
    }
    for role, person in people.items():
        assert menu_bar(client, person) == EXPECTED_MENU_BARS[role], role


@pytest.mark.django_db
def test_the_manage_menu_is_marked_active_on_its_pages(client, facilitator):
    client.force_login(facilitator)
    response = client.get(reverse("sites:matrix"))
    manage = next(item for item in response.context["nav_bar"] if item.get("children"))
    assert manage["active"]
    html = response.content.decode()
    assert 'class="nav-link dropdown-toggle active"' in html
    assert 'class="dropdown-item active" href="/sites/matrix/" aria-current="page"' in html


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
