"""The journeys' worker fails a test with its log, never hangs, and is always stopped."""

import subprocess
import sys

import pytest

from tests.browser.worker import CeleryWorker


def run(worker: CeleryWorker, code: str) -> None:
    with worker.log_path.open("wb") as log:
        worker.process = subprocess.Popen([sys.executable, "-c", code], stdout=log, stderr=subprocess.STDOUT)  # noqa: S603


@pytest.fixture
def worker(tmp_path, monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    worker = CeleryWorker(tmp_path)
    yield worker
    worker.stop()


def test_a_worker_that_dies_fails_the_test_with_its_log(worker):
    run(worker, "print('consumer: Cannot connect to redis://127.0.0.1:6379/15'); raise SystemExit(1)")
    with pytest.raises(pytest.fail.Exception) as failure:
        worker.wait_for(lambda: False, "The digest was not rendered", timeout=20)
    assert "The digest was not rendered: the Celery worker stopped (exit code 1)." in str(failure.value)
    assert "Cannot connect to redis" in str(failure.value)


def test_a_slow_worker_fails_the_test_after_the_timeout_and_is_stopped(worker):
    run(worker, "import time; print('busy', flush=True); time.sleep(60)")
    with pytest.raises(pytest.fail.Exception) as failure:
        worker.wait_for(lambda: False, "The newsletter was not sent", timeout=1)
    assert "The newsletter was not sent within 1 s." in str(failure.value)
    worker.stop()
    assert worker.process.poll() is not None
