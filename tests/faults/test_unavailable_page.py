"""The 503 page's handlers decide from the exception chain: the database being away (directly, or behind the
session failing to save) is a 503 with the plain page; anything else keeps Django's 400 or 500."""

from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.exceptions import SessionInterrupted
from django.core.exceptions import SuspiciousOperation
from django.db import OperationalError
from django.test import RequestFactory

from cop.unavailable import bad_request_or_unavailable, server_error_or_unavailable

MESSAGE = "The service is briefly unavailable, please try again in a minute"


def session_lost_with_the_database() -> SessionInterrupted:
    """The chain Django builds when saving the session meets a dropped database connection."""
    try:
        try:
            try:
                raise OperationalError("terminating connection due to administrator command")
            except OperationalError:
                raise UpdateError()  # noqa: B904 - as Django's session store raises it
        except UpdateError:
            raise SessionInterrupted("The request's session was deleted before the request completed.")  # noqa: B904
    except SessionInterrupted as error:
        return error


def test_a_session_lost_with_the_database_is_a_503_not_a_400():
    response = bad_request_or_unavailable(RequestFactory().get("/"), session_lost_with_the_database())
    assert response.status_code == 503
    assert MESSAGE in response.content.decode()
    assert response["Retry-After"] == "60"


def test_other_bad_requests_stay_400():
    response = bad_request_or_unavailable(RequestFactory().get("/"), SuspiciousOperation("odd"))
    assert response.status_code == 400


def test_a_database_error_in_a_view_is_a_503_and_other_errors_stay_500():
    request = RequestFactory().get("/")
    try:
        raise OperationalError("could not connect to server: Connection refused")
    except OperationalError:
        response = server_error_or_unavailable(request)
    assert response.status_code == 503 and MESSAGE in response.content.decode()
    try:
        raise ValueError("a bug")
    except ValueError:
        assert server_error_or_unavailable(request).status_code == 500
