"""Background jobs for the browser journeys: a real `celery -A cop worker` process on Redis when the tests run
against PostgreSQL and Redis (as CI does), tasks run in-process otherwise (a developer's run on SQLite).

The worker is a separate process, so it shares what the live server shares with it through the outside world:
the test database (by name, on the same server), the media folder (digest PDFs) and a mail folder (the emails it
sends, read back here). It listens on a Redis database of its own, emptied before and after."""

import os
import subprocess
import sys
import time
from collections.abc import Callable
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import pytest
import redis
from django.conf import settings
from django.core import mail

from cop.celery import app

READY_TIMEOUT = 60.0  # seconds for the worker to start (it imports Django and WeasyPrint)
STOP_TIMEOUT = 10.0
CONF_KEYS = ["broker_url", "task_always_eager"]
SEPARATOR = b"\n" + b"-" * 79 + b"\n"


def worker_wanted() -> bool:
    """A worker can only see the test's data on a database server; SQLite's test database lives in memory."""
    return bool(os.environ.get("REDIS_URL")) and settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3"


def private_redis_url() -> str:
    """REDIS_URL's server with the database number in TEST_WORKER_REDIS_DB (15 unless set), one lower for each
    pytest-xdist worker after the first: tasks of this run and this worker only."""
    parts = urlsplit(os.environ["REDIS_URL"])
    xdist_index = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    number = int(os.environ.get("TEST_WORKER_REDIS_DB", "15")) - xdist_index
    return urlunsplit(parts._replace(path=f"/{number}"))


def worker_database_url() -> str:
    """The database the live server uses now (pytest-django's test_<name>), as a URL for the worker."""
    db = settings.DATABASES["default"]
    credentials = quote(db["USER"], safe="") + (f":{quote(db['PASSWORD'], safe='')}" if db.get("PASSWORD") else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _reset_connections() -> None:
    """Drop the app's broker connections so the next task uses the broker_url in force now."""
    app._pool = None
    amqp = app.__dict__.get("amqp")
    if amqp is not None:
        amqp._producer_pool = None


class InProcessTasks:
    """Tasks run eagerly inside the request that queues them: done by the time the page answers."""

    mode = "in-process"

    def log(self) -> str:
        return "(tasks ran in-process: no worker log)"

    def wait_for(self, condition: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
        if not condition():
            pytest.fail(f"{what}: not done, and tasks run in-process so nothing more will happen.")

    def emails(self) -> list[Message]:
        return [message.message() for message in mail.outbox]


class CeleryWorker:
    """A `celery -A cop worker` process; fails the test with the worker's log when it dies or is too slow."""

    mode = "worker"

    def __init__(self, folder: Path):
        self.folder = folder
        self.log_path = folder / "worker.log"
        self.mail_dir = folder / "mail"
        self.broker_url = private_redis_url()
        self.process: subprocess.Popen | None = None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else "(no log)"

    def _fail(self, why: str) -> None:
        pytest.fail(f"{why}\n--- Celery worker log ---\n{self.log()[-6000:]}", pytrace=False)

    def start(self) -> None:
        redis.Redis.from_url(self.broker_url, socket_connect_timeout=3).flushdb()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cop.settings_test",
            "DATABASE_URL": worker_database_url(),
            "REDIS_URL": self.broker_url,
            "COP_TEST_WORKER": "1",
            "COP_TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "COP_TEST_MAIL_DIR": str(self.mail_dir),
            "CONN_MAX_AGE": "0",  # no connection outlives a task: the test database is flushed between tests
        }
        command = [sys.executable, "-m", "celery", "-A", "cop", "worker", "--pool=solo", "--loglevel=INFO"]
        command += ["--without-gossip", "--without-mingle", "--without-heartbeat", "--hostname=journeys@%h"]
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(  # noqa: S603 (our own command line)
                command, cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT
            )
        self.wait_for(lambda: " ready." in self.log(), "The Celery worker did not start", timeout=READY_TIMEOUT)

    def wait_for(self, condition: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return
            if self.process.poll() is not None:
                self._fail(f"{what}: the Celery worker stopped (exit code {self.process.returncode}).")
            time.sleep(0.1)
        self._fail(f"{what} within {timeout:.0f} s.")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(STOP_TIMEOUT)

    def emails(self) -> list[Message]:
        """The emails the worker sent (Django's file backend: one file per connection, messages separated)."""
        messages = []
        for path in sorted(self.mail_dir.glob("*.log")) if self.mail_dir.exists() else []:
            for chunk in path.read_bytes().split(SEPARATOR):
                if chunk.strip():
                    messages.append(message_from_bytes(chunk.lstrip(b"\n")))
        return messages


@pytest.fixture
def background_tasks(transactional_db, tmp_path):
    """Where the app's Celery tasks run during a journey: a real worker on Redis (CI), else in-process.

    Depends on transactional_db so the worker stops before the test database is flushed."""
    if not worker_wanted():
        if os.environ.get("CI"):
            pytest.fail("CI runs the journeys with a real Celery worker: set DATABASE_URL (PostgreSQL) and REDIS_URL.")
        yield InProcessTasks()
        return
    worker = CeleryWorker(tmp_path)
    saved = {key: app.conf[key] for key in CONF_KEYS}
    app.conf.update(broker_url=worker.broker_url, task_always_eager=False)
    _reset_connections()
    try:
        worker.start()
        yield worker
        if worker.process.poll() is not None:
            worker._fail(f"The Celery worker stopped during the test (exit code {worker.process.returncode}).")
    finally:
        worker.stop()
        app.conf.update(saved)
        _reset_connections()
        redis.Redis.from_url(worker.broker_url, socket_connect_timeout=3).flushdb()
