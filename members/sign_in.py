"""Limits on wrong passwords, counted in the database so that every web process sees the same failures.

Each limit is kept apart, so that nobody's correct password is refused because of someone else's failures:
- a browser that has signed in to the account before (a known device, remembered in a signed cookie) counts only
  its own failures: a guesser elsewhere, or a colleague behind the same proxy or office address, cannot lock it out;
- any other browser is limited per account and address (one guesser at one address), per address across accounts
  (password spraying from one address) and per account across addresses (a guesser with many addresses).
A password reset clears the account's failures. The address is the client's, read past the trusted proxies
(TRUSTED_PROXY_COUNT), never from headers anyone can set.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from members.models import SignInFailure

WINDOW = timedelta(minutes=15)
ACCOUNT_WINDOW = timedelta(hours=1)
PER_KNOWN_DEVICE = 5  # wrong passwords from a browser the account has signed in from before, in WINDOW
PER_ACCOUNT_AND_ADDRESS = 5  # from other browsers: one account at one address, in WINDOW
PER_ADDRESS = 30  # from other browsers: one address, any accounts, in WINDOW
PER_ACCOUNT = 50  # from other browsers: one account, any addresses, in ACCOUNT_WINDOW
KEEP_FAILURES = timedelta(days=1)

DEVICE_COOKIE = "cop_known_device"
DEVICE_COOKIE_AGE = 365 * 24 * 60 * 60
_SALT = "members.sign_in.known_device"
_ACCOUNTS_PER_DEVICE = 10  # a shared computer remembers the last ten accounts signed in on it


def client_address(request: HttpRequest) -> str:
    """The client's address as allauth reads it (ALLAUTH_TRUSTED_PROXY_COUNT); IPv6 by its /64 network,
    which one household or phone usually holds whole."""
    from allauth.account.adapter import get_adapter

    address = ipaddress.ip_address(get_adapter(request).get_client_ip(request))
    if address.version == 6:
        return str(ipaddress.IPv6Network(f"{address}/64", strict=False).network_address)
    return str(address)


def _account(email) -> str:
    return str(email or "").strip().lower()


def _account_hash(email: str) -> str:
    return hashlib.sha256(email.encode()).hexdigest()[:32]


def _device_cookie(request: HttpRequest) -> dict:
    try:
        value = json.loads(request.get_signed_cookie(DEVICE_COOKIE, salt=_SALT, max_age=DEVICE_COOKIE_AGE))
    except (KeyError, signing.BadSignature, ValueError, TypeError):
        return {}
    if not isinstance(value, dict) or not isinstance(value.get("id"), str) or not isinstance(value.get("a"), list):
        return {}
    return value


def known_device(request: HttpRequest, email: str) -> str:
    """The browser's device id if the account has signed in on this browser before, else ""."""
    cookie = _device_cookie(request)
    return cookie["id"] if _account_hash(_account(email)) in cookie.get("a", []) else ""


def sign_in_refused(request: HttpRequest, *, email: str) -> bool:
    """Whether to refuse this attempt before the password is even checked (so guessing cannot go on)."""
    email = _account(email)
    now = timezone.now()
    recent = SignInFailure.objects.filter(at__gte=now - WINDOW)
    device = known_device(request, email)
    if device:
        return recent.filter(email=email, device=device).count() >= PER_KNOWN_DEVICE
    untrusted = recent.filter(device="")
    address = client_address(request)
    if untrusted.filter(email=email, address=address).count() >= PER_ACCOUNT_AND_ADDRESS:
        return True
    if untrusted.filter(address=address).count() >= PER_ADDRESS:
        return True
    return (
        SignInFailure.objects.filter(device="", email=email, at__gte=now - ACCOUNT_WINDOW).count() >= PER_ACCOUNT
    )


def record_sign_in_failure(request: HttpRequest, *, email: str) -> None:
    email = _account(email)
    SignInFailure.objects.filter(at__lt=timezone.now() - KEEP_FAILURES).delete()
    SignInFailure.objects.create(
        email=email, address=client_address(request), device=known_device(request, email)
    )


def record_sign_in(request: HttpRequest, response: HttpResponse, *, email: str) -> None:
    """The password was right: this browser's and this address's failures for the account are forgiven, and the
    browser becomes a known device for the account."""
    email = _account(email)
    cookie = _device_cookie(request)
    device = cookie.get("id") or secrets.token_urlsafe(24)
    SignInFailure.objects.filter(Q(address=client_address(request)) | Q(device=device), email=email).delete()
    accounts = [a for a in cookie.get("a", []) if a != _account_hash(email)] + [_account_hash(email)]
    response.set_signed_cookie(
        DEVICE_COOKIE,
        json.dumps({"id": device, "a": accounts[-_ACCOUNTS_PER_DEVICE:]}),
        salt=_SALT,
        max_age=DEVICE_COOKIE_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def clear_sign_in_failures(*, email: str) -> None:
    """After a password reset by email: the account starts again, from every address."""
    SignInFailure.objects.filter(email=_account(email)).delete()
