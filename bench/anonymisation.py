"""Benchmark core.anonymisation against labelled corpora.

Run from anywhere:
    python bench/anonymisation.py [-v] [--ids FIRST..LAST] [CORPUS.jsonl ...]
With no paths, every bench/data/anonymisation_corpus*.jsonl is measured, each printed separately.
`--ids ind-0001..ind-0240` measures a subset: passages whose id has that form (the same prefix, then a number) are
kept only when the number is in the range, and are dropped as each line is read, before anything else looks at them;
passages with ids of another form are kept whole. This is how the independent corpus is split into a development
half (ind-0001..ind-0240, for tuning) and a held-out half that tuning never reads. Each line of a
corpus is {"id", "text", "spans": [{"start", "end", "kind"}]}. Prints recall per kind, the share of clean passages
with any finding, the time per 2,000 characters (median and p95), and the first-call cost and memory of the name
data. Exit status 1 when a target is missed on any corpus.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from core.anonymisation import KINDS, Finding, find_personal_data, load_name_data  # noqa: E402
from core.anonymisation.policy import policy_of_span  # noqa: E402

DATA = REPO_ROOT / "bench" / "data"
CORPUS = DATA / "anonymisation_corpus.jsonl"

RECALL_TARGETS = {
    "nhs_number": 0.99,
    "ni_number": 0.99,
    "postcode": 0.99,
    "phone": 0.99,
    "email": 0.99,
    "date_of_birth": 0.99,
    "name": 0.95,
    "address": 0.95,
    "reference": 0.95,
}
MAX_FALSE_POSITIVE_RATE = 0.05


@dataclass
class KindScore:
    labelled: int = 0
    found_any_kind: int = 0
    found_same_kind: int = 0
    findings: int = 0  # findings of this kind on identifier passages
    correct_findings: int = 0  # of those, overlapping a labelled span

    @property
    def recall(self) -> float:
        return self.found_any_kind / self.labelled if self.labelled else 1.0

    @property
    def recall_same_kind(self) -> float:
        return self.found_same_kind / self.labelled if self.labelled else 1.0

    @property
    def precision(self) -> float:
        return self.correct_findings / self.findings if self.findings else 1.0


@dataclass
class Result:
    kinds: dict[str, KindScore]
    passages: int
    clean_passages: int
    clean_with_findings: int
    seconds_per_passage: float
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (id, kind, text)
    false_positives: list[tuple[str, str, str]] = field(default_factory=list)
    # Labelled spans that the gate's policy (core/anonymisation/policy.py) says are not personal data: (id, kind,
    # policy, text). Counted in the figures above as the corpus labels them; `under_policy` re-scores without them.
    policy_spans: list[tuple[str, str, str, str]] = field(default_factory=list)
    under_policy: Result | None = None

    @property
    def false_positive_rate(self) -> float:
        return self.clean_with_findings / self.clean_passages if self.clean_passages else 0.0

    @property
    def precision(self) -> float:
        findings = sum(score.findings for score in self.kinds.values())
        correct = sum(score.correct_findings for score in self.kinds.values())
        return correct / findings if findings else 1.0

    def failures(self) -> list[str]:
        failures = [
            f"{kind} recall {self.kinds[kind].recall:.3f} < {target}"
            for kind, target in RECALL_TARGETS.items()
            if self.kinds[kind].labelled and self.kinds[kind].recall < target
        ]
        if self.false_positive_rate > MAX_FALSE_POSITIVE_RATE:
            failures.append(f"false-positive rate {self.false_positive_rate:.3f} > {MAX_FALSE_POSITIVE_RATE}")
        return failures


@dataclass(frozen=True)
class IdRange:
    """ "ind-0001..ind-0240": ids with the prefix "ind-" and a number from 1 to 240."""

    prefix: str
    first: int
    last: int
    spec: str

    @classmethod
    def parse(cls, spec: str) -> IdRange:
        match = re.fullmatch(r"(.*?)(\d+)\.\.(.*?)(\d+)", spec)  # the prefix may hold digits: ind2-0001
        if not match or match.group(1) != match.group(3):
            raise SystemExit(f"--ids wants FIRST..LAST with one prefix, such as ind-0001..ind-0240, not {spec!r}")
        return cls(match.group(1), int(match.group(2)), int(match.group(4)), spec)

    def has_form(self, passage_id: str) -> bool:
        return re.fullmatch(rf"{re.escape(self.prefix)}\d+", passage_id) is not None

    def keeps(self, passage_id: str) -> bool:
        match = re.fullmatch(rf"{re.escape(self.prefix)}(\d+)", passage_id)
        return match is None or self.first <= int(match.group(1)) <= self.last


_ID_FIELD = re.compile(r'^\{"id":\s*"([^"]*)"')


def load_corpus(path: Path = CORPUS, ids: IdRange | None = None) -> list[dict]:
    """The corpus's passages; with `ids`, passages out of the range are dropped before their text is parsed."""
    passages = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            if ids is not None:
                found = _ID_FIELD.match(line)
                if found is None:
                    raise SystemExit(f"{path.name}: a line does not start with its id; --ids cannot filter it")
                if not ids.keeps(found.group(1)):
                    continue
            passages.append(json.loads(line))
    return passages


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def _covers_half(finding: Finding, span: dict) -> bool:
    length = span["end"] - span["start"]
    return _overlap(finding.start, finding.end, span["start"], span["end"]) * 2 >= length


