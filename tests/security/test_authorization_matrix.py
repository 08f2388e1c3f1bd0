"""Every URL pattern x every role x GET and POST: the expected answer, and zero unexpected successes."""

import pytest
from django.urls import URLResolver, get_resolver, reverse

from tests.security.matrix import (
    ADMIN_NAMESPACE,
    CHECKED,
    FORBIDDEN,
    GONE,
    LOGIN,
    MATRIX,
    METHOD,
    NOT_FOUND,
    OK,
    ROLES,
    SAME_ANSWERS_AS,
    THIRD_PARTY_PREFIXES,
)


def all_url_names(patterns=None, namespace=""):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from all_url_names(pattern.url_patterns, inner)
        elif pattern.name:
            yield namespace + pattern.name


def outcome_of(response) -> str:
    if response.status_code in (301, 302, 303):
        to_sign_in = (reverse("account_login"), reverse("admin:login"))  # the Django admin has its own sign-in page
        return LOGIN if any(path in response["Location"] for path in to_sign_in) else OK
    return {403: FORBIDDEN, 404: NOT_FOUND, 410: GONE, 405: METHOD}.get(
        response.status_code, OK if response.status_code < 400 else str(response.status_code)
    )


def test_every_url_pattern_has_an_entry_in_the_matrix():
    names = set(all_url_names())
    ours = {n for n in names if not n.startswith(THIRD_PARTY_PREFIXES) and not n.startswith(ADMIN_NAMESPACE)}
    covered = {key.split("@")[0] for key in MATRIX}
    missing = sorted(ours - covered)
    stale = sorted(covered - names)
    assert missing == [], f"URL patterns with no entry in tests/security/matrix.py: {missing}"
    assert stale == [], f"matrix entries for URL patterns that no longer exist: {stale}"


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", sorted(MATRIX))
def test_each_role_gets_the_expected_answer(client, world, url_name):
    entry = MATRIX[url_name]
    unexpected = []
    for method in ("get", "post"):
        expectations = entry.get if method == "get" or entry.post is None else entry.post
        for role in [*ROLES, *SAME_ANSWERS_AS]:
            expected = expectations.get(role) or expectations[SAME_ANSWERS_AS.get(role, role)]
            client.logout()
            if role != "anonymous":
                client.force_login(world.people[role])
            url = reverse(url_name.split("@")[0], args=entry.args(world) if entry.args else None)
            response = getattr(client, method)(url)
            got = outcome_of(response)
            CHECKED["combinations"] += 1
            if got != expected:
                unexpected.append(f"{method.upper()} {url} as {role}: expected {expected}, got {got}")
    assert not unexpected, "\n".join(unexpected)
