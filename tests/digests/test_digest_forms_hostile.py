"""The digest forms fuzzed with hostile values: no server error, no user text rendered as live HTML."""

import pytest
from django.urls import reverse

from newsletters.models import CommissionerResponse
from tests.security.test_hostile_input import fuzz_post

pytestmark = pytest.mark.django_db


def test_digest_request_form(client, commissioner, site):
    fuzz_post(client, commissioner, reverse("digests:index"), ["period_start", "period_end", "sites"])


def test_subscription_form(client, commissioner):
    fuzz_post(client, commissioner, reverse("digests:subscription"), ["subscribed"])


def test_response_form(client, commissioner, programme):
    fuzz_post(client, commissioner, reverse("digests:respond", args=[programme["housing"].pk]), ["text"])
    # Whatever was accepted went through the anonymisation check.
    from cases.anonymisation import find_personal_data

    assert all(not find_personal_data(r.text) for r in CommissionerResponse.objects.all())
