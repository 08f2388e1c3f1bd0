from datetime import date, datetime

from django.core.management.base import BaseCommand, CommandError

from newsletters.models import IssueStatus
from newsletters.services.compile import compile_newsletter


def parse_month(value: str) -> date:
    try:
        return datetime.strptime(value.strip(), "%Y-%m").date().replace(day=1)
    except ValueError:
        raise CommandError(f"“{value}” is not a month. Give it as YYYY-MM, for example 2026-03.") from None


class Command(BaseCommand):
    help = "Compile (or refresh) the draft newsletter for a month."

    def add_arguments(self, parser):
        parser.add_argument("--month", required=True, help="The month to report on, as YYYY-MM.")

    def handle(self, *args, month: str, **options):
        issue = compile_newsletter(month=parse_month(month))
        if issue.status != IssueStatus.DRAFT:
            raise CommandError(
                f"The {issue.month:%B %Y} issue is already {issue.get_status_display().lower()}; it was not changed."
            )
        self.stdout.write(f"Compiled the draft {issue} ({issue.items.count()} items).")
