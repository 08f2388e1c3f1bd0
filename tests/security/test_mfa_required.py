import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse


@pytest.fixture
def mfa_required(settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED_ROLES = True


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["programme_admin", "facilitator", "broker"])
def test_privileged_roles_can_only_set_up_mfa_until_they_have(client, mfa_required, role, request, site):
    user = request.getfixturevalue(role)
    client.force_login(user)
    for path in (reverse("home"), reverse("sites:list"), "/admin/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")
    assert client.get(reverse("mfa_index")).status_code == 200

    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    assert client.get(reverse("home")).status_code == 200


@pytest.mark.django_db
def test_members_and_commissioners_are_not_forced_to_set_up_mfa(client, mfa_required, member, commissioner):
    for user in (member, commissioner):
        client.force_login(user)
        assert client.get(reverse("home")).status_code == 200
