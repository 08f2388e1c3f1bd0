#!/usr/bin/env python3
"""Convert the independently written anonymisation corpus markup into JSONL.

Reads  every *.md markup file in bench/data/independent/, sorted by file name
Writes bench/data/anonymisation_corpus_independent.jsonl

Markup (each .md file has the same format):
  * Everything before the first line starting with "@@ " is a preamble and ignored.
  * "@@ <genre code>" starts a passage; the passage text is every following line up
    to the next "@@ " line, with blank lines / whitespace at either end removed.
  * Lines starting with "%%" inside a passage are author comments and are dropped.
  * Identifiers are marked inline as [[kind:surface text]]; the surface text is kept
    verbatim in the passage and its character offsets become a span. The surface may
    run over a single line break (a name split across two lines of a quoted message).
  * Passage ids (ind-0001, ...) run on across the files in file-name order.

A second corpus, written later by another outsider who had not read the detector or the
first corpus, lives in bench/data/independent2/ and converts with
  --input bench/data/independent2
  --output bench/data/anonymisation_corpus_independent2.jsonl --prefix ind2
so its ids are ind2-0001, ... (the default prefix "ind" keeps the first corpus's ids). A third, in
bench/data/independent3/, converts with --as-written --prefix ind3 (see AS_WRITTEN). The later ones do the same with
their own folder and prefix: bench/data/independent4/ (ind4), and, each by two writers (files 01-06 and 07-12),
independent5/ (ind5) to independent15/ (ind15).

Standard library only. The converter does no detection of its own: every span comes
from the hand-written markup.
"""

import argparse
import collections
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
DEFAULT_IN = HERE / "data" / "independent"
DEFAULT_OUT = HERE / "data" / "anonymisation_corpus_independent.jsonl"

KINDS = (
    "name",
    "address",
    "postcode",
    "phone",
    "email",
    "nhs_number",
    "ni_number",
    "date_of_birth",
    "reference",
)

GENRES = {
    "sms": "text message",
    "email": "referral letter or email",
    "mtg": "multi-agency meeting notes",
    "sg": "safeguarding record or chronology",
    "sup": "supervision notes",
    "hsg": "housing or benefits correspondence",
    "med": "hospital or GP letter",
    "prob": "probation or OASys entry",
}

MARK_RE = re.compile(r"\[\[([a-z_]+):(.+?)\]\]", re.DOTALL)

NI_RE = re.compile(r"^[A-Z]{2}[0-9]{6}[A-D]$")
NI_BAD_FIRST = set("DFIQUV")
NI_BAD_SECOND = set("DFIOQUV")
NI_BAD_PREFIX = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}

POSTCODE_RE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][ABD-HJLNP-UW-Z]{2}$")


class MarkupError(Exception):
    pass


def nhs_ok(surface):
    digits = re.sub(r"\D", "", surface)
    if len(digits) != 10:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=False))
    check = 11 - total % 11
    if check == 11:
        check = 0
    if check == 10:
        return False
    return check == int(digits[9])


def ni_ok(surface):
    compact = re.sub(r"\s", "", surface).upper()
    if not NI_RE.match(compact):
        return False
    if compact[0] in NI_BAD_FIRST or compact[1] in NI_BAD_SECOND:
        return False
    return compact[:2] not in NI_BAD_PREFIX


def postcode_ok(surface):
    compact = re.sub(r"\s", "", surface).upper()
    return bool(POSTCODE_RE.match(compact))


def phone_ok(surface):
    digits = re.sub(r"\D", "", surface)
    return 10 <= len(digits) <= 14


# --as-written: the writer's labels are kept where a shape check below would refuse them (an NHS number with a wrong
# check digit, a phone number spelled out in words, an address over three lines): for a corpus whose writer was told
# otherwise, so that the labels are measured as written rather than corrected by the reader.
AS_WRITTEN = False


def check_surface(kind, surface):
    """Sanity checks that catch typing slips in the markup."""
    if surface != surface.strip():
        return "leading/trailing whitespace inside the span"
    if "[[" in surface or "\n\n" in surface:
        return "marker not closed where expected (span swallows a marker or lines)"
    if AS_WRITTEN:
        return None
    if surface.count("\n") > 1:
        return "marker not closed where expected (span swallows a marker or lines)"
    if kind == "nhs_number" and not nhs_ok(surface):
        return "NHS number fails the modulus-11 check"
    if kind != "name" and "\n" in surface:
        return "only a name may run over a line break"
    if kind == "ni_number" and not ni_ok(surface):
        return "NI number has the wrong shape"
    if kind == "postcode" and not postcode_ok(surface):
        return "postcode has the wrong shape"
    if kind == "phone" and not phone_ok(surface):
        return "phone number has an implausible digit count"
    if kind == "email" and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", surface):
        return "email has the wrong shape"
    if kind == "date_of_birth" and not re.search(r"\d", surface):
        return "date of birth has no digits"
    return None


