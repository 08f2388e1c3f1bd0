"""The half-hour idle timeout without a database write on every request.

Django's SESSION_SAVE_EVERY_REQUEST writes the session row (and commits) on every request, even one that changes
nothing: on the busiest pages that write cost more than the page's own queries. Here a session that was not changed is
saved again only when its last save is more than SESSION_REFRESH_SECONDS old, so a person idle for
SESSION_COOKIE_AGE is still signed out (within that minute) and a person clicking about writes once a minute.
"""

import time

from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware

REFRESHED_KEY = "_refreshed_at"


class IdleTimeoutSessionMiddleware(SessionMiddleware):
    def process_response(self, request, response):
        session = getattr(request, "session", None)
        if session is not None and session.session_key:
            now = int(time.time())
            last_saved = session.get(REFRESHED_KEY, 0)  # loads the session, which may turn out expired and empty
            stale = now - last_saved >= settings.SESSION_REFRESH_SECONDS
            if (session.modified or stale) and not session.is_empty():
                session[REFRESHED_KEY] = now
        return super().process_response(request, response)
