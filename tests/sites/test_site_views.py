import pytest
from django.urls import reverse

from tests.factories import MeetingFactory, MembershipFactory


@pytest.mark.django_db
def test_member_sees_own_site_but_not_another(client, site, other_site, member):
    client.force_login(member)
    assert client.get(reverse("sites:detail", args=[site.pk])).status_code == 200
    assert client.get(reverse("sites:detail", args=[other_site.pk])).status_code == 404
    listed = list(client.get(reverse("sites:list")).context["sites"])
    assert listed == [site]


@pytest.mark.django_db
def test_programme_admin_and_broker_see_every_site(client, site, other_site, programme_admin, broker):
    for user in (programme_admin, broker):
        client.force_login(user)
        assert {s.code for s in client.get(reverse("sites:list")).context["sites"]} == {"CP1", "CP3"}


@pytest.mark.django_db
def test_commissioner_does_not_see_site_pages(client, site, commissioner):
    client.force_login(commissioner)
    assert client.get(reverse("sites:list")).status_code == 403
    assert client.get(reverse("sites:detail", args=[site.pk])).status_code == 404


@pytest.mark.django_db
def test_site_list_uses_a_fixed_number_of_queries(client, programme_admin, django_assert_max_num_queries):
    client.force_login(programme_admin)
    for n in range(12):
        m = MembershipFactory(site__code=f"CP{n + 20}")
        MeetingFactory(site=m.site)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("sites:list"))
    assert len(response.context["sites"]) == 12
