"""Access at the view edge: the one way a view fetches an object the person asked for by id.

Selectors return data and never raise HTTP errors; views call `get_visible_or_404` with the permission that
decides (django-rules). Someone who may not see the object gets a 404, so its existence is not revealed; someone
who may see it but not change it gets a 403 when the view asks for `change_perm`."""

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

FACILITATORS_ONLY = "Only this site's facilitators can do that."


def get_visible_or_404[T: Model](
    queryset: type[T] | QuerySet[T],
    user,
    perm: str,
    *,
    change_perm: str | None = None,
    refusal: str = FACILITATORS_ONLY,
    **lookup,
) -> T:
    """The object of `queryset` matching `lookup` if `user` has `perm` on it (404 otherwise); with `change_perm`,
    also that permission (403 with `refusal` otherwise)."""
    obj = get_object_or_404(queryset, **lookup)
    if not user.has_perm(perm, obj):
        raise Http404
    if change_perm is not None and not user.has_perm(change_perm, obj):
        raise PermissionDenied(refusal)
    return obj
