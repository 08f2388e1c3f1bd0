"""`manage.py make_digest`: the same digest from the command line, with clear errors."""

import pytest
from django.core.management import CommandError, call_command

from tests.digests.conftest import ISSUE_HOUSING, ISSUE_WEEKEND
from tests.digests.pdftext import read_pdf

pytestmark = pytest.mark.django_db


def test_make_digest_writes_the_pdf_for_the_sites_asked(programme, tmp_path, capsys):
    out = tmp_path / "digest.pdf"
    call_command(
        "make_digest", "--from", programme["start"].isoformat(), "--to", programme["end"].isoformat(),
        "--sites", "cp3", "--out", str(out),
    )  # fmt: skip
    _, text = read_pdf(out.read_bytes())
    assert ISSUE_HOUSING in text and ISSUE_WEEKEND not in text
    assert "Wrote" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args, message",
    [
        (["--from", "2026-02-30", "--to", "2026-03-31"], "--from must be a date written YYYY-MM-DD"),
        (["--from", "2026-01-01", "--to", "31/03/2026"], "--to must be a date written YYYY-MM-DD"),
        (["--from", "2026-04-01", "--to", "2026-03-31"], "--to must be on or after --from"),
        (["--from", "2026-01-01", "--to", "2026-03-31", "--sites", "CP1,CP9"], "Unknown site code: CP9. Known: CP1"),
    ],
)
def test_make_digest_explains_bad_arguments(site, tmp_path, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("make_digest", *args, "--out", str(tmp_path / "x.pdf"))
    assert not (tmp_path / "x.pdf").exists()
