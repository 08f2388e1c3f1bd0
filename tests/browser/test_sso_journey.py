"""A person invited to a site signs in with their organisation's account (a real OpenID Connect provider running in
the test, tests/oidc.py) and lands on their home page as a member, under the site's real Content Security Policy."""

import re

from playwright.sync_api import expect

from sites.models import Membership
from sites.services.invitations import invite_person
from tests.oidc import oidc_provider, person_at_provider, set_up_organisation  # noqa: F401


def test_an_invited_person_signs_in_with_their_organisation_and_is_a_member(
    page,
    live_server,
    site,
    facilitator,
    oidc_provider,  # noqa: F811
):
    set_up_organisation(oidc_provider)
    person_at_provider(oidc_provider, "nia", email="nia@nhs.net", email_verified=True, name="Nia Newcomer")
    link = invite_person(invited_by=facilitator, email="nia@nhs.net", role="member", site=site).url
    page.goto(live_server.url + link.split("8000", 1)[1])

    expect(page.get_by_role("heading", name="Sign in with your organisation")).to_be_visible()
    page.get_by_role("button", name="Continue with NHS Mail").click()

    # The organisation's own sign-in page (here the test provider's): the person says who they are.
    expect(page).to_have_url(re.compile("^" + re.escape(f"{oidc_provider}/oauth2/authorize?")))
    page.get_by_label("Subject").fill("nia")
    page.get_by_role("button", name="Authorize", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Hello")
    expect(page.get_by_text("Invitation accepted: you are now a member.")).to_be_visible()
    assert page.url == f"{live_server.url}/"
    assert Membership.objects.filter(person__email="nia@nhs.net", site=site, left__isnull=True).exists()
