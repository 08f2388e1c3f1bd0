"""Demo data for the newsletter: last month's issue, compiled as a draft for a broker to edit."""

from django.utils import timezone

from newsletters.services.compile import compile_newsletter, previous_month


def create_demo_newsletter() -> None:
    compile_newsletter(month=previous_month(timezone.localdate()))
