"""Health checks for /healthz: each returns "ok" or a short description of what failed."""

import redis
from django.conf import settings
from django.contrib import messages


def check_database(connection) -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - any failure means unhealthy
        return f"failing: {type(error).__name__}"
    return "ok"


def check_broker() -> str:
    if not settings.REDIS_URL:
        return "ok"  # tasks run in-process; there is no broker to reach
    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1).ping()
    except Exception as error:  # noqa: BLE001
        return f"failing: {type(error).__name__}"
    return "ok"


def tell_if_jobs_are_delayed(request, *, what: str, resumes: bool = True) -> None:
    """After saving something that a background job finishes: if the broker is away, say so. With `resumes`, the
    work is kept in the database and the periodic sweeps queue it again once the broker is back; without, the
    emails that job sends may not go out, and the person is asked to tell the programme team."""
    if check_broker() == "ok":
        return
    if resumes:
        text = (
            f"The background job service is not answering just now. {what} is saved and will carry on by itself "
            "when the service is back, usually within ten minutes: you do not need to do it again."
        )
    else:
        text = (
            f"The background job service is not answering just now. {what} is saved, but its emails may not go "
            "out: please tell the programme team."
        )
    messages.warning(request, text)
