"""When the database cannot be reached (restarting, failing over, out of connections), a request answers
503 "briefly unavailable" with a plain page, instead of a 500. The page is built without the database: no
signed-in person, no menus. Installed as handler500, so it also covers failures in middleware (the session,
the signed-in user), and as handler400, because Django turns a failure to save the session after the view into
SessionInterrupted, a 400."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views.defaults import bad_request, server_error

RETRY_AFTER_SECONDS = 60


def is_database_unavailable(error: BaseException | None) -> bool:
    """The error, or one it was raised from, is the database being unreachable."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, (OperationalError, InterfaceError)):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def service_unavailable() -> HttpResponse:
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error_or_unavailable(request, template_name="500.html"):
    """Django's 500 page, or the 503 page when the error is the database being unavailable."""
    if is_database_unavailable(sys.exc_info()[1]):
        return service_unavailable()
    return server_error(request, template_name=template_name)


def bad_request_or_unavailable(request, exception, template_name="400.html"):
    """Django's 400 page, or the 503 page when the bad request is the session failing to save because the
    database went away (SessionInterrupted raised from the database error)."""
    if is_database_unavailable(exception):
        return service_unavailable()
    return bad_request(request, exception, template_name=template_name)
