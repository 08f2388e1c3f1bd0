import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from sites.services.matrix import build_membership_matrix, matrix_csv


class Command(BaseCommand):
    help = "Print the membership matrix (the report's Figure 1) for every site, as JSON or CSV."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--as-of", dest="as_of", help="YYYY-MM-DD; today if left out.")

    def handle(self, *args, **options):
        try:
            as_of = date.fromisoformat(options["as_of"]) if options["as_of"] else timezone.localdate()
        except ValueError:
            raise CommandError(f"--as-of {options['as_of']} is not a date: write it as YYYY-MM-DD.") from None
        matrix = build_membership_matrix(as_of=as_of)
        if options["format"] == "csv":
            self.stdout.write(matrix_csv(matrix), ending="")
        else:
            self.stdout.write(json.dumps(matrix.as_dict(), ensure_ascii=False, indent=2))
