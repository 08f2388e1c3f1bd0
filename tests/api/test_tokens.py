"""Personal API tokens: create and name one, see it once, see its last use, revoke it; admins see and revoke any."""

from datetime import timedelta
from html.parser import HTMLParser

import pytest
from allauth.mfa import signals as mfa_signals
from allauth.mfa.models import Authenticator
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from api.models import ApiToken, TokenScope, hash_key
from api.services import create_api_token
from audit.models import AuditAction, AuditEvent
from sites.models import Membership, MembershipRole
from tests.api.conftest import bearer
from tests.factories import UserFactory

MINE = reverse("api_tokens:mine")
ALL = reverse("api_tokens:all")
API = reverse("api:learning_objects")


class _Inputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.values: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("id"):
            self.values[attrs["id"]] = attrs.get("value") or ""


def shown_key(response) -> str | None:
    parser = _Inputs()
    parser.feed(response.content.decode())
    return parser.values.get("new-token")


@pytest.mark.django_db
def test_create_a_token_see_it_once_and_use_it(client, commissioner):
    client.force_login(commissioner)
    response = client.post(MINE, {"name": "Quarterly report"})
    assert response.status_code == 302
    page = client.get(MINE)
    key = shown_key(page)
    assert key and key.startswith("cop_")
    assert "Quarterly report" in page.content.decode()
    assert shown_key(client.get(MINE)) is None  # shown once only
    token = ApiToken.objects.get(user=commissioner)
    assert token.key_hash == hash_key(key)
    stored = [str(v) for v in ApiToken.objects.filter(pk=token.pk).values().get().values()]
    assert key not in stored  # only its SHA-256 is kept
    event = AuditEvent.objects.get(action=AuditAction.CREATED, target_type="api.apitoken")
    assert event.actor == commissioner and "Quarterly report" in event.detail
    client.logout()
    assert client.get(API, **bearer(key)).status_code == 200
    client.force_login(commissioner)
    token.refresh_from_db()
    last_used = f"<td>{timezone.localtime(token.last_used_at):%d/%m/%Y %H:%M}</td>"
    assert last_used in client.get(MINE).content.decode()  # its last use is shown


@pytest.mark.django_db
def test_a_token_needs_a_name(client, member):
    client.force_login(member)
    response = client.post(MINE, {"name": "   "})
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_revoke_your_own_token_and_it_stops_working(client, member):
    created = create_api_token(user=member, name="Script")
    client.force_login(member)
    response = client.post(reverse("api_tokens:revoke", args=[created.token.pk]))
    assert response.status_code == 302
    created.token.refresh_from_db()
    assert created.token.revoked_at is not None and created.token.revoked_by == member
    assert "Revoked" in client.get(MINE).content.decode()
    event = AuditEvent.objects.get(action=AuditAction.CHANGED, target_type="api.apitoken")
    assert "revoked own API token" in event.detail
    client.logout()
    assert client.get(API, **bearer(created.key)).status_code == 401


@pytest.mark.django_db
def test_nobody_else_can_see_or_revoke_your_token(client, member, outsider, commissioner, facilitator):
    created = create_api_token(user=member, name="Script")
    for other in (outsider, commissioner, facilitator):
        client.force_login(other)
        assert client.post(reverse("api_tokens:revoke", args=[created.token.pk])).status_code == 404
        assert "Script" not in client.get(MINE).content.decode()
        assert client.get(ALL).status_code == 404
    created.token.refresh_from_db()
    assert created.token.revoked_at is None


@pytest.mark.django_db
def test_programme_admin_lists_and_revokes_anyones_token(client, member, commissioner, programme_admin):
    mine = create_api_token(user=member, name="Member's script")
    theirs = create_api_token(user=commissioner, name="Commissioner's sheet")
    client.force_login(programme_admin)
    page = client.get(ALL).content.decode()
    assert "Member&#x27;s script" in page and "Commissioner&#x27;s sheet" in page and member.name in page
    response = client.post(reverse("api_tokens:revoke", args=[theirs.token.pk]), {"back": "all"})
    assert response.status_code == 302 and response["Location"] == ALL
    theirs.token.refresh_from_db()
    mine.token.refresh_from_db()
    assert theirs.token.revoked_by == programme_admin and mine.token.revoked_at is None
    event = AuditEvent.objects.get(action=AuditAction.CHANGED, target_id=str(theirs.token.pk))
    assert event.actor == programme_admin and f"person #{commissioner.pk}" in event.detail


@pytest.mark.django_db
def test_revoking_twice_changes_nothing(client, member):
    created = create_api_token(user=member, name="Script")
    client.force_login(member)
    url = reverse("api_tokens:revoke", args=[created.token.pk])
    client.post(url)
    first = ApiToken.objects.get().revoked_at
    client.post(url)
    assert ApiToken.objects.get().revoked_at == first
    assert AuditEvent.objects.filter(action=AuditAction.CHANGED, target_type="api.apitoken").count() == 1


@pytest.mark.django_db
def test_the_account_menu_links_to_api_tokens(client, member):
    client.force_login(member)
    assert f'href="{MINE}"' in client.get(reverse("home")).content.decode()


