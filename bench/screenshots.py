"""Screenshots of every main page, as each demo role sees it, at 1280 and 390 pixels wide, to look at by eye.

    .venv/bin/python bench/screenshots.py [--out screenshots] [--only admin,member]

Starts its own server (runserver, DEBUG on) on a fresh SQLite database with the demo data, signs in as each demo
account, follows every entry of that role's menu plus the pages below them (a site, a meeting, its register and
record, a case, a digest), and saves full-page PNGs as <out>/<role>/<width>-<page>.png. The folder is not committed.
"""

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO_ROOT = Path(__file__).resolve().parent.parent
WIDTHS = [1280, 390]
ROLES = {
    "admin": "admin@example.org",
    "facilitator": "facilitator@example.org",
    "member": "member@example.org",
    "broker": "broker@example.org",
    "commissioner": "commissioner@example.org",
}
# Pages below the menu: from the first page already listed whose address matches the first pattern, follow the
# first link whose address matches the second.
DEEPER = [
    (r"^/sites/$", r"^/sites/\d+/$"),
    (r"^/sites/\d+/$", r"^/sites/meetings/\d+/$"),
    (r"^/sites/\d+/$", r"^/sites/meetings/\d+/register/$"),
    (r"^/sites/meetings/\d+/$", r"^/sites/meetings/\d+/record/$"),
    (r"^/sites/meetings/\d+/$", r"^/sites/meetings/\d+/agenda/$"),
    (r"^/sites/\d+/$", r"^/people/sites/\d+/members/$"),
    (r"^/sites/\d+/$", r"^/sites/import/$"),
    (r"^/cases/$", r"^/cases/\d+/$"),
    (r"^/repository/$", r"^/repository/\d+/$"),
    (r"^/evidence/$", r"^/evidence/\d+/$"),
    (r"^/evidence/questions/$", r"^/evidence/questions/\d+/$"),
    (r"^/newsletter/manage/$", r"^/newsletter/manage/\d+/$"),
    (r"^/newsletter/manage/\d+/$", r"^/newsletter/manage/\d+/deliveries/$"),
    (r"^/digests/$", r"^/digests/\d+/$"),
    (r"^/digests/$", r"^/digests/issues/$"),
    (r"^/evaluation/dashboard/$", r"^/evaluation/sites/\d+/$"),
    (r"^/evaluation/surveys/$", r"^/evaluation/surveys/\d+/$"),
    (r"^/forum/$", r"^/forum/programme/$"),
    (r"^/forum/$", r"^/forum/threads/\d+/$"),
]
SIGNED_OUT = ["/accounts/login/", "/privacy/", "/newsletter/", "/newsletter/subscribe/"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(folder: Path) -> tuple[subprocess.Popen, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cop.settings",
        "DATABASE_URL": f"sqlite:///{folder / 'screens.sqlite3'}",
        "DEBUG": "true",
        "SECRET_KEY": "screenshots-only-not-secret",
        "MFA_REQUIRED": "false",
        "REDIS_URL": "",
        "PRIVATE_MEDIA_ROOT": str(folder / "media"),
    }
    manage = [sys.executable, str(REPO_ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True)
    subprocess.run([*manage, "load_demo_data"], env=env, check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    log = (folder / "server.log").open("wb")
    server = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=1)  # noqa: S310 (our own local server)
            return server, base
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"The server did not start; see {folder / 'server.log'}")


def slug(path: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"


def pages_for(page, base: str) -> list[str]:
    menu = page.locator("#main-nav ul.me-auto a")
    paths = [re.sub(r"^https?://[^/]+", "", href) for href in menu.evaluate_all("els => els.map(e => e.href)")]
    paths = [p for p in paths if not p.startswith("/admin/")]
    for start, pattern in DEEPER:
        origin = next((p for p in paths if re.match(start, p)), None)
        if origin is None:
            continue
        page.goto(base + origin)
        hrefs = page.locator("main a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        found = next((h for h in hrefs if h and re.match(pattern, h)), None)
        if found:
            paths.append(found)
    return list(dict.fromkeys(paths))


# Text a UK reader should not meet: American or ISO dates, a.m./p.m. times.
NOT_UK = re.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}\b|\b\d{4}-\d{2}-\d{2}\b|\b[ap]\.m\."
)


def check(page, label: str) -> list[str]:
    """What can be found without eyes: sideways overflow, dates and times not in UK style."""
    notes = []
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    if overflow > 0:
        notes.append(f"{label}: the page is {overflow}px wider than the window")
    text = page.locator("main").inner_text()
    notes += [f"{label}: not UK style: {match.group(0)!r}" for match in NOT_UK.finditer(text)]
    return notes


def shoot(page, base: str, paths: list[str], folder: Path, notes: list[str]) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for path in paths:
            page.goto(base + path, wait_until="load")
            page.screenshot(path=folder / f"{width}-{slug(path)}.png", full_page=True)
            notes += check(page, f"{folder.name} {path} at {width}px")
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO_ROOT / "screenshots"))
    parser.add_argument("--only", default=",".join(ROLES), help="comma-separated roles: " + ", ".join(ROLES))
    args = parser.parse_args()
    out = Path(args.out)
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    from sites.demo import DEMO_PASSWORD

    with tempfile.TemporaryDirectory(prefix="cop-screens-") as tmp:
        server, base = start_server(Path(tmp))
        count, notes = 0, []
        try:
            with sync_playwright() as p:
                flags = ["--no-sandbox", "--headless", "--lang=en-GB"]  # date fields as a UK browser shows them
                browser = p.chromium.launch(executable_path=chromium, args=flags)
                page = browser.new_page(locale="en-GB", timezone_id="Europe/London")  # as a UK user's browser
                count += shoot(page, base, SIGNED_OUT, out / "signed-out", notes)
                for role in args.only.split(","):
                    page.context.clear_cookies()
                    page.set_viewport_size({"width": 1280, "height": 900})
                    page.goto(f"{base}/accounts/login/")
                    page.get_by_label("Email").fill(ROLES[role])
                    page.get_by_label("Password").fill(DEMO_PASSWORD)
                    page.get_by_role("button", name="Sign in").click()
                    page.wait_for_url(f"{base}/")
                    count += shoot(page, base, pages_for(page, base), out / role, notes)
                browser.close()
        finally:
            server.terminate()
            server.wait(10)
    print(f"{count} screenshots in {out}")
    print("\n".join(notes) or "No sideways overflow, no dates or times in other than UK style.")


if __name__ == "__main__":
    sys.path.insert(0, str(REPO_ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cop.settings")
    os.environ.setdefault("SECRET_KEY", "screenshots-only-not-secret")
    import django

    django.setup()
    main()
