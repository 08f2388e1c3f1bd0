"""One search over everything (search.selectors.search_everything) on the generated programme, on PostgreSQL:
p50/p95 of the whole page's reads per person and query, and whether each kind's plan uses its GIN index.

    DATABASE_URL=postgres://cop:cop@127.0.0.1:5432/cop_bench python bench/search_everything.py [--runs 20] [--kinds]

Each timing is what /search/?q= reads for one signed-in person: the first results of every kind, ranked, with their
extracts. People searched as: a programme admin (every site), a knowledge broker, a member of one site and a
commissioner. Target: p95 under 50 ms. Exit status 1 when the target is missed or a kind's plan skips its index.
Measure on a quiet machine: on 2 shared cores the same run varied by 30% (STACK.md).
"""

import argparse
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench._setup import setup_django  # noqa: E402

setup_django()

from django.contrib.postgres.search import SearchQuery  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.pages import bench_admin  # noqa: E402
from bench.search import QUERIES, percentile  # noqa: E402
from cycle.models import AgendaItem, RecordEntry  # noqa: E402
from forum.models import Post, Thread  # noqa: E402
from members.models import User  # noqa: E402
from newsletters.models import NewsletterIssue, NewsletterItem  # noqa: E402
from search.selectors import KINDS, search_everything  # noqa: E402
from sites.models import Meeting, Membership, MembershipRole  # noqa: E402

TARGET_P95_MS = 50.0
# The stored documents of the kinds this search added (cases and evidence: bench/search.py checks theirs).
DOCUMENTS = {
    "forum_thread": Thread,
    "forum_post": Post,
    "sites_meeting": Meeting,
    "sites_agendaitem": AgendaItem,
    "sites_recordentry": RecordEntry,
    "newsletters_newsletterissue": NewsletterIssue,
    "newsletters_newsletteritem": NewsletterItem,
}


def people() -> dict[str, User]:
    chosen = {
        "programme admin": User.objects.filter(is_programme_admin=True).first() or bench_admin(),
        "knowledge broker": User.objects.filter(is_knowledge_broker=True).first(),
        "commissioner": User.objects.filter(is_commissioner=True).first(),
    }
    membership = Membership.objects.current().filter(role=MembershipRole.MEMBER).select_related("person").first()
    chosen["site member"] = membership.person if membership else None
    return {label: person for label, person in chosen.items() if person is not None}


def index_used(model, text: str) -> bool:
    queryset = model.objects.filter(search_vector=SearchQuery(text, search_type="websearch", config="english"))
    sql, params = queryset.order_by().values("pk").query.sql_with_params()  # a model's ordering may steer the plan
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")  # small tables: would the planner use the index at all?
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = on")
    return "_search_vector_gin" in plan


def database_ms(sql: str) -> float:
    """The database's own time for one query (planning and execution, EXPLAIN ANALYZE): not the machine's queue."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    return sum(float(ms) for ms in re.findall(r"(?:Planning|Execution) Time: ([\d.]+) ms", plan))


def per_kind(label: str, person: User) -> None:
    """Each kind's database time (median and max over the queries), the queries per search and the Python CPU time
    of a whole search (process time: what a loaded machine's queue does not inflate)."""
    database, queries, cpu = defaultdict(list), [], []
    for text in QUERIES:
        person = User.objects.get(pk=person.pk)
        started = time.process_time()
        with CaptureQueriesContext(connection) as captured:
            search_everything(person, text)
        cpu.append((time.process_time() - started) * 1000)
        queries.append(len(captured))
        for kind in KINDS:
            with CaptureQueriesContext(connection) as captured:
                kind.find(person, text, 5)
            database[kind.key].append(sum(database_ms(query["sql"]) for query in captured.captured_queries))
    print(f"{label}: {min(queries)}-{max(queries)} queries, Python CPU p50 {statistics.median(cpu):.1f} ms")
    print("  database ms (median/max): " + ", ".join(
        f"{key} {statistics.median(ms):.1f}/{max(ms):.1f}" for key, ms in database.items()
    ))  # fmt: skip
    totals = [sum(ms[n] for ms in database.values()) for n in range(len(QUERIES))]
    print(f"  whole search's database ms: median {statistics.median(totals):.1f}, max {max(totals):.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--kinds", action="store_true", help="each kind's database time, query counts, Python CPU")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        print("Needs PostgreSQL: set DATABASE_URL.")
        return 1
    if args.kinds:
        for label, person in people().items():
            per_kind(label, person)
        return 0
    counts = ", ".join(f"{model.__name__} {model.objects.count():,}" for model in DOCUMENTS.values())
    print(f"Rows: {counts}; {args.runs} runs per person and query\n")
    print(f"{'person':<18} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    everything = []
    for label, person in people().items():
        timings = []
        for text in QUERIES:
            search_everything(person, text)  # warm
            for _ in range(args.runs):
                person = User.objects.get(pk=person.pk)  # a new request: no cached site roles
                started = time.perf_counter()
                search_everything(person, text)
                timings.append((time.perf_counter() - started) * 1000)
        everything.extend(timings)
        print(f"{label:<18} {statistics.median(timings):>8.2f} {percentile(timings, 0.95):>8.2f} {max(timings):>8.2f}")
    p50, p95 = statistics.median(everything), percentile(everything, 0.95)
    print(f"\nall: p50 {p50:.2f} ms, p95 {p95:.2f} ms (target p95 < {TARGET_P95_MS:.0f} ms)")
    indexed = {table: index_used(model, QUERIES[0]) for table, model in DOCUMENTS.items()}
    print("GIN index in the plan: " + ", ".join(f"{t} {'yes' if used else 'NO'}" for t, used in indexed.items()))
    return 0 if p95 < TARGET_P95_MS and all(indexed.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
