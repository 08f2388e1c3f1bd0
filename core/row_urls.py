"""One URL per row of a long list for the price of one reverse(): a page that links each of its hundred rows to the
same view reverses the view once with a marker and puts each row's pk in its place."""

from collections.abc import Callable

from django.urls import reverse

_MARKER = "987654321"


def url_for_pk(name: str) -> Callable[[int], str]:
    """A function giving reverse(name, args=[pk]) for any pk, for a URL pattern whose only argument is an int pk."""
    head, tail = reverse(name, args=[int(_MARKER)]).split(_MARKER)  # exactly one marker, or this fails loudly
    return lambda pk: f"{head}{int(pk)}{tail}"