def measure(passages: list[dict] | None = None) -> Result:
    """Scores the corpus as labelled; `under_policy` scores it again with the labelled spans that the gate's policy
    says are not personal data set aside (a passage left with none counts as clean), when there are any."""
    passages = load_corpus() if passages is None else passages
    started = time.perf_counter()
    all_findings = [find_personal_data(passage["text"]) for passage in passages]
    elapsed = time.perf_counter() - started
    result = _score(passages, all_findings, elapsed / max(1, len(passages)))
    for passage in passages:
        for span in passage["spans"]:
            policy = policy_of_span(passage["text"], span["start"], span["end"], span["kind"])
            if policy:
                text = passage["text"][span["start"] : span["end"]]
                result.policy_spans.append((passage["id"], span["kind"], policy, text))
    if result.policy_spans:
        set_aside = [
            {
                **passage,
                "spans": [
                    span
                    for span in passage["spans"]
                    if not policy_of_span(passage["text"], span["start"], span["end"], span["kind"])
                ],
            }
            for passage in passages
        ]
        result.under_policy = _score(set_aside, all_findings, result.seconds_per_passage)
    return result


def _score(passages: list[dict], all_findings: list[list[Finding]], seconds_per_passage: float) -> Result:
    kinds = {kind: KindScore() for kind in KINDS}
    result = Result(kinds, len(passages), 0, 0, seconds_per_passage)
    for passage, findings in zip(passages, all_findings, strict=True):
        spans = passage["spans"]
        if not spans:
            result.clean_passages += 1
            if findings:
                result.clean_with_findings += 1
                result.false_positives += [(passage["id"], f.kind, f.text) for f in findings]
            continue
        for span in spans:
            score = kinds[span["kind"]]
            score.labelled += 1
            if any(_covers_half(f, span) for f in findings):
                score.found_any_kind += 1
            else:
                result.misses.append((passage["id"], span["kind"], passage["text"][span["start"] : span["end"]]))
            if any(f.kind == span["kind"] and _covers_half(f, span) for f in findings):
                score.found_same_kind += 1
        for finding in findings:
            score = kinds[finding.kind]
            score.findings += 1
            if any(_overlap(finding.start, finding.end, s["start"], s["end"]) for s in spans):
                score.correct_findings += 1
            else:
                result.false_positives.append((passage["id"], finding.kind, finding.text))
    return result


@dataclass
class Timing:
    median_ms: float  # wall clock
    p95_ms: float
    cpu_median_ms: float  # process CPU time: steadier than the wall clock on a shared machine
    samples: int