@pytest.mark.django_db
def test_all_tokens_page_query_count(client, programme_admin, django_assert_max_num_queries):
    from tests.factories import UserFactory

    for n in range(15):
        create_api_token(user=UserFactory(), name=f"Token {n}")
    client.force_login(programme_admin)
    with django_assert_max_num_queries(12):
        assert client.get(ALL).status_code == 200


@pytest.mark.django_db
def test_a_token_has_a_scope_and_an_expiry_chosen_at_creation_with_sensible_defaults(client, member, facilitator):
    client.force_login(member)
    assert client.post(MINE, {"name": "Defaults"}).status_code == 302
    token = ApiToken.objects.get(user=member)
    assert token.scope == TokenScope.REPOSITORY
    assert timedelta(days=89) < token.expires_at - timezone.now() <= timedelta(days=90)
    page = client.get(MINE).content.decode()
    assert f"<td>{timezone.localtime(token.expires_at):%d/%m/%Y %H:%M}</td>" in page  # shown on the token page
    assert "<td>Learning objects and evidence</td>" in page
    # A member is not offered the figures, which their role cannot read.
    response = client.post(MINE, {"name": "Figures", "scope": "figures", "lifetime_days": "30"})
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()
    response = client.post(MINE, {"name": "Forever", "lifetime_days": "100000"})
    assert response.status_code == 400 and ApiToken.objects.filter(user=member).count() == 1

    client.force_login(facilitator)
    assert client.post(MINE, {"name": "Figures", "scope": "figures", "lifetime_days": "30"}).status_code == 302
    token = ApiToken.objects.get(user=facilitator)
    assert token.scope == TokenScope.FIGURES
    assert timedelta(days=29) < token.expires_at - timezone.now() <= timedelta(days=30)
    client.logout()
    key = create_api_token(user=facilitator, name="Narrow").key
    assert client.get(reverse("api:figures"), **bearer(key)).status_code == 403


@pytest.mark.django_db
def test_a_promoted_member_sees_their_old_token_suspended_and_why(client, member, site):
    created = create_api_token(user=member, name="Old script")
    assert client.get(API, **bearer(created.key)).status_code == 200
    Membership.objects.filter(person=member, site=site).update(role=MembershipRole.FACILITATOR)
    response = client.get(API, **bearer(created.key))
    assert response.status_code == 401 and "Your role has changed" in response.json()["detail"]
    client.force_login(member)
    page = client.get(MINE).content.decode()
    assert "Suspended" in page and "Your role has changed since this token was created" in page
    new = create_api_token(user=member, name="New script")
    client.logout()
    assert client.get(API, **bearer(new.key)).status_code == 200


@pytest.mark.django_db
def test_removing_or_resetting_two_factor_sign_in_revokes_the_persons_tokens(client, programme_admin, settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED_ROLES = True
    totp = Authenticator.objects.create(user=programme_admin, type=Authenticator.Type.TOTP, data={"secret": "x"})
    created = create_api_token(user=programme_admin, name="Figures sheet", scope=TokenScope.FIGURES)
    assert client.get(reverse("api:figures"), **bearer(created.key)).status_code == 200
    totp.delete()  # as allauth does when the person (or anyone with their session) turns it off
    assert client.get(reverse("api:figures"), **bearer(created.key)).status_code == 401
    Authenticator.objects.create(user=programme_admin, type=Authenticator.Type.TOTP, data={"secret": "y"})
    response = client.get(reverse("api:figures"), **bearer(created.key))
    assert response.status_code == 401 and "revoked" in response.json()["detail"]
    event = AuditEvent.objects.get(action=AuditAction.CHANGED, target_type="api.apitoken")
    assert "two-factor sign-in was removed" in event.detail

    again = create_api_token(user=programme_admin, name="After set-up")
    mfa_signals.authenticator_reset.send(sender=Authenticator, request=None, user=programme_admin)
    assert client.get(API, **bearer(again.key)).status_code == 401


@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_existing_tokens_an_expiry_and_suspends_those_of_privileged_people():
    executor = MigrationExecutor(connection)
    executor.migrate([("api", "0001_api_tokens")])
    old_apps = executor.loader.project_state([("api", "0001_api_tokens")]).apps
    people = {"member": UserFactory(), "admin": UserFactory(is_programme_admin=True)}
    keys = {}
    for role, person in people.items():
        keys[role] = f"cop_{role}-old-key"
        old_apps.get_model("api", "ApiToken").objects.create(
            user_id=person.pk, name="Old", key_hash=hash_key(keys[role]), key_start=keys[role][:8]
        )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    for token in ApiToken.objects.all():
        assert timedelta(days=89) < token.expires_at - timezone.now() <= timedelta(days=90)
        assert token.scope == TokenScope.REPOSITORY
    assert client_get(API, keys["member"]) == 200  # a member's token goes on working
    assert client_get(API, keys["admin"]) == 401  # made before roles were recorded: suspended


def client_get(url: str, key: str) -> int:
    return Client().get(url, **bearer(key)).status_code
