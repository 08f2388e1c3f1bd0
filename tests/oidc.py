"""A real OpenID Connect provider for the tests: oidc-provider-mock (Flask and Authlib) serving on a thread, with
whatever people and claims a test puts on it. allauth talks to it over HTTP as it would to Microsoft Entra ID."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

import oidc_provider_mock
import pytest
import requests
from allauth.socialaccount.models import SocialApp

from members.models import OrganisationSignIn


@pytest.fixture(scope="session")
def oidc_provider():
    """The provider's address, for example http://localhost:41234 (a free port)."""
    with oidc_provider_mock.run_server_in_thread(require_nonce=False) as server:
        yield f"http://localhost:{server.server_port}"


def set_up_organisation(
    server: str, *, name="NHS Mail", provider_id="nhs-mail", domains="nhs.net", accepts_provider_mfa=False
) -> SocialApp:
    """What a programme admin sets up in the admin: the provider, and the rules beside it."""
    app = SocialApp.objects.create(
        provider="openid_connect",
        provider_id=provider_id,
        name=name,
        client_id="communities-of-practice",
        secret="client-secret",
        settings={"server_url": server},
    )
    OrganisationSignIn.objects.create(app=app, email_domains=domains, accepts_provider_mfa=accepts_provider_mfa)
    return app


def person_at_provider(server: str, sub: str, **claims) -> str:
    """A person the provider knows, with the claims it will assert about them (email, email_verified, name, amr)."""
    response = requests.put(f"{server}/users/{quote(sub, safe='')}", json=claims, timeout=5)
    assert response.status_code == 204, response.text
    return sub


def authorise_at_provider(authorize_url: str, sub: str) -> str:
    """The person signs in at the provider (its form: who they are); returns where it sends the browser back."""
    response = requests.post(authorize_url, data={"sub": sub}, allow_redirects=False, timeout=5)
    assert response.status_code == 302, response.text
    return response.headers["Location"]


def through_provider(client, response, server: str, sub: str):
    """Follow a redirect to the provider, sign in there as `sub`, and come back to the app with the code."""
    assert response.status_code == 302, response.content[:500]
    assert response["Location"].startswith(server), response["Location"]
    back = urlsplit(authorise_at_provider(response["Location"], sub))
    return client.get(f"{back.path}?{back.query}")
