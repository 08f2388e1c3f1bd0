"""Known vulnerabilities in the locked dependencies (uv.lock).

Each locked package is checked by the first source that can answer for its exact version:
1. pip-audit with the OSV database (the maintained tool and its advisory source), where OSV can be reached;
2. PyPI's advisory data for the release (/pypi/<name>/<version>/json, what pip-audit's "pypi" service reads);
3. PyPI's project JSON (/pypi/<name>/json), whose advisories are those of the latest release only: it counts
   for a locked version only when that version is the latest.

A known vulnerability fails the run (exit status 1). A package that no source could check is listed with the
reason and does not fail the run: an upstream release must not turn CI red on its own (`make upgrade` is the step
that keeps up with releases). The line "N of M locked packages checked" is printed last.

Usage: audit_dependencies.py [--lock uv.lock] [--osv-url URL] [--pypi-url URL]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

OSV_URL = "https://api.osv.dev/v1/query"
PYPI_URL = "https://pypi.org/pypi"
PIP_AUDIT_TIMEOUT = 300
FETCH_ATTEMPTS = 4  # a network hiccup is tried again, with a growing pause, before a package is left unchecked
FETCH_BACKOFF_SECONDS = 1.0


@dataclass
class Vulnerability:
    id: str
    fixed_in: list[str]
    link: str = ""


@dataclass
class Result:
    name: str
    version: str
    source: str = ""  # which source checked it; empty when none could
    vulnerabilities: list[Vulnerability] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # why each source that was tried could not check it

    @property
    def checked(self) -> bool:
        return bool(self.source)


class Unreachable(Exception):
    """A source that could not be asked (network, server error): the package stays unchecked."""


def locked_packages(lock_path: Path) -> list[tuple[str, str]]:
    lock = tomllib.loads(lock_path.read_text())
    return sorted({(p["name"], p["version"]) for p in lock["package"] if "registry" in p.get("source", {})})


def osv_results(packages: list[tuple[str, str]], osv_url: str) -> dict[str, list[Vulnerability]] | str:
    """pip-audit's answer from OSV for every package, or the reason it could not give one."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as requirements:
        requirements.writelines(f"{name}=={version}\n" for name, version in packages)
    command = [
        sys.executable, "-m", "pip_audit", "--requirement", requirements.name, "--no-deps", "--disable-pip",
        "--vulnerability-service", "osv", "--osv-url", osv_url, "--format", "json", "--progress-spinner", "off",
    ]  # fmt: skip
    try:
        completed = subprocess.run(command, capture_output=True, text=True, timeout=PIP_AUDIT_TIMEOUT)  # noqa: S603
    except subprocess.TimeoutExpired:
        return f"pip-audit did not answer within {PIP_AUDIT_TIMEOUT} s"
    finally:
        Path(requirements.name).unlink()
    try:
        report = json.loads(completed.stdout)
    except json.JSONDecodeError:
        lines = [line.strip() for line in completed.stderr.splitlines() if line.strip()]
        return f"pip-audit could not reach OSV at {osv_url}: {lines[-1][-200:] if lines else 'no output'}"
    answers = {}
    for dependency in report.get("dependencies", []):
        if "skip_reason" in dependency:
            continue
        answers[canonical(dependency["name"])] = [
            Vulnerability(id=v["id"], fixed_in=v.get("fix_versions") or []) for v in dependency.get("vulns", [])
        ]
    return answers


def fetch_json(url: str) -> dict | None:
    """The JSON at `url`, None for a 404; Unreachable when the network or the server failed every attempt."""
    for attempt in range(1, FETCH_ATTEMPTS + 1):
        try:
            with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (an https or loopback address)
                return json.load(response)
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return None
            problem = f"HTTP {error.code}"
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            problem = str(getattr(error, "reason", error))
        if attempt < FETCH_ATTEMPTS:
            time.sleep(FETCH_BACKOFF_SECONDS * 2 ** (attempt - 1))
    raise Unreachable(f"{url} could not be read ({problem})")


def pypi_vulnerabilities(data: dict) -> list[Vulnerability]:
    return [
        Vulnerability(id=v.get("id", "?"), fixed_in=v.get("fixed_in") or [], link=v.get("link", ""))
        for v in data.get("vulnerabilities") or []
        if not v.get("withdrawn")
    ]


def check_on_pypi(result: Result, pypi_url: str) -> None:
    name, version = result.name, result.version
    try:
        release = fetch_json(f"{pypi_url}/{name}/{version}/json")
        if release is not None:
            result.source, result.vulnerabilities = "PyPI release data", pypi_vulnerabilities(release)
            return
        project = fetch_json(f"{pypi_url}/{name}/json")
    except Unreachable as error:
        result.reasons.append(f"PyPI: {error}")
        return
    if project is None:
        result.reasons.append("PyPI: no such project")
    elif project["info"]["version"] != version:
        latest = project["info"]["version"]
        result.reasons.append(f"PyPI gives advisories for the latest release only, which is {latest}")
    else:
        result.source, result.vulnerabilities = "PyPI latest-release data", pypi_vulnerabilities(project)


def canonical(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def audit(packages: list[tuple[str, str]], *, osv_url: str, pypi_url: str) -> list[Result]:
    results = [Result(name, version) for name, version in packages]
    osv = osv_results(packages, osv_url)
    if isinstance(osv, str):
        print(f"{osv}\nFalling back to PyPI's advisory data for every package.")
    else:
        for result in results:
            if canonical(result.name) in osv:
                result.source, result.vulnerabilities = "OSV (pip-audit)", osv[canonical(result.name)]
            else:
                result.reasons.append("OSV gave no answer for this release")
    unchecked = [r for r in results if not r.checked]
    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(lambda r: check_on_pypi(r, pypi_url), unchecked))
    return results


def report(results: list[Result]) -> int:
    vulnerable = [r for r in results if r.vulnerabilities]
    unchecked = [r for r in results if not r.checked]
    for result in vulnerable:
        for vuln in result.vulnerabilities:
            fixed = ", ".join(vuln.fixed_in) or "no fixed release yet"
            print(f"VULNERABLE {result.name} {result.version}: {vuln.id} (fixed in {fixed}) {vuln.link}".rstrip())
    for result in unchecked:
        print(f"not checked: {result.name} {result.version}: " + "; ".join(result.reasons or ["no source answered"]))
    sources: dict[str, int] = {}
    for result in results:
        if result.checked:
            sources[result.source] = sources.get(result.source, 0) + 1
    by_source = ", ".join(f"{count} by {source}" for source, count in sorted(sources.items()))
    checked = len(results) - len(unchecked)
    print(
        f"Dependency audit: {checked} of {len(results)} locked packages checked"
        f"{f' ({by_source})' if by_source else ''}, {len(vulnerable)} vulnerable, {len(unchecked)} not checked."
    )
    return 1 if vulnerable else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lock", type=Path, default=Path(__file__).resolve().parent.parent / "uv.lock")
    parser.add_argument("--osv-url", default=OSV_URL)
    parser.add_argument("--pypi-url", default=PYPI_URL)
    args = parser.parse_args(argv)
    return report(audit(locked_packages(args.lock), osv_url=args.osv_url, pypi_url=args.pypi_url.rstrip("/")))


if __name__ == "__main__":
    sys.exit(main())