def time_long_passages(passages: list[dict], length: int = 2000, repeats: int = 5) -> Timing:
    """Milliseconds to scan passages of `length` characters made of consecutive corpus passages.

    Every window of the corpus is timed `repeats` times; the median and 95th percentile are over all runs.
    """
    texts: list[str] = []
    current = ""
    for passage in passages:
        current += passage["text"] + "\n"
        if len(current) >= length:
            texts.append(current[:length])
            current = ""
    if not texts:
        texts = [(current * (length // max(1, len(current)) + 1))[:length]]
    find_personal_data(texts[0])  # the name data is loaded on first use: not part of the steady cost
    runs: list[float] = []
    cpu_runs: list[float] = []
    for _ in range(repeats):
        for text in texts:
            started, cpu_started = time.perf_counter(), time.process_time()
            find_personal_data(text)
            runs.append((time.perf_counter() - started) * 1000)
            cpu_runs.append((time.process_time() - cpu_started) * 1000)
    runs.sort()
    p95 = runs[min(len(runs) - 1, int(len(runs) * 0.95))]
    return Timing(statistics.median(runs), p95, statistics.median(cpu_runs), len(runs))


_FIRST_CALL = """
import gc, resource, sys, time
sys.path.insert(0, {root!r})

def resident():
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * resource.getpagesize()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

started = time.perf_counter()
from core.anonymisation import find_personal_data, load_name_data
imported = time.perf_counter()
gc.collect()
before = resident()
find_personal_data("Dwayne said he would ring.")
called = time.perf_counter()
gc.collect()
grown = resident() - before
data = load_name_data()
print(imported - started, called - imported, data.load_seconds, data.memory_bytes, grown, len(data.given_names),
      len(data.surnames), len(data.english_words), data.source, sep="|")
"""


def first_call_cost() -> str:
    """Import time, first-call time and name-data load time and memory, measured in a fresh process."""
    output = subprocess.run(
        [sys.executable, "-c", _FIRST_CALL.format(root=str(REPO_ROOT))],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    imported, first, load, memory, grown, given, surnames, english, source = output.split("|")
    return (
        f"fresh process: import {float(imported) * 1000:.0f} ms; first call {float(first) * 1000:.0f} ms "
        f"(of which name data {float(load) * 1000:.0f} ms); name sets {int(memory) / 1e6:.1f} MB, process grew "
        f"{int(grown) / 1e6:.1f} MB on the first call (Faker's modules included)\n"
        f"name data: {int(given):,} first names, {int(surnames):,} surnames, {int(english):,} names that are "
        f"English words; {source}"
    )


def report(result: Result, timing: Timing) -> str:
    lines = [
        f"{'kind':<15}{'labelled':>9}{'recall':>9}{'recall(same kind)':>19}"
        f"{'findings':>10}{'precision':>11}{'target':>8}",
        "-" * 81,
    ]
    for kind in KINDS:
        score = result.kinds[kind]
        lines.append(
            f"{kind:<15}{score.labelled:>9}{score.recall:>9.3f}{score.recall_same_kind:>19.3f}"
            f"{score.findings:>10}{score.precision:>11.3f}{RECALL_TARGETS[kind]:>8.2f}"
        )
    total_labelled = sum(score.labelled for score in result.kinds.values())
    total_found = sum(score.found_any_kind for score in result.kinds.values())
    lines += [
        "-" * 81,
        f"{'all':<15}{total_labelled:>9}{total_found / max(1, total_labelled):>9.3f}"
        f"{'':>19}{sum(s.findings for s in result.kinds.values()):>10}{result.precision:>11.3f}",
        "",
        f"passages: {result.passages} ({result.passages - result.clean_passages} with identifiers, "
        f"{result.clean_passages} clean)",
        f"false-positive rate on clean passages: {result.clean_with_findings}/{result.clean_passages} = "
        f"{result.false_positive_rate:.3f} (target <= {MAX_FALSE_POSITIVE_RATE:.2f})",
        f"runtime: {result.seconds_per_passage * 1000:.3f} ms per passage (mean); per 2,000 characters: "
        f"median {timing.median_ms:.2f} ms, p95 {timing.p95_ms:.2f} ms, CPU-time median {timing.cpu_median_ms:.2f} ms "
        f"({timing.samples} runs; target median < 5)",
    ]
    return "\n".join(lines + policy_report(result))


def policy_report(result: Result) -> list[str]:
    """How many labelled spans the gate's policy says are not personal data, and the figures that move without them."""
    if result.under_policy is None:
        return ["labelled spans that the gate's policy says are not personal data: none"]
    counts: dict[str, int] = {}
    for _id, _kind, policy, _text in result.policy_spans:
        counts[policy] = counts.get(policy, 0) + 1
    adjusted = result.under_policy
    lines = [
        "",
        f"labelled spans that the gate's policy says are not personal data (core/anonymisation/policy.py): "
        f"{len(result.policy_spans)} ("
        + ", ".join(f"{count} {policy}" for policy, count in sorted(counts.items()))
        + "); with them set aside:",
    ]
    for kind in KINDS:
        before, after = result.kinds[kind], adjusted.kinds[kind]
        if before.labelled != after.labelled:
            lines.append(
                f"  {kind:<15}labelled {after.labelled:>5}  recall {after.recall:.3f} "
                f"(as labelled: {before.recall:.3f})"
            )
    lines.append(
        f"  clean passages with any finding: {adjusted.clean_with_findings}/{adjusted.clean_passages} = "
        f"{adjusted.false_positive_rate:.3f} (as labelled: {result.false_positive_rate:.3f})"
    )
    return lines


def parse_arguments(arguments: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark the anonymisation detector on labelled corpora.")
    parser.add_argument("corpora", nargs="*", type=Path, help="JSONL corpora (default: every one in bench/data)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and unlabelled finding")
    parser.add_argument("--ids", type=IdRange.parse, help="measure only ids in FIRST..LAST, e.g. ind-0001..ind-0240")
    return parser.parse_args(arguments)


def corpus_paths(paths: list[Path]) -> list[Path]:
    return paths or sorted(DATA.glob("anonymisation_corpus*.jsonl"))


def main(arguments: list[str]) -> int:
    options = parse_arguments(arguments)
    verbose = options.verbose
    print(first_call_cost())
    load_name_data()
    all_failures: list[str] = []
    for path in corpus_paths(options.corpora):
        passages = load_corpus(path, options.ids)
        result = measure(passages)
        subset = ""
        if options.ids and any(options.ids.has_form(passage["id"]) for passage in passages):
            subset = f" (ids {options.ids.spec} only)"
        print(f"\n== {path.name}{subset} ==")
        print(report(result, time_long_passages(passages)))
        if verbose:
            print("\nmisses:")
            for item in result.misses:
                print("  ", item)
            print("\nfindings not labelled:")
            for item in result.false_positives:
                print("  ", item)
            if result.policy_spans:
                print("\nlabelled, but not personal data under the gate's policy:")
                for item in result.policy_spans:
                    print("  ", item)
        failures = result.failures()
        if failures:
            print("\nTARGETS MISSED: " + "; ".join(failures))
            all_failures += [f"{path.name}: {failure}" for failure in failures]
        else:
            print("\nall targets met")
    return 1 if all_failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
