from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from cases.demo import create_demo_cases
from forum.demo import create_demo_forum
from newsletters.digest_demo import create_demo_digest_data
from sites.cycle_demo import create_demo_meeting_cycle
from sites.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, create_demo_data
from toolkit.demo import create_toolkit_demo_data


class Command(BaseCommand):
    help = "Create the demo programme (six host sites, members, meetings, an account for every role). Safe to rerun."

    def handle(self, *args, **options):
        # Making the demo sends no email (approving a demo record would otherwise email every member).
        with override_settings(MAILERS={"default": {"BACKEND": "django.core.mail.backends.dummy.EmailBackend"}}):
            created = create_demo_data()
            create_demo_cases()
            create_toolkit_demo_data()
            create_demo_meeting_cycle()
            create_demo_digest_data()
            create_demo_forum()
        self.stdout.write("Demo data created." if created else "Demo data already present: nothing changed.")
        self.stdout.write(f"\nDemo sign-ins (password for all: {DEMO_PASSWORD})")
        for email, _name, role in DEMO_ACCOUNTS:
            self.stdout.write(f"  {role:<30} {email}")
