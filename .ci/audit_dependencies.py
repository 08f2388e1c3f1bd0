"""Known vulnerabilities in the locked dependencies, from PyPI's advisory data (what pip-audit's "pypi" service reads).

pip-audit asks PyPI for each release's JSON (/pypi/<name>/<version>/json). The network these machines are on
answers only the project JSON (/pypi/<name>/json), which carries the advisories of the latest release. So: the
release JSON where it answers, else the project JSON when the locked version is the latest. A package that can be
checked neither way fails the audit, unless HELD_BACK says why it is pinned below the latest.

Exit status 1 on any known vulnerability or any unexplained unchecked package.
"""

import json
import sys
import time
import tomllib
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HELD_BACK = {
    "bibtexparser": "pinned <2 in pyproject.toml: 2.x is a rewrite with another API (cases/services/citations.py)",
    "python-dateutil": "held at 2.x by celery and icalendar's requirements",
}


def fetch(url: str, attempts: int = 5) -> dict | None:
    """The JSON at `url`, or None for a 404. A network hiccup (a failed name lookup, a timeout) is tried again a
    few times before the audit gives up, since an audit that cannot ask must fail, not pass."""
    for attempt in range(1, attempts + 1):
        try:
            with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (a fixed https address)
                return json.load(response)
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return None
            if error.code < 500 or attempt == attempts:
                raise
        except (urllib.error.URLError, TimeoutError):
            if attempt == attempts:
                raise
        time.sleep(2**attempt)


def audit(package: tuple[str, str]) -> tuple[str, str, list | None]:
    name, version = package
    release = fetch(f"https://pypi.org/pypi/{name}/{version}/json")
    if release is None:
        project = fetch(f"https://pypi.org/pypi/{name}/json")
        if project is None or project["info"]["version"] != version:
            return name, version, None
        release = project
    live = [v for v in release.get("vulnerabilities") or [] if not v.get("withdrawn")]
    return name, version, live


def main() -> int:
    lock = tomllib.loads(Path(__file__).resolve().parent.parent.joinpath("uv.lock").read_text())
    packages = sorted({(p["name"], p["version"]) for p in lock["package"] if "registry" in p.get("source", {})})
    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(audit, packages))

    failed = False
    vulnerable = [(n, v, vulns) for n, v, vulns in results if vulns]
    unchecked = [(n, v) for n, v, vulns in results if vulns is None]
    for name, version, vulns in vulnerable:
        failed = True
        for vuln in vulns:
            fixed = ", ".join(vuln.get("fixed_in") or []) or "no fixed release"
            print(f"VULNERABLE {name} {version}: {vuln.get('id')} (fixed in {fixed}) {vuln.get('link', '')}")
    for name, version in unchecked:
        reason = HELD_BACK.get(name)
        if reason:
            print(f"not checked: {name} {version} is below the latest release ({reason})")
        else:
            failed = True
            print(f"NOT CHECKED {name} {version}: PyPI gave no advisory data for this release")
    checked = len(results) - len(unchecked)
    print(f"Dependency audit: {checked} of {len(results)} locked packages checked, {len(vulnerable)} vulnerable.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