def parse_passage(raw):
    """Turn one passage of markup into (text, spans)."""
    parts = []
    spans = []
    pos = 0
    length = 0
    for m in MARK_RE.finditer(raw):
        before = raw[pos : m.start()]
        parts.append(before)
        length += len(before)
        kind, surface = m.group(1), m.group(2)
        if kind not in KINDS:
            raise MarkupError(f"unknown kind {kind!r} in {m.group(0)!r}")
        problem = check_surface(kind, surface)
        if problem:
            raise MarkupError(f"{problem}: {m.group(0)!r}")
        spans.append({"start": length, "end": length + len(surface), "kind": kind})
        parts.append(surface)
        length += len(surface)
        pos = m.end()
    parts.append(raw[pos:])
    text = "".join(parts)
    if "[[" in text or "]]" in text:
        raise MarkupError(f"leftover [[ or ]] in text: {text[:80]!r}")
    for a, b in zip(spans, spans[1:], strict=False):
        if b["start"] < a["end"]:
            raise MarkupError(f"overlapping spans in {text[:80]!r}")
    return text, spans


def read_blocks(path):
    """Yield (line number, genre code, raw text) for each passage."""
    code = None
    start = None
    lines = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n").rstrip("\r")
            if line.startswith("@@ "):
                if code is not None:
                    yield start, code, "\n".join(lines)
                code = line[3:].strip()
                start = lineno
                lines = []
            elif code is not None:
                if line.startswith("%%"):
                    continue
                lines.append(line)
    if code is not None:
        yield start, code, "\n".join(lines)


def input_files(in_path):
    """The markup files to read: one file, or every *.md in a folder by file name."""
    if in_path.is_dir():
        return sorted(p for p in in_path.iterdir() if p.is_file() and p.suffix == ".md")
    return [in_path]


def build(in_path, prefix="ind"):
    records = []
    errors = []
    per_file = collections.OrderedDict()
    seen_ids = set()
    seen_texts = {}
    n = 0
    files = input_files(in_path)
    if not files:
        errors.append(f"no .md markup files found in {in_path}")
    for path in files:
        per_file[path.name] = [0, 0, 0]  # passages, clean, spans
        for lineno, code, raw in read_blocks(path):
            n += 1
            where = f"{path.name}:{lineno}"
            if code not in GENRES:
                errors.append(f"{where}: unknown genre code {code!r}")
                continue
            raw = raw.strip()
            if not raw:
                errors.append(f"{where}: empty passage")
                continue
            try:
                text, spans = parse_passage(raw)
            except MarkupError as exc:
                errors.append(f"{where}: {exc}")
                continue
            pid = f"{prefix}-{n:04d}"
            if pid in seen_ids:
                errors.append(f"{where}: duplicate id {pid}")
            seen_ids.add(pid)
            if text in seen_texts:
                errors.append(f"{where}: duplicate passage text (first at {seen_texts[text]})")
            seen_texts[text] = where
            records.append({"id": pid, "genre": GENRES[code], "text": text, "spans": spans})
            counts = per_file[path.name]
            counts[0] += 1
            counts[1] += 0 if spans else 1
            counts[2] += len(spans)
    return records, errors, per_file


def report(records, per_file=None):
    kinds = collections.Counter()
    genres = collections.Counter()
    genre_clean = collections.Counter()
    clean = 0
    for rec in records:
        genres[rec["genre"]] += 1
        if rec["spans"]:
            for span in rec["spans"]:
                kinds[span["kind"]] += 1
        else:
            clean += 1
            genre_clean[rec["genre"]] += 1
    print(f"passages: {len(records)} (with identifiers: {len(records) - clean}, clean: {clean})")
    print(f"identifier spans: {sum(kinds.values())}")
    print()
    print("per kind:")
    for kind in KINDS:
        print(f"  {kind:<14} {kinds[kind]:4d}")
    print()
    print("per genre (total / clean):")
    for _code, genre in GENRES.items():
        print(f"  {genre:<36} {genres[genre]:4d} / {genre_clean[genre]:3d}")
    if per_file:
        print()
        print("per file (passages / clean / spans):")
        for name, (total, nclean, nspans) in per_file.items():
            print(f"  {name:<36} {total:4d} / {nclean:3d} / {nspans:4d}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=pathlib.Path, default=DEFAULT_IN)
    parser.add_argument("--output", type=pathlib.Path, default=DEFAULT_OUT)
    parser.add_argument("--prefix", default="ind", help='passage id prefix (default "ind": ind-0001, ...)')
    parser.add_argument("--check", action="store_true", help="validate and print counts without writing the JSONL")
    parser.add_argument(
        "--as-written", action="store_true", help="keep labels the shape checks would refuse (see AS_WRITTEN)"
    )
    args = parser.parse_args(argv)
    global AS_WRITTEN
    AS_WRITTEN = args.as_written

    records, errors, per_file = build(args.input, prefix=args.prefix)
    if errors:
        for err in errors:
            print("ERROR " + err, file=sys.stderr)
        print(f"{len(errors)} error(s); nothing written", file=sys.stderr)
        return 1
    if not args.check:
        with open(args.output, "w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(f"wrote {len(records)} passages to {args.output}")
    report(records, per_file)
    return 0


if __name__ == "__main__":
    sys.exit(main())
