"""Permissions are rules; Django's model permissions are never read (issue 24: two queries on every page for
nothing). Walks every menu entry of every role, signed in through each sign-in route."""

import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

MODEL_PERMISSION_TABLES = re.compile(
    r'"auth_(permission|group|group_permissions)"|"members_user_(user_permissions|groups)"'
)
ROLES = ["member", "facilitator", "broker", "commissioner", "programme_admin"]


def menu_links(client) -> list[str]:
    home = client.get(reverse("home")).content.decode()
    nav = home[home.index("<nav") : home.index("</nav>")]
    return sorted(set(re.findall(r'href="(/[^"#?]*)"', nav)) - {"/accounts/logout/"})


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("sign_in", ["allauth form", "django login"])
def test_no_page_reads_model_permissions(client, request, role, sign_in):
    person = request.getfixturevalue(role)
    if sign_in == "allauth form":
        response = client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
        assert response.status_code == 302, response.content.decode()[:500]
    else:
        assert client.login(username=person.email, password=PASSWORD)
    links = menu_links(client)
    assert len(links) >= 2, links
    for path in links:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        read = [q["sql"] for q in queries if MODEL_PERMISSION_TABLES.search(q["sql"])]
        assert read == [], (path, read[:1])


def test_a_superuser_keeps_every_model_permission_and_a_programme_admin_gains_none(client, programme_admin):
    superuser = UserFactory(is_superuser=True, is_programme_admin=True)
    assert superuser.has_perm("auth.change_group") and superuser.has_perm("cases.delete_theme")
    assert not programme_admin.has_perm("auth.change_group")
    client.force_login(superuser)
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 200
    Group.objects.create(name="unused")
    client.force_login(programme_admin)
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 403
