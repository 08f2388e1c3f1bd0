"""Produce a commissioner digest from the command line:

python manage.py make_digest --from 2026-07-01 --to 2026-09-30 [--sites CP1,CP3] --out digest.pdf
"""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from digests.content import digest_content, digest_sites
from digests.pdf import render_content_pdf
from sites.models import Site


def _date(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{option} must be a date written YYYY-MM-DD, such as 2026-07-01; got {value!r}.") from None


class Command(BaseCommand):
    help = "Render a commissioner digest for a period (and optionally some sites) to a PDF file."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", required=True, help="First day of the period, YYYY-MM-DD.")
        parser.add_argument("--to", dest="end", required=True, help="Last day of the period, YYYY-MM-DD.")
        parser.add_argument(
            "--sites", default="", help="Site codes separated by commas, such as CP1,CP3 (default: all)."
        )
        parser.add_argument("--out", required=True, help="The PDF file to write.")

    def handle(self, *args, start, end, sites, out, **options):
        period_start, period_end = _date(start, "--from"), _date(end, "--to")
        if period_end < period_start:
            raise CommandError("--to must be on or after --from.")
        codes = [c.strip().upper() for c in sites.split(",") if c.strip()]
        chosen = list(Site.objects.filter(code__in=codes))
        unknown = sorted(set(codes) - {s.code.upper() for s in chosen})
        if unknown:
            known = ", ".join(Site.objects.order_by("code").values_list("code", flat=True)) or "none"
            raise CommandError(
                f"Unknown site code{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}. Known: {known}."
            )
        out_path = Path(out)
        if not out_path.parent.exists():
            raise CommandError(f"The folder {out_path.parent} does not exist.")
        site_list = digest_sites(
            sites_key="all" if not chosen else "chosen", site_ids=[s.pk for s in chosen], period_end=period_end
        )
        content = digest_content(period_start=period_start, period_end=period_end, sites=site_list)
        pdf = render_content_pdf(content)
        out_path.write_bytes(pdf)
        self.stdout.write(
            f"Wrote {out_path} ({len(pdf) // 1024} KB): {content['issue_count']} issues, "
            f"{len(content['learning_objects'])} learning objects, {content['withheld']} texts withheld."
        )
