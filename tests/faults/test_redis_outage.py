"""Redis stopped while a newsletter is sending and a digest is asked for, with the app's real processes:
gunicorn, a Celery worker and beat, on a private Redis and a private PostgreSQL.

The issue asks for "a minute" of outage; here it is a few seconds (the worker's and beat's reconnection and the
sweeps do the same work either way; `bench/soak.py` can run longer). The private Redis keeps nothing on disk,
so when it comes back every queued message is gone: only what the database holds survives, as after a lost
broker. Then: every recipient has exactly one newsletter email, the digest is ready and its requester was told
once, and while Redis was down the pages kept answering and the request for a digest was taken and explained."""

import time
from collections import Counter, defaultdict
from pathlib import Path

from tests.faults.conftest import seed
from tests.faults.mailbox import read_mailbox
from tests.faults.private_services import wait_until
from tests.faults.visitor import Visitor

OUTAGE_SECONDS = 6
DELAYED = "The background job service is not answering just now."


def test_a_redis_outage_loses_and_duplicates_nothing(app, private_postgres, fault_database, private_redis, fault_dir):
    app.env["FAULTS_MAIL_DELAY"] = "0.15"  # about 5 s for the issue's 30-odd emails: Redis stops part-way
    world = seed(app, "newsletter")
    base = app.web()
    app.worker()
    app.beat()
    broker, commissioner = Visitor(base, world["broker"]), Visitor(base, world["commissioner"])
    db = private_postgres.connect(fault_database)

    def sent_count() -> int:
        return db.execute(
            "SELECT count(*) FROM newsletters_delivery WHERE issue_id = %s AND status = 'sent'", [world["issue"]]
        ).fetchone()[0]

    sending = broker.post(f"/newsletter/manage/{world['issue']}/send/", {})
    assert sending.status == 302, sending.body[:500]
    wait_until(lambda: sent_count() > 0, timeout=60, what=f"the worker to start sending:\n{app.log_of('worker')}")

    private_redis.stop()
    down_at = time.monotonic()
    assert sent_count() < len(world["recipients"]), "the sending finished before Redis stopped"

    # With the broker down the pages still answer.
    for visitor, path in [
        (broker, "/"),
        (broker, f"/newsletter/manage/{world['issue']}/deliveries/"),
        (commissioner, "/digests/"),
    ]:
        page = visitor.get(path)
        assert page.status == 200, f"{path} with Redis down: {page.status} {page.error} {page.body[:500]}"
    # Asking for a digest is taken, kept in the database, and the person is told it will follow.
    asked = commissioner.post(
        "/digests/", {"period_start": world["period_start"], "period_end": world["period_end"], "sites": world["site"]}
    )
    assert asked.status == 302, asked.body[:800]
    detail = commissioner.get(asked.headers["Location"])
    assert detail.status == 200 and DELAYED in detail.body
    assert "you do not need to do it again" in detail.body
    (digest_id, digest_status) = db.execute(
        "SELECT id, status FROM newsletters_digest ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert digest_status == "queued"

    time.sleep(max(0.0, OUTAGE_SECONDS - (time.monotonic() - down_at)))
    private_redis.start()  # empty: whatever was queued in Redis is gone

    def finished() -> bool:
        issue = db.execute("SELECT status FROM newsletters_newsletterissue WHERE id = %s", [world["issue"]]).fetchone()
        digest = db.execute("SELECT status, file FROM newsletters_digest WHERE id = %s", [digest_id]).fetchone()
        return issue[0] == "sent" and digest[0] == "ready"

    wait_until(
        finished, timeout=120, what=f"the issue to be sent and the digest ready:\n{app.log_of('worker')[-3000:]}"
    )

    expected_messages = len(world["recipients"]) + 1  # the issue to everyone, and "your digest is ready"
    mailbox = fault_dir / "mailbox"
    wait_until(lambda: len(read_mailbox(mailbox)) >= expected_messages, timeout=30, what="the emails to be written")
    time.sleep(4)  # two more rounds of the sweeps: they must not send anything again

    statuses = Counter(s for (s,) in db.execute("SELECT status FROM newsletters_delivery WHERE issue_id = %s",
                                                [world["issue"]]).fetchall())  # fmt: skip
    assert statuses == {"sent": len(world["recipients"])}
    by_subject = defaultdict(Counter)
    for message in read_mailbox(mailbox):
        for address in message["to"]:
            by_subject[message["subject"]][address.lower()] += 1
    newsletter = [s for s, to in by_subject.items() if set(to) == set(world["recipients"])]
    assert len(newsletter) == 1, {s: dict(to) for s, to in by_subject.items()}
    assert set(by_subject.pop(newsletter[0]).values()) == {1}  # every recipient exactly once
    assert {s: dict(to) for s, to in by_subject.items()} == {
        subject: {world["commissioner_email"]: 1} for subject in by_subject
    } and len(by_subject) == 1  # the digest's requester told once, and nothing else sent
    (file_name,) = db.execute("SELECT file FROM newsletters_digest WHERE id = %s", [digest_id]).fetchone()
    assert (Path(app.env["FAULTS_MEDIA_ROOT"]) / file_name).read_bytes().startswith(b"%PDF")
    db.close()
