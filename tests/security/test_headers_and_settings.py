import json
import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def production(*command: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run a command with the production settings (cop.settings, DEBUG off), as a deployment would; `env` changes
    variables (None removes one)."""
    changes = env or {}
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cop.settings",
        "SECRET_KEY": "p" * 30 + "roduction-" + "k" * 30,
        "ALLOWED_HOSTS": "cop.example.org",
        "DEBUG": "false",
        "EMAIL_URL": "smtp://mail.example.org:587/?tls=True",
        "REDIS_URL": "redis://127.0.0.1:6379/0",  # read, not connected to, by these commands
    }
    for name in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "MFA_REQUIRED", "TRUSTED_PROXY_COUNT", "SINGLE_PROCESS"):
        env.pop(name, None)
    env.update({name: value for name, value in changes.items() if value is not None})
    for name in [name for name, value in changes.items() if value is None]:
        env.pop(name, None)
    argv = [sys.executable, *command]  # our own fixed commands
    return subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, check=False)  # noqa: S603


@pytest.fixture(scope="module")
def production_settings() -> dict:
    names = ["ACCOUNT_RATE_LIMITS", "SESSION_COOKIE_AGE", "SESSION_REFRESH_SECONDS", "MIDDLEWARE",
             "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE",
             "MFA_REQUIRED_FOR_PRIVILEGED_ROLES", "DEBUG"]  # fmt: skip
    script = f"import django, json; django.setup(); from django.conf import settings; " \
             f"print(json.dumps({{n: getattr(settings, n) for n in {names!r}}}))"  # fmt: skip
    result = production("-c", script)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_deploy_check_reports_nothing_with_production_settings():
    result = production("manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_turns_on_sign_in_rate_limits_secure_cookies_and_mfa(production_settings):
    assert production_settings["DEBUG"] is False
    # Wrong passwords are counted per known device, account and address (members.sign_in, tests/security/
    # test_rate_limits.py); allauth's own counter is per account only (two-factor codes).
    assert production_settings["ACCOUNT_RATE_LIMITS"]["login_failed"] == "5/5m/key"
    assert production_settings["SESSION_COOKIE_AGE"] == 30 * 60 and production_settings["SESSION_REFRESH_SECONDS"] == 60
    assert "cop.sessions.IdleTimeoutSessionMiddleware" in production_settings["MIDDLEWARE"]
    assert production_settings["SESSION_COOKIE_HTTPONLY"] and production_settings["SESSION_COOKIE_SECURE"]
    assert production_settings["CSRF_COOKIE_SECURE"] and production_settings["MFA_REQUIRED_FOR_PRIVILEGED_ROLES"]


def test_the_client_address_is_read_past_the_trusted_proxies_only():
    """Without TRUSTED_PROXY_COUNT nothing in X-Forwarded-For is believed (DRF's default, None, believes it all);
    with it, allauth's sign-in limits and the API's throttles both take the entry our own proxy added."""
    script = (
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps([settings.ALLAUTH_TRUSTED_PROXY_COUNT, settings.REST_FRAMEWORK['NUM_PROXIES']]))"
    )
    for environment, expected in (({}, [0, 0]), ({"TRUSTED_PROXY_COUNT": "1"}, [1, 1])):
        result = production("-c", script, env=environment)
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == expected


def test_production_refuses_to_start_without_a_shared_cache_for_its_rate_limits():
    result = production("manage.py", "check", env={"REDIS_URL": ""})
    assert result.returncode != 0
    assert "Set REDIS_URL" in result.stderr and "rate limits need a cache shared by every web process" in result.stderr
    assert production("manage.py", "check", env={"REDIS_URL": "", "SINGLE_PROCESS": "true"}).returncode == 0


@pytest.mark.django_db
def test_security_headers_are_sent(client):
    response = client.get(reverse("account_login"), secure=True)
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_sessions_expire_after_thirty_idle_minutes_and_cookies_are_protected():
    assert settings.SESSION_COOKIE_AGE == 30 * 60 and settings.SESSION_REFRESH_SECONDS == 60
    assert settings.SESSION_COOKIE_HTTPONLY and settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE


def test_no_template_has_an_inline_script():
    inline = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
    offenders = [
        str(path.relative_to(ROOT))
        for path in ROOT.glob("**/templates/**/*.html")
        if ".venv" not in path.parts and inline.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.django_db
def test_repeated_failed_sign_ins_are_rate_limited(client, settings, member, production_settings):
    settings.ACCOUNT_RATE_LIMITS = production_settings["ACCOUNT_RATE_LIMITS"]
    cache.clear()
    for _ in range(5):
        client.post(reverse("account_login"), {"login": member.email, "password": "wrong"})
    response = client.post(reverse("account_login"), {"login": member.email, "password": "wrong"})
    assert "Too many wrong passwords have been tried. Wait 15 minutes" in response.content.decode()
    # Even the right password waits now: guessing cannot go on.
    response = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    cache.clear()


DATABASE_SESSIONS = "django.contrib.sessions.backends.db"
CACHED_SESSIONS = "django.contrib.sessions.backends.cached_db"


@pytest.mark.django_db
def test_a_session_idle_for_thirty_minutes_is_signed_out(client, settings, member):
    settings.SESSION_ENGINE = DATABASE_SESSIONS  # the rows are aged by hand here; the cached copy's test is below
    client.force_login(member)
    session = Session.objects.get(session_key=client.session.session_key)
    # 29 minutes idle: still signed in, and the request renews the half hour.
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() + timedelta(minutes=1))
    assert client.get(reverse("home")).status_code == 200
    renewed = Session.objects.get(pk=session.pk).expire_date - timezone.now()
    assert timedelta(minutes=29) < renewed <= timedelta(minutes=30)
    # 30 minutes and a second idle: signed out.
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_an_unchanged_session_is_written_at_most_once_a_minute(client, settings, member):
    """Issue 24: no database write on a request that changes nothing, yet the idle half hour still runs from the last
    minute of use."""
    settings.SESSION_ENGINE = DATABASE_SESSIONS

    def session_writes(path):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return [q["sql"] for q in queries if "django_session" in q["sql"] and not q["sql"].startswith("SELECT")]

    with time_machine.travel(timezone.now(), tick=False) as clock:
        client.force_login(member)
        session_writes(reverse("home"))  # the first request after signing in notes when the session was saved
        assert session_writes(reverse("home")) == []
        clock.shift(timedelta(seconds=59))
        assert session_writes(reverse("home")) == []
        clock.shift(timedelta(seconds=2))
        assert len(session_writes(reverse("home"))) == 1
        renewed = Session.objects.get(session_key=client.session.session_key).expire_date - timezone.now()
        assert renewed == timedelta(minutes=30)
        # A stale cookie for a session that has expired is not brought back to life by the refresh.
        Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
        clock.shift(timedelta(minutes=5))
        response = client.get(reverse("home"))
        assert response.status_code == 302 and not Session.objects.filter(expire_date__gt=timezone.now()).exists()


def test_with_redis_sessions_are_read_from_the_cache_with_the_database_behind_them():
    result = production(
        "-c", "import django; django.setup(); from django.conf import settings; print(settings.SESSION_ENGINE)"
    )
    assert result.stdout.strip() == CACHED_SESSIONS, result.stderr


@pytest.mark.django_db
def test_a_cached_session_reads_no_row_yet_still_times_out_and_signs_out(settings, member):
    """Issue 24: with Redis, a signed-in page reads its session from the cache, not the database; the half-hour idle
    timeout and signing out hold as with sessions in the database."""
    settings.SESSION_ENGINE = CACHED_SESSIONS
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "sessions"}}

    def session_queries(client, path=None):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path or reverse("home"))
        return response, [q["sql"] for q in queries if "django_session" in q["sql"]]

    with time_machine.travel(timezone.now(), tick=False) as clock:
        client = Client()
        client.force_login(member)
        session_queries(client)
        response, queries = session_queries(client)
        assert response.status_code == 200 and queries == []
        # The once-a-minute refresh writes the row and the cached copy: the half hour runs from then.
        clock.shift(timedelta(seconds=61))
        response, queries = session_queries(client)
        assert response.status_code == 200 and len(queries) == 1 and queries[0].startswith("UPDATE")
        clock.shift(timedelta(minutes=29))
        assert session_queries(client)[0].status_code == 200
        clock.shift(timedelta(minutes=31))
        response, _ = session_queries(client)
        assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))

        # Signing out ends the session in the cache too: its cookie, kept by someone else, no longer signs in.
        client.force_login(member)
        assert session_queries(client)[0].status_code == 200
        kept = Client()
        kept.cookies = client.cookies.__class__(client.cookies)
        assert client.post(reverse("account_logout")).status_code == 302
        response, _ = session_queries(kept)
        assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("email_url", [None, "", "consolemail://", "filemail:///tmp/cop-mail", "memorymail://"])
def test_production_refuses_to_start_without_a_mail_server(email_url):
    """Without a real server, invitation and password-reset links went to the server log (issue 20, finding 12)."""
    result = production("manage.py", "check", env={"EMAIL_URL": email_url})
    assert result.returncode != 0
    assert "Set EMAIL_URL to your mail server" in result.stderr


@pytest.mark.parametrize("email_url", ["smtp://mail.example.org:587/?tls=True", "smtps://u:p@mail.example.org:465",
                                       "dummymail://"])  # fmt: skip
def test_production_starts_with_a_mail_server_or_with_email_switched_off_by_name(email_url):
    result = production("manage.py", "check", env={"EMAIL_URL": email_url})
    assert result.returncode == 0, result.stderr


def test_the_readme_set_up_prints_emails_to_the_console_without_a_mail_server():
    """`make run` (DEBUG on, no EMAIL_URL) still starts, and shows emails in the terminal."""
    script = "import django; django.setup(); from django.conf import settings; print(settings.MAILERS['default'])"
    result = production("-c", script, env={"EMAIL_URL": None, "DEBUG": "true"})
    assert result.returncode == 0, result.stderr
    assert "console.EmailBackend" in result.stdout
