"""PostgreSQL restarted under load: gunicorn serving the app on a private PostgreSQL cluster, three visitors
reading and saving (a case page, a case edit, the attendance register) while the cluster is stopped (every
session cut off) and started again 2.5 s later. Requests caught by the restart answer a plain 503 page, never a
500 or a dropped connection; nothing is half-saved; and once the database is back every request succeeds again without
restarting the app, even for a worker that was idle through the restart (persistent connections are checked
before reuse: CONN_HEALTH_CHECKS; without it that worker's next request fails: checked by hand)."""

import threading
import time
from collections import Counter

from tests.faults.conftest import seed
from tests.faults.private_services import wait_until
from tests.faults.visitor import Visitor


def test_requests_during_a_database_restart_fail_cleanly_and_the_app_recovers(app, private_postgres, fault_database):
    world = seed(app, "load")
    base = app.web(workers=2)
    case_page, edit_page = f"/cases/{world['case']}/", f"/cases/{world['case']}/edit/"
    register = f"/sites/meetings/{world['meeting']}/register/"
    answers: list[tuple[str, str, int, float]] = []  # (phase, kind, status, time)
    bad: list[str] = []
    phase = {"now": "before"}
    stop = threading.Event()
    edits_saved = Counter()
    marks_saved: list[str] = []

    def remember(kind: str, when: str, answer) -> None:
        answers.append((when, kind, answer.status, time.monotonic()))
        if answer.status not in (200, 302, 503):
            bad.append(f"{kind} in phase {when}: {answer.status} {answer.error} {answer.body[:300]}")
        if answer.status == 503:
            if "The service is briefly unavailable, please try again in a minute" not in answer.body:
                bad.append(f"{kind}: a 503 without the plain page: {answer.body[:300]}")
            if answer.headers.get("Retry-After") != "60":
                bad.append(f"{kind}: a 503 without Retry-After")

    def reader() -> None:
        visitor = Visitor(base, world["facilitator"])
        while not stop.is_set():
            when = phase["now"]
            remember("case page", when, visitor.get(case_page))

    def editor() -> None:
        visitor = Visitor(base, world["facilitator"])
        n = 0
        while not stop.is_set():
            n += 1
            when = phase["now"]
            text = f"Version {n}: a man in his forties attends A&E most weekends."
            answer = visitor.post(edit_page, {"title": "Weekend crises", "kind": world["case_kind"],
                                              "presenters": world["facilitator_id"], "presentation": text})  # fmt: skip
            remember("case edit", when, answer)
            if answer.status == 302:
                edits_saved[when] += 1

    def marker() -> None:
        visitor = Visitor(base, world["facilitator"])
        n = 0
        while not stop.is_set():
            n += 1
            when = phase["now"]
            mark = "present" if n % 2 else "absent"
            answer = visitor.post(register, {f"status_{pid}": mark for pid in world["people"]})
            remember("register", when, answer)
            if answer.status == 302:
                marks_saved.append(mark)

    with private_postgres.connect(fault_database) as db:
        revisions_before = db.execute(
            "SELECT count(*) FROM cases_caserevision WHERE case_id = %s", [world["case"]]
        ).fetchone()[0]

    warm = Visitor(base, world["facilitator"])  # both workers load the pages once, so the load starts at speed
    for _ in range(4):
        for path in (case_page, edit_page, register):
            assert warm.get(path).status == 200

    threads = [threading.Thread(target=work) for work in (reader, editor, marker)]
    for thread in threads:
        thread.start()
    try:
        # Under way first: at least a page read, a case edit and a register save done (however busy the machine).
        wait_until(
            lambda: edits_saved["before"] and marks_saved and any(a[2] == 200 for a in answers),
            timeout=90,
            what="the load to get going",
        )
        time.sleep(1)
        phase["now"] = "down"
        private_postgres.stop(mode="fast")  # every session is cut off, as in a crash or a failover
        time.sleep(2.5)
        private_postgres.start()
        phase["now"] = "after"
        time.sleep(3)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)

    # Back to normal by itself: every worker's next requests succeed (their old connections were cut).
    calm = Visitor(base, world["facilitator"])
    for _ in range(6):
        for path in (case_page, register, "/"):
            answer = calm.get(path)
            assert answer.status == 200, f"{path} after the restart: {answer.status} {answer.error} {answer.body[:300]}"

    # A restart while the app is idle: each worker's kept connection is dead, and is noticed before it is used.
    private_postgres.restart()
    for _ in range(4):
        for path in (case_page, register):
            answer = calm.get(path)
            assert answer.status == 200, f"{path} after an idle restart: {answer.status} {answer.body[:300]}"

    statuses = Counter((when, status) for when, _, status, _ in answers)
    assert not bad, "\n".join(bad[:5])
    assert statuses[("before", 200)] > 0 and statuses[("before", 302)] > 0, statuses
    # (A request already in flight when the database stopped may answer 503 too: that is the clean failure.)
    assert statuses[("down", 503)] > 0, f"no request met the restart: {statuses}"
    # Once the cluster answered again, nothing failed: persistent connections were checked before reuse.
    assert statuses[("after", 503)] == 0, statuses

    with private_postgres.connect(fault_database) as db:
        (presentation,) = db.execute(
            "SELECT presentation FROM cases_case WHERE id = %s", [world["case"]]
        ).fetchone()
        revisions = db.execute(
            "SELECT count(*) FROM cases_caserevision WHERE case_id = %s", [world["case"]]
        ).fetchone()[0]
        last_revision = db.execute(
            "SELECT snapshot->>'presentation' FROM cases_caserevision WHERE case_id = %s ORDER BY id DESC LIMIT 1",
            [world["case"]],
        ).fetchone()[0]
        marks = db.execute(
            "SELECT status, count(*) FROM sites_attendance WHERE meeting_id = %s GROUP BY status", [world["meeting"]]
        ).fetchall()
    # No partial writes: every saved edit has its revision and nothing else was saved (a 503 saved nothing).
    assert revisions - revisions_before == sum(edits_saved.values()), (revisions, edits_saved)
    assert last_revision == presentation
    # The register was saved whole each time: every line carries the same mark, the last one saved.
    assert marks == [(marks_saved[-1], len(world["people"]))], (marks, marks_saved[-3:])
