"""Rate limits count the right things: the client's own address read past the proxies we run (never a header the
client sets), and wrong passwords per known device, account and address, so that nobody's correct password is
refused because of someone else's failures, while guessing still stops."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from cop import settings as production
from members import sign_in
from tests.factories import PASSWORD, UserFactory

LOGIN = reverse("account_login")
PROXY = "127.0.0.1"  # the README's reverse proxy, on the same machine: every request arrives from it


@pytest.fixture
def production_limits(settings):
    settings.ACCOUNT_RATE_LIMITS = production.ACCOUNT_RATE_LIMITS
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    # Each test uses addresses of its own, so allauth's per-address flood guard (in the cache) never adds up between
    # them; the cache is not cleared (on CI it is Redis, shared with the other test processes).


def through_proxy(address: str, spoofed: str = "") -> dict:
    """What the app sees from a client at `address` behind the proxy (which appends the address it saw)."""
    chain = f"{spoofed}, {address}" if spoofed else address
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": chain}


def sign_in_from(browser: Client, email: str, password: str, **meta) -> bool:
    browser.post(LOGIN, {"login": email, "password": password}, **meta)
    return "_auth_user_id" in browser.session


def sign_out(browser: Client) -> None:
    browser.post(reverse("account_logout"))  # as a person does: the browser keeps its other cookies
    assert "_auth_user_id" not in browser.session


def fail(times: int, email: str, **meta) -> None:
    guesser = Client()
    for _ in range(times):
        assert not sign_in_from(guesser, email, "wrong-password", **meta)


@pytest.mark.django_db
def test_a_guesser_behind_the_proxy_locks_out_nobody_else(production_limits):
    target, colleague = UserFactory(), UserFactory()
    guesser_address = "203.0.113.9"
    fail(sign_in.PER_ADDRESS + 5, target.email, **through_proxy(guesser_address))
    # Everyone arrives from the proxy's address, yet each is counted at their own.
    assert sign_in_from(Client(), colleague.email, PASSWORD, **through_proxy("198.51.100.7"))
    assert sign_in_from(Client(), target.email, PASSWORD, **through_proxy("198.51.100.8"))
    # The guesser's X-Forwarded-For is theirs to invent: only the entry the proxy added counts.
    assert not sign_in_from(Client(), target.email, PASSWORD, **through_proxy(guesser_address, spoofed="192.0.2.1"))


@pytest.mark.django_db
def test_a_colleague_at_the_same_office_address_still_signs_in(production_limits):
    target, colleague = UserFactory(), UserFactory()
    office = through_proxy("198.51.100.20")
    known_browser = Client()
    assert sign_in_from(known_browser, colleague.email, PASSWORD, **office)
    sign_out(known_browser)
    # A few wrong passwords on one account: the same office's other accounts are not touched.
    fail(sign_in.PER_ACCOUNT_AND_ADDRESS, target.email, **office)
    assert not sign_in_from(Client(), target.email, PASSWORD, **office)  # guessing that account stops here
    assert sign_in_from(Client(), colleague.email, PASSWORD, **office)
    # Password spraying from the office address: new browsers there wait, known ones do not.
    for victim in UserFactory.create_batch(sign_in.PER_ADDRESS // sign_in.PER_ACCOUNT_AND_ADDRESS + 1):
        fail(sign_in.PER_ACCOUNT_AND_ADDRESS, victim.email, **office)
    assert not sign_in_from(Client(), colleague.email, PASSWORD, **office)
    assert sign_in_from(known_browser, colleague.email, PASSWORD, **office)


@pytest.mark.django_db
def test_a_guesser_with_many_addresses_never_locks_out_the_owners_known_browser(production_limits):
    owner = UserFactory()
    owners_browser = Client()
    assert sign_in_from(owners_browser, owner.email, PASSWORD, **through_proxy("198.51.100.30"))
    sign_out(owners_browser)
    for n in range(sign_in.PER_ACCOUNT):
        fail(1, owner.email, **through_proxy(f"203.0.113.{n + 1}"))
    # The account is closed to new browsers anywhere (a distributed guess stops) ...
    assert not sign_in_from(Client(), owner.email, PASSWORD, **through_proxy("192.0.2.200"))
    # ... but not to the owner's own browser, wherever they are.
    assert sign_in_from(owners_browser, owner.email, PASSWORD, **through_proxy("192.0.2.201"))
    # The owner's own mistakes on their own browser still count.
    sign_out(owners_browser)
    fail_here = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "192.0.2.201"}
    for _ in range(sign_in.PER_KNOWN_DEVICE):
        assert not sign_in_from(owners_browser, owner.email, "wrong-password", **fail_here)
    assert not sign_in_from(owners_browser, owner.email, PASSWORD, **fail_here)


@pytest.mark.django_db
def test_a_new_password_lifts_the_lock(production_limits):
    owner = UserFactory()
    fail(sign_in.PER_ACCOUNT_AND_ADDRESS, owner.email, **through_proxy("203.0.113.50"))
    assert not sign_in_from(Client(), owner.email, PASSWORD, **through_proxy("203.0.113.50"))
    from allauth.account.adapter import get_adapter

    get_adapter().set_password(owner, "another-long-password")
    assert sign_in_from(Client(), owner.email, "another-long-password", **through_proxy("203.0.113.50"))


LEARNING_OBJECTS = reverse("api:learning_objects")


def anonymous_answers(client, headers: list[dict]) -> list[int]:
    return [client.get(LEARNING_OBJECTS, **meta).status_code for meta in headers]


@pytest.mark.django_db
def test_the_anonymous_api_limit_cannot_be_dodged_by_inventing_forwarded_addresses(client, settings):
    settings.API_RATE_LIMITS = {"anon": "5/minute", "user": "5/minute"}
    idents = ("198.51.100.60", "198.51.100.61", "198.51.100.62", "2001:db8:1:2::")
    counters = [f"throttle_anon_{ident}" for ident in idents]
    cache.delete_many(counters)  # counts left by an earlier run in this minute (not clear(): Redis is shared on CI)
    # Straight to the app (no proxy configured): X-Forwarded-For means nothing.
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": production.TRUSTED_PROXY_COUNT}
    direct = [{"REMOTE_ADDR": "198.51.100.60", "HTTP_X_FORWARDED_FOR": f"10.9.{n}.1"} for n in range(8)]
    assert anonymous_answers(client, direct) == [200] * 5 + [429] * 3
    # Behind one proxy: only the address the proxy added counts, and other clients keep their own allowance.
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    spoofing = [through_proxy("198.51.100.61", spoofed=f"10.8.{n}.1") for n in range(8)]
    assert anonymous_answers(client, spoofing) == [200] * 5 + [429] * 3
    assert anonymous_answers(client, [through_proxy("198.51.100.62")]) == [200]
    # An IPv6 client holds a whole /64: walking through it is still one client.
    rotating = [{"REMOTE_ADDR": f"2001:db8:1:2::{n + 1:x}"} for n in range(8)]
    assert anonymous_answers(client, rotating) == [200] * 5 + [429] * 3
    cache.delete_many(counters)
