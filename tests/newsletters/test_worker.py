"""End to end on a real Celery worker and Redis broker: compile, approve, send, every email once.

Runs against REDIS_URL (CI sets it) or, when unset, the local Redis at redis://127.0.0.1:6379/0. It is
never skipped: without a reachable Redis it fails and says so."""

import os
import time
import uuid
from collections import Counter

import pytest
import redis
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.core.management import call_command

from cop.celery import app
from newsletters.models import Delivery, DeliveryStatus, IssueStatus, NewsletterIssue
from newsletters.services.editing import approve_issue
from newsletters.services.sending import start_sending

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
CONF_KEYS = ["broker_url", "task_always_eager", "task_default_queue"]


def _reset_connections() -> None:
    app._pool = None
    amqp = app.__dict__.get("amqp")
    if amqp is not None:
        amqp._producer_pool = None


@pytest.fixture
def redis_worker(transactional_db):
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        pytest.fail(
            f"The worker test needs Redis at {REDIS_URL} ({error}). Start it with "
            "`redis-server --daemonize yes --bind 127.0.0.1 --port 6379` or set REDIS_URL."
        )
    saved = {key: app.conf[key] for key in CONF_KEYS}
    queue = f"test-newsletters-{uuid.uuid4().hex[:8]}"  # our own queue: no other worker takes our tasks
    app.conf.update(broker_url=REDIS_URL, task_always_eager=False, task_default_queue=queue)
    _reset_connections()
    try:
        with start_worker(app, perform_ping_check=False, pool="solo", queues=[queue], shutdown_timeout=30):
            yield
    finally:
        app.conf.update(saved)
        _reset_connections()


def wait_for(condition, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_a_real_worker_sends_the_issue_once_to_everyone(redis_worker, march, broker):
    call_command("compile_newsletter", "--month", "2026-03", stdout=open(os.devnull, "w"))  # noqa: SIM115
    issue = approve_issue(issue=NewsletterIssue.objects.get(), by=broker)

    count = start_sending(issue=issue, by=broker)  # autocommit here: the task goes to Redis on commit

    assert count == 11  # nine current members, two brokers
    sent = wait_for(lambda: NewsletterIssue.objects.get(pk=issue.pk).status == IssueStatus.SENT)
    statuses = Counter(Delivery.objects.values_list("status", flat=True))
    assert sent, f"The worker did not finish sending within 30 s: {dict(statuses)}"
    assert statuses == {DeliveryStatus.SENT: count}
    per_address = Counter(address for message in mail.outbox for address in message.to)
    assert set(per_address) == set(Delivery.objects.values_list("email", flat=True))
    assert set(per_address.values()) == {1}
