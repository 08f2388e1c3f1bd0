"""The secret token behind a person's calendar feed URL."""

import secrets

from django.db import transaction

from members.models import User


@transaction.atomic
def issue_calendar_token(*, user: User, reset: bool = False) -> str:
    """Give the user a calendar token if they have none; with reset=True, always a new one
    (the old feed URL then stops working)."""
    if user.calendar_token and not reset:
        return user.calendar_token
    user.calendar_token = secrets.token_urlsafe(32)
    user.save(update_fields=["calendar_token"])
    return user.calendar_token
