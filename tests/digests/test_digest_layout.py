"""The demo digest read back as a reader sees it: every page is worth turning to, and nothing is said twice.

The pages are drawn as images (poppler's pdftoppm) to measure how much of each page holds content; the sections
come from the PDF's bookmarks; the sentences from its text.
"""

import re
import shutil
import subprocess
from collections import Counter
from datetime import date

import pytest
from django.core.management import call_command
from django.utils import timezone
from PIL import Image
from pypdf import PdfReader

from sites.models import Meeting

pytestmark = pytest.mark.django_db

DPI = 24
MARGIN_TOP_MM, MARGIN_BOTTOM_MM = 22, 20  # the digest's @page margins, where the running header and footer sit
MIN_FILL = 1 / 3


def page_fill(pdf_path, tmp_path) -> list[float]:
    """For each page, the share of the area between the margins that is used, from its top to the lowest mark."""
    pdftoppm = shutil.which("pdftoppm")  # poppler-utils, installed by make system-deps
    subprocess.run([pdftoppm, "-r", str(DPI), "-gray", "-png", str(pdf_path), str(tmp_path / "page")], check=True)  # noqa: S603
    fills = []
    for png in sorted(tmp_path.glob("page-*.png")):
        image = Image.open(png).convert("L")
        px_per_mm = DPI / 25.4
        top, bottom = round(MARGIN_TOP_MM * px_per_mm), image.height - round(MARGIN_BOTTOM_MM * px_per_mm)
        inked = [y for y in range(top, bottom) if image.crop((0, y, image.width, y + 1)).getextrema()[0] < 200]
        fills.append((inked[-1] - top + 1) / (bottom - top) if inked else 0.0)
    return fills


def section_starts(reader: PdfReader) -> set[int]:
    """Pages (from 0) on which a chapter starts: the bookmarks just under the title's."""
    title, chapters = reader.outline[0], reader.outline[1]  # the cover's title, then the list of what it holds
    return {reader.get_destination_page_number(title)} | {
        reader.get_destination_page_number(entry) for entry in chapters if not isinstance(entry, list)
    }


def sentences(text: str) -> list[str]:
    """Whole sentences of six words or more. A line starting with a capital after a line without a full stop
    starts a new piece, so a heading is not read as the start of the sentence under it."""
    pieces = (" ".join(piece.split()) for piece in re.split(r"(?<=[.!?])\s+|\n(?=[A-Z“\"])", text))
    return [piece for piece in pieces if len(piece.split()) >= 6 and piece.endswith((".", "!", "?"))]


@pytest.fixture
def demo_digest(tmp_path):
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    first = timezone.localdate(Meeting.objects.order_by("starts_at").first().starts_at)
    path = tmp_path / "digest.pdf"
    call_command(
        "make_digest",
        "--from",
        date(first.year, first.month, 1).isoformat(),
        "--to",
        timezone.localdate().isoformat(),
        "--out",
        str(path),
        stdout=open("/dev/null", "w"),  # noqa: SIM115
    )
    return path


def test_the_demo_digest_reads_well(demo_digest):
    """One demo digest (it takes a while to make) read three ways."""
    reader = PdfReader(demo_digest)

    # Every page but a chapter's last is at least a third full: no page of a few orphaned rows.
    fills = page_fill(demo_digest, demo_digest.parent)
    assert len(fills) == len(reader.pages) >= 8
    starts = section_starts(reader)
    assert len(starts) >= 6, "the cover, contents and the five chapters are bookmarked"
    last_of_chapter = {page - 1 for page in starts if page} | {len(fills) - 1}
    thin = [f"page {n + 1}: {fill:.0%}" for n, fill in enumerate(fills) if n not in last_of_chapter and fill < MIN_FILL]
    assert thin == [], "pages that hold little more than a few orphaned lines"

    # No sentence is said twice.
    said = Counter(s for page in reader.pages for s in sentences(page.extract_text() or ""))
    assert sum(said.values()) > 20
    assert [s for s, n in said.items() if n > 1] == []

    # A site that has ended is not "not yet" meeting its expected meetings.
    text = "\n".join((page.extract_text() or "") for page in reader.pages)
    rows = {code: re.search(rf"^{code} [^\n]*? \d+ \d+ (.+)$", text, re.MULTILINE) for code in ("CP2", "CP6")}
    assert "the site failed" in rows["CP2"].group(1)
    assert "the site closed" in rows["CP6"].group(1)
