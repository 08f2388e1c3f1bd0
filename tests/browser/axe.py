"""axe-core (from the npm registry, see package.json) injected into pages by Playwright."""

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = {"serious", "critical"}


@dataclass
class AxeTally:
    pages: int = 0
    paths: set = field(default_factory=set)
    rules: set = field(default_factory=set)
    violations: list = field(default_factory=list)


TALLY = AxeTally()


def scan(page, label: str) -> list[dict]:
    """Run axe on the page; return serious and critical violations (and count what was checked)."""
    if not AXE_SCRIPT.exists():
        raise RuntimeError("axe-core is missing: run `npm ci` (make test does this).")
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations', 'passes']})")
    TALLY.pages += 1
    TALLY.paths.add(urlsplit(page.url).path)
    for group in ("violations", "passes", "incomplete", "inapplicable"):
        TALLY.rules.update(rule["id"] for rule in result.get(group, []))
    blocking = [
        {
            "page": label,
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
        if v["impact"] in BLOCKING_IMPACTS
    ]
    TALLY.violations.extend(blocking)
    return blocking
