"""Browser tests read the page only through Playwright's waiting assertions.

`page.content()` and `locator.is_visible()` answer at once, so straight after a click they can read the page
that is being left, or an empty one mid-navigation: a test that passes on a quiet laptop fails on a busy CI
machine. `expect(...)` retries until the page settles, so every browser test uses it instead.
"""

import ast
from pathlib import Path

BROWSER_TESTS = Path(__file__).resolve().parents[1] / "browser"
IMMEDIATE_READS = {"content", "is_visible", "is_hidden", "is_checked", "is_enabled", "is_disabled"}


def immediate_reads(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in IMMEDIATE_READS:
            found.append(f"{path.name}:{node.lineno} .{node.func.attr}()")
    return found


def test_browser_tests_use_waiting_assertions():
    files = sorted(BROWSER_TESTS.glob("*.py"))
    assert len(files) > 10, "the browser tests have moved; point this test at them"
    offenders = [line for path in files for line in immediate_reads(path)]
    assert offenders == [], "use expect(...), which waits for the page to settle:\n" + "\n".join(offenders)
