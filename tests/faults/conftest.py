"""Fixtures for the fault tests: a private PostgreSQL cluster (one per test session, migrated once), a private
Redis per test, and the app's processes against them, all stopped at the end."""

import json
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.faults.private_services import AppProcesses, PrivatePostgres, PrivateRedis


@pytest.fixture(scope="session")
def private_postgres():
    root = Path(tempfile.mkdtemp(prefix="cop-faults-pg-"))
    cluster = PrivatePostgres(root)
    cluster.create()
    url = cluster.create_database("cop_faults")
    work = Path(tempfile.mkdtemp(prefix="cop-faults-migrate-"))
    AppProcesses(work, {"DATABASE_URL": url, "REDIS_URL": "redis://127.0.0.1:1/0", "FAULTS_MEDIA_ROOT": str(work)}
                 ).manage("migrate", "--noinput")  # fmt: skip
    try:
        yield cluster
    finally:
        try:
            cluster.stop()
        finally:
            shutil.rmtree(root, ignore_errors=True)
            shutil.rmtree(work, ignore_errors=True)


@pytest.fixture
def fault_dir():
    root = Path(tempfile.mkdtemp(prefix="cop-faults-"))
    (root / "mailbox").mkdir()
    (root / "media").mkdir()
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def private_redis(fault_dir):
    server = PrivateRedis(fault_dir)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def app(private_postgres, private_redis, fault_dir):
    processes = AppProcesses(
        fault_dir,
        {
            "DATABASE_URL": private_postgres.url("cop_faults"),
            "REDIS_URL": private_redis.url,
            "FAULTS_MAILBOX": str(fault_dir / "mailbox"),
            "FAULTS_MEDIA_ROOT": str(fault_dir / "media"),
        },
    )
    yield processes
    processes.stop_all()


def seed(app: AppProcesses, scenario: str) -> dict:
    return json.loads(app.script("tests.faults.seed", scenario).strip().splitlines()[-1])
