"""Fixtures for the fault tests: a private PostgreSQL cluster (one per test session, migrated once), a private
Redis per test, and the app's processes against them, all stopped at the end."""

import json
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest

from tests.faults.private_services import AppProcesses, PrivatePostgres, PrivateRedis


@pytest.fixture(scope="session")
def private_postgres():
    root = Path(tempfile.mkdtemp(prefix="cop-faults-pg-"))
    cluster = PrivatePostgres(root)
    cluster.create()
    url = cluster.create_database("cop_faults_template")
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
def fault_database(private_postgres) -> str:
    """A fresh database for each test, copied from the migrated template."""
    name = f"cop_faults_{uuid.uuid4().hex[:8]}"
    with private_postgres.connect() as connection:
        connection.execute(f'CREATE DATABASE "{name}" TEMPLATE cop_faults_template')
    return name


@pytest.fixture
def app(private_postgres, fault_database, private_redis, fault_dir):
    processes = AppProcesses(
        fault_dir,
        {
            "DATABASE_URL": private_postgres.url(fault_database),
            "REDIS_URL": private_redis.url,
            "FAULTS_MAILBOX": str(fault_dir / "mailbox"),
            "FAULTS_MEDIA_ROOT": str(fault_dir / "media"),
        },
    )
    yield processes
    processes.stop_all()


def seed(app: AppProcesses, scenario: str) -> dict:
    return json.loads(app.script("tests.faults.seed", scenario).strip().splitlines()[-1])
