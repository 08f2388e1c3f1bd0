"""Throwaway PostgreSQL and Redis servers for the fault tests, so that stopping and restarting them harms no one
else (the machine's shared PostgreSQL on 5432 and Redis on 6379 keep running), and the app's own processes
(gunicorn, a Celery worker, beat) started against them as subprocesses.

PostgreSQL refuses to run as root: when the tests run as root (CI), the cluster belongs to the `postgres` user
and its commands run through `runuser -u postgres --`."""

import glob
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import redis

REPO_ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, *, timeout: float, what: str, interval: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"Timed out after {timeout:.0f} s waiting for {what}.")


def _postgres_program(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    if found:
        return found[-1]
    on_path = shutil.which(name)
    if on_path is None:
        raise AssertionError(f"The fault tests need PostgreSQL's server programs ({name}): apt-get install postgresql.")
    return on_path


class PrivatePostgres:
    """A PostgreSQL cluster in a temporary directory, on a free port, reachable over TCP without a password."""

    def __init__(self, root: Path):
        self.root = root
        self.data = root / "data"
        self.log = root / "postgres.log"
        self.port = free_port()
        self.as_postgres = os.geteuid() == 0

    def _run(self, *command: str, timeout: float = 120) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_postgres else []
        done = subprocess.run([*prefix, *command], capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            log = self.log.read_text()[-2000:] if self.log.exists() else ""
            raise AssertionError(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}\n{log}")

    def create(self) -> None:
        if self.as_postgres:
            shutil.chown(self.root, user="postgres", group="postgres")
        self._run(_postgres_program("initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")  # fmt: skip
        self.start()

    def _pg_ctl(self, action: str, *extra: str) -> None:
        self._run(_postgres_program("pg_ctl"), action, "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60",
                  *extra)  # fmt: skip

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
        )
        self._pg_ctl("start", "-o", options)

    def restart(self) -> None:
        """Stop (disconnecting every session, as a crash or a failover does) and start again."""
        self._pg_ctl("restart", "-m", "fast")

    def stop(self, mode: str = "immediate") -> None:
        self._pg_ctl("stop", "-m", mode)

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def connect(self, database: str = "postgres") -> psycopg.Connection:
        return psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname=database, autocommit=True)

    def create_database(self, name: str) -> str:
        with self.connect() as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


class PrivateRedis:
    """redis-server on a free port with no persistence: a restart comes back empty, like a lost broker."""

    def __init__(self, root: Path):
        self.port = free_port()
        self.log = root / "redis.log"
        self.process: subprocess.Popen | None = None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        program = shutil.which("redis-server")
        if program is None:
            raise AssertionError("The fault tests need redis-server: apt-get install redis-server.")
        with open(self.log, "a") as log:
            self.process = subprocess.Popen(
                [program, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        wait_until(self.answers, timeout=20, what="the private Redis to answer")

    def answers(self) -> bool:
        try:
            return bool(redis.Redis.from_url(self.url, socket_connect_timeout=0.5).ping())
        except redis.RedisError:
            return False

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        self.process = None


class AppProcesses:
    """The app's own processes (web, worker, beat) against the private servers; each logs to a file."""

    def __init__(self, root: Path, env: dict[str, str]):
        self.root = root
        self.env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "DJANGO_SETTINGS_MODULE": "tests.faults.settings",
                    **env}  # fmt: skip
        self.env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        self.running: list[tuple[str, subprocess.Popen]] = []

    def manage(self, *args: str, timeout: float = 300) -> str:
        done = subprocess.run([sys.executable, "manage.py", *args], cwd=REPO_ROOT, env=self.env, capture_output=True,
                              text=True, timeout=timeout)  # fmt: skip
        if done.returncode != 0:
            raise AssertionError(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def script(self, module: str, *args: str) -> str:
        done = subprocess.run([sys.executable, "-m", module, *args], cwd=REPO_ROOT, env=self.env, capture_output=True,
                              text=True, timeout=300)  # fmt: skip
        if done.returncode != 0:
            raise AssertionError(f"{module} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def start(self, name: str, *command: str) -> subprocess.Popen:
        log = open(self.root / f"{name}.log", "a")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen([sys.executable, "-m", *command], cwd=REPO_ROOT, env=self.env, stdout=log,
                                   stderr=subprocess.STDOUT)  # fmt: skip
        self.running.append((name, process))
        return process

    def log_of(self, name: str) -> str:
        path = self.root / f"{name}.log"
        return path.read_text() if path.exists() else ""

    def web(self, *, workers: int = 2) -> str:
        port = free_port()
        self.start("web", "gunicorn", "cop.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
                   "--timeout", "60", "--graceful-timeout", "5")  # fmt: skip
        base = f"http://127.0.0.1:{port}"

        def answers() -> bool:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    return True
            except OSError:
                return False

        wait_until(answers, timeout=60, what=f"gunicorn to listen:\n{self.log_of('web')[-2000:]}")
        return base

    def worker(self) -> None:
        options = ["--pool", "solo", "--loglevel", "info", "--without-gossip", "--without-mingle"]
        options.append("--without-heartbeat")
        self.start("worker", "celery", "-A", "cop", "worker", *options, "--hostname", "faults@%h")
        wait_until(lambda: "ready." in self.log_of("worker"), timeout=90,
                   what=f"the Celery worker to start:\n{self.log_of('worker')[-2000:]}")  # fmt: skip

    def beat(self) -> None:
        self.start("beat", "celery", "-A", "cop", "beat", "--loglevel", "info",
                   "--schedule", str(self.root / "beat-schedule"))  # fmt: skip

    def stop_all(self) -> None:
        for _, process in reversed(self.running):
            if process.poll() is None:
                process.terminate()
        for _, process in reversed(self.running):
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        self.running.clear()
