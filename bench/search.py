"""Repository search over the generated cases on PostgreSQL: p50/p95 per query, and one EXPLAIN ANALYZE plan.

    DATABASE_URL=postgres://cop:cop@127.0.0.1:5432/cop_bench python bench/search.py [--runs 30]

Each timing is what the repository page does for a signed-in person: the matching learning objects, ranked,
first page of 20, plus the count for the pager. Target: p95 under 25 ms; the plan must use the GIN index.
Exit status 1 when a target is missed.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench._setup import setup_django  # noqa: E402

setup_django()

from django.db import connection  # noqa: E402

from cases.models import Case  # noqa: E402
from cases.search import search_cases  # noqa: E402

QUERIES = [
    "dual diagnosis",
    "homeless",
    "weekend crisis",
    "secret caseload",
    "domestic violence refuge",
    "leaving care personal adviser",
    "prison release accommodation",
    "methadone",
    '"housing first"',
    "mental health -alcohol",
    "probation OR police",
    "tenancy",
    "self-harm admission",
    "eligibility threshold",
    "nothing matches this xyzzy",
]
TARGET_P95_MS = 25.0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run_query(text: str) -> tuple[int, int]:
    queryset = search_cases(Case.objects.learning_objects(), text)
    first_page = list(queryset[:20])
    return len(first_page), queryset.count()


def buffers_read(text: str) -> int:
    """Shared buffers (8 kB pages, from cache or disk) that the ranked first page and the pager's count read:
    a measure of the work that does not depend on how busy the machine is."""
    queryset = search_cases(Case.objects.learning_objects(), text)
    page_sql, page_params = queryset[:20].query.sql_with_params()
    match_sql, match_params = queryset.order_by().values("pk").query.sql_with_params()
    count_sql = f"SELECT count(*) FROM ({match_sql}) AS matches"  # noqa: S608 - our own SQL, parameters apart
    total = 0
    for sql, params in ((page_sql, page_params), (count_sql, match_params)):
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0]
        plan = plan[0] if isinstance(plan, list) else plan
        total += plan["Plan"].get("Shared Hit Blocks", 0) + plan["Plan"].get("Shared Read Blocks", 0)
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        print("Needs PostgreSQL: set DATABASE_URL.")
        return 1
    total = Case.objects.count()
    learning = Case.objects.learning_objects().count()
    print(f"{total:,} cases, {learning:,} learning objects; {args.runs} runs per query\n")
    print(f"{'query':<34} {'hits':>6} {'p50 ms':>8} {'p95 ms':>8} {'buffers':>8}")
    everything = []
    for text in QUERIES:
        run_query(text)  # warm
        timings = []
        for _ in range(args.runs):
            started = time.perf_counter()
            _, hits = run_query(text)
            timings.append((time.perf_counter() - started) * 1000)
        everything.extend(timings)
        print(
            f"{text:<34} {hits:>6} {statistics.median(timings):>8.2f} {percentile(timings, 0.95):>8.2f} "
            f"{buffers_read(text):>8}"
        )
    p50, p95 = statistics.median(everything), percentile(everything, 0.95)
    print(f"\nall queries: p50 {p50:.2f} ms, p95 {p95:.2f} ms (target p95 < {TARGET_P95_MS:.0f} ms)")

    queryset = search_cases(Case.objects.learning_objects(), QUERIES[0])[:20]
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    print(f"\nEXPLAIN ANALYZE for {QUERIES[0]!r}:\n{plan}")
    # Either GIN index on the search document: the whole-table one or the partial one on learning objects.
    uses_gin = (
        "Index Scan on cases_case_search_vector_gin" in plan or "Index Scan on cases_case_learning_search_gin" in plan
    )
    print(f"\nGIN index used: {'yes' if uses_gin else 'NO'}")
    return 0 if uses_gin and p95 < TARGET_P95_MS else 1


if __name__ == "__main__":
    sys.exit(main())
