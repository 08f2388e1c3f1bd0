"""Two submits of the same form at the same moment (a double click, two tabs, a retry) answer calmly: no server
error, no "database is locked", and the work is done once. Against the real app under gunicorn with two worker
processes on a SQLite file (as `make run` uses), the requests released together by a barrier."""

import json
import sqlite3
import threading
import time

import pytest
from django.db.backends.sqlite3.base import DatabaseWrapper

from cop import settings as production
from tests.faults.private_services import AppProcesses
from tests.faults.visitor import Answer, Visitor

ROUNDS = 6
PASSWORD = "a-long-enough-password-9"


@pytest.fixture(scope="module")
def app_on_sqlite(tmp_path_factory):
    root = tmp_path_factory.mktemp("double-submits")
    database = root / "db.sqlite3"
    app = AppProcesses(root, {"DJANGO_SETTINGS_MODULE": "cop.settings_test", "DATABASE_URL": f"sqlite:///{database}",
                              "REDIS_URL": ""})  # fmt: skip
    app.manage("migrate", "--noinput")
    seed = json.loads(app.script("tests.security.double_submit_seed", str(ROUNDS)))
    try:
        yield app.web(workers=2), seed, database
    finally:
        app.stop_all()
    assert "database is locked" not in app.log_of("web")


def together(*requests) -> list[Answer]:
    """Run each request in its own thread, all released at the same moment."""
    barrier, answers = threading.Barrier(len(requests)), [None] * len(requests)

    def run(index, request):
        barrier.wait()
        answers[index] = request()

    threads = [threading.Thread(target=run, args=(n, r)) for n, r in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return answers


def rows(database, sql: str, *args) -> list[tuple]:
    with sqlite3.connect(database) as connection:
        return connection.execute(sql, args).fetchall()


def test_accepting_an_invitation_twice_at_once_makes_one_account_and_answers_calmly(app_on_sqlite):
    base, seed, database = app_on_sqlite
    for number, path in enumerate(seed["invitations"]):
        form = {"name": f"Invited Person {number}", "password": PASSWORD, "password_again": PASSWORD}
        visitors = [Visitor(base), Visitor(base)]
        answers = together(*(lambda v=v, path=path, form=form: v.post(path, form) for v in visitors))
        statuses = sorted(a.status for a in answers)
        assert all(a.status in (302, 410) for a in answers), [(a.status, a.error, a.body[:300]) for a in answers]
        welcomed = [a for a in answers if a.status == 302 and a.headers.get("Location", "").endswith("/")]
        assert len(welcomed) >= 1, statuses
        others = [a for a in answers if a not in welcomed]
        for answer in others:  # the one that came second says what happened, in plain words
            assert answer.status == 302 and "login" in answer.headers["Location"] or (
                "already been used" in answer.body
            ), (answer.status, answer.body[:300])
        email = f"invited{number}@example.org"
        assert rows(database, "SELECT count(*) FROM members_user WHERE lower(email) = ?", email) == [(1,)]
        memberships = rows(database, "SELECT count(*) FROM members_membership m JOIN members_user u "
                                     "ON u.id = m.person_id WHERE lower(u.email) = ?", email)  # fmt: skip
        assert memberships == [(1,)]


def test_sending_a_newsletter_twice_at_once_sends_it_once_and_answers_calmly(app_on_sqlite):
    base, seed, database = app_on_sqlite
    path = f"/newsletter/manage/{seed['issue']}/send/"
    brokers = [Visitor(base, seed["broker"]) for _ in range(3)]
    answers = together(*(lambda v=v: v.post(path, {}) for v in brokers))
    assert [a.status for a in answers] == [302] * 3, [(a.status, a.error, a.body[:300]) for a in answers]
    deliveries = rows(database, "SELECT email FROM newsletters_delivery WHERE issue_id = ?", seed["issue"])
    emails = [email for (email,) in deliveries]
    assert len(emails) == len(set(emails))  # nobody twice
    assert set(seed["recipients"]) <= set(emails)  # everybody (and the people who accepted invitations above)


def test_two_writers_at_once_on_sqlite_queue_instead_of_failing(tmp_path, django_db_blocker):
    """The class behind "database is locked": two transactions that each read, then write. With SQLite's default
    (deferred) transactions the second cannot upgrade its read lock and fails at once; with the settings' options
    (cop.settings: IMMEDIATE, WAL) it waits for the first to commit, then carries on."""
    name = str(tmp_path / "race.sqlite3")
    # What cop.settings gives a SQLite database (`make run`, the demo: no DATABASE_URL), whatever this run uses.
    options = {"ENGINE": "django.db.backends.sqlite3", "NAME": name, "OPTIONS": production.SQLITE_OPTIONS,
               "TIME_ZONE": None, "CONN_MAX_AGE": 0, "CONN_HEALTH_CHECKS": False, "AUTOCOMMIT": True,
               "ATOMIC_REQUESTS": False, "USER": "", "PASSWORD": "", "HOST": "", "PORT": "", "TEST": {}}  # fmt: skip
    setup = sqlite3.connect(name)
    setup.execute("CREATE TABLE claims (invitation INTEGER, person TEXT)")
    setup.commit()
    setup.close()
    first_wrote, errors = threading.Event(), []

    def submit(person: str, *, first: bool) -> None:
        connection = DatabaseWrapper(dict(options), alias=f"race-{person}")
        try:
            if not first:
                first_wrote.wait(5)
            connection.set_autocommit(True)
            connection._start_transaction_under_autocommit()
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM claims WHERE invitation = 1")
                if cursor.fetchone()[0] == 0:
                    cursor.execute("INSERT INTO claims VALUES (1, %s)", [person])
                if first:
                    first_wrote.set()
                    time.sleep(0.5)  # the second submit arrives while the first is still saving
            connection.commit()
        except Exception as error:  # noqa: BLE001 - the test reports what went wrong
            errors.append(f"{type(error).__name__}: {error}")
            first_wrote.set()
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=("a",), kwargs={"first": True}),
               threading.Thread(target=submit, args=("b",), kwargs={"first": False})]  # fmt: skip
    with django_db_blocker.unblock():  # our own database file, not the test database
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    assert errors == []
    with sqlite3.connect(name) as check:
        assert check.execute("SELECT person FROM claims").fetchall() == [("a",)]  # claimed once, by the first
