from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sites.services.imports import ImportRejected, import_members


class Command(BaseCommand):
    help = (
        "Import a member list (site,name,email,job_title,agency,sector,expert_by_experience,role,joined,left) "
        "from a CSV file, whole or not at all."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the CSV file.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"There is no file at {path}.")
        try:
            summary = import_members(data=path.read_bytes(), filename=path.name)
        except ImportRejected as rejected:
            for problem in rejected.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"Nothing was imported: {len(rejected.problems)} problem(s) in {path.name}.") from None
        self.stdout.write(self.style.SUCCESS(f"Imported {path.name}: {summary}."))
