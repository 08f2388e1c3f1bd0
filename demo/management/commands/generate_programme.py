"""Generate a synthetic programme for benchmarks: `python manage.py generate_programme [--small]`."""

import time

from django.core.management.base import BaseCommand, CommandError

from bench.generate import SMALL, Size, SyntheticDataExists, generate


class Command(BaseCommand):
    help = (
        "Generate a synthetic programme (sites SYN..., people @synthetic.invalid, meetings, attendance, cases) "
        "with bulk inserts, for benchmarks. Refuses to run twice unless --replace."
    )

    def add_arguments(self, parser):
        default = Size()
        parser.add_argument("--sites", type=int, default=default.sites)
        parser.add_argument("--members", type=int, default=default.members)
        parser.add_argument("--meetings", type=int, default=default.meetings)
        parser.add_argument("--attendance", type=int, default=default.attendance)
        parser.add_argument("--cases", type=int, default=default.cases)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--small", action="store_true", help="A quick set: 20 sites, 400 people, 800 cases.")
        parser.add_argument("--replace", action="store_true", help="Delete earlier synthetic data first.")

    def handle(self, *args, **options):
        if options["small"]:
            size = SMALL
        else:
            size = Size(**{name: options[name] for name in ("sites", "members", "meetings", "attendance", "cases")})
        if min(size.sites, size.members, size.meetings) < 1:
            raise CommandError("--sites, --members and --meetings must each be at least 1.")
        started = time.perf_counter()
        try:
            timings = generate(size=size, seed=options["seed"], replace=options["replace"])
        except SyntheticDataExists as error:
            raise CommandError(str(error)) from error
        for table, seconds in timings.seconds.items():
            self.stdout.write(f"{table:<28} {timings.rows[table]:>9,} rows  {seconds:7.2f} s")
        self.stdout.write(self.style.SUCCESS(f"Done in {time.perf_counter() - started:.1f} s."))
