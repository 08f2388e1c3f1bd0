from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from demo.programme import create_demo_programme
from sites.demo import DEMO_ACCOUNTS, DEMO_PASSWORD


class Command(BaseCommand):
    help = "Create the demo programme (six host sites, members, meetings, an account for every role). Safe to rerun."

    def handle(self, *args, **options):
        # Making the demo sends no email (approving a demo record would otherwise email every member).
        with override_settings(MAILERS={"default": {"BACKEND": "django.core.mail.backends.dummy.EmailBackend"}}):
            created = create_demo_programme()
        self.stdout.write("Demo data created." if created else "Demo data already present: nothing changed.")
        self.stdout.write(f"\nDemo sign-ins (password for all: {DEMO_PASSWORD})")
        for email, _name, role in DEMO_ACCOUNTS:
            self.stdout.write(f"  {role:<30} {email}")
