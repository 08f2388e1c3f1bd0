"""Messages shown where the person is looking.

A view that sends the person to one part of a long page (`/sites/3/#budget-heading`) says what happened in that part,
not at the top of the page out of sight: it tags the message with the part's name (`success_at(request, "budget",
...)`), the part shows it (`messages_at(request, "budget")`), and base.html leaves placed messages out of the list at
the top of the page."""

from django.contrib import messages

PLACE_TAG = "placed-in-"


def success_at(request, place: str, text: str) -> None:
    messages.success(request, text, extra_tags=f"{PLACE_TAG}{place}")


def messages_at(request, place: str) -> list:
    """The messages for that part of the page (reading them marks them shown, like the template does)."""
    tag = f"{PLACE_TAG}{place}"
    return [message for message in messages.get_messages(request) if tag in message.extra_tags.split()]
