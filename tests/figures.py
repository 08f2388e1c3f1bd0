"""What a test run counted (fuzzed submissions, authorisation combinations, axe scans, page weights), gathered from
every pytest-xdist worker into one set of figures for the run's summary."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

# The accessibility statement (/accessibility/) quotes the last recorded scan: `make accessibility-record` writes it.
ACCESSIBILITY_RECORD = Path(__file__).resolve().parents[1] / "cop" / "accessibility_record.json"
AXE_PACKAGE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "package.json"


def snapshot() -> dict:
    """This process's figures, as plain JSON-able data."""
    from tests.api.test_schema_fuzz import FUZZED
    from tests.browser.axe import TALLY
    from tests.browser.test_page_weight import WEIGHT
    from tests.security.matrix import CHECKED
    from tests.security.test_hostile_input import TRIED

    return {
        "hostile_submissions": TRIED["cases"],
        "matrix_combinations": CHECKED["combinations"],
        "fuzz_cases": FUZZED["cases"],
        "fuzz_operations": FUZZED["operations"],
        "axe_pages": TALLY.pages,
        "axe_paths": sorted(TALLY.paths),
        "axe_rules": sorted(TALLY.rules),
        "axe_violations": len(TALLY.violations),
        "weight_pages": WEIGHT["pages"],
        "weight_heaviest": list(WEIGHT["heaviest"]),
    }


def merge(total: dict | None, part: dict) -> dict:
    """Two processes' figures as one: counts add up, rules unite, the heaviest page is the heavier."""
    if total is None:
        return dict(part)
    merged = {key: total[key] + part[key] for key in total if isinstance(total[key], int)}
    merged["axe_paths"] = sorted(set(total["axe_paths"]) | set(part["axe_paths"]))
    merged["axe_rules"] = sorted(set(total["axe_rules"]) | set(part["axe_rules"]))
    merged["weight_heaviest"] = max(total["weight_heaviest"], part["weight_heaviest"], key=lambda h: h[1])
    return merged


def summary_lines(figures: dict) -> list[str]:
    from tests.security.matrix import MATRIX, ROLES

    lines = []
    if figures["hostile_submissions"]:
        lines.append(
            f"Hostile input: {figures['hostile_submissions']} fuzzed submissions, no server error, no live HTML."
        )
    if figures["matrix_combinations"]:
        lines.append(
            f"Authorisation matrix: {figures['matrix_combinations']} combinations checked over {len(MATRIX)} URL "
            f"patterns, {len(ROLES)} roles, GET and POST; unexpected answers fail the test."
        )
    if figures["fuzz_cases"]:
        lines.append(
            f"API schema fuzzing (schemathesis): {figures['fuzz_cases']} cases over {figures['fuzz_operations']} "
            "operation runs; a server error or a response not matching the schema fails the test."
        )
    if figures["axe_pages"]:
        lines.append(
            f"Accessibility (axe-core): {figures['axe_pages']} page scans, {len(figures['axe_rules'])} rules checked, "
            f"{figures['axe_violations']} serious or critical violations."
        )
    if figures["weight_pages"]:
        path, packed, raw = figures["weight_heaviest"]
        lines.append(
            f"JavaScript per page: {figures['weight_pages']} pages loaded, the heaviest ({path}) "
            f"{packed / 1024:.0f} KB compressed ({raw / 1024:.0f} KB raw); the budget is 100 KB."
        )
    return lines


def accessibility_record(figures: dict, keyboard_journeys: list[str], *, on: date) -> dict:
    """What the accessibility statement says about its testing, from a run of the axe scan and the keyboard journeys."""
    from tests.browser.test_accessibility import ROLE_EMAILS, WIDTHS

    return {
        "recorded_on": on.isoformat(),
        "axe_core_version": json.loads(AXE_PACKAGE.read_text())["version"],
        "page_scans": figures["axe_pages"],
        "addresses": len(figures["axe_paths"]),
        "rules": len(figures["axe_rules"]),
        "serious_or_critical": figures["axe_violations"],
        "widths": sorted(WIDTHS.values(), reverse=True),
        "roles": len(ROLE_EMAILS) + 1,  # and signed out
        "keyboard_journeys": sorted(keyboard_journeys),
    }


def write_accessibility_record(record: dict) -> None:
    ACCESSIBILITY_RECORD.write_text(json.dumps(record, indent=2) + "\n")
