"""A plain HTTP visitor for the app served by gunicorn: a signed-in session cookie, a CSRF cookie and token,
no redirects followed (a 302 is an answer), and connection errors reported rather than raised."""

import secrets
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.cookies import SimpleCookie


@dataclass
class Answer:
    status: int  # 0: no HTTP answer at all (connection refused or reset)
    body: str = ""
    headers: dict = field(default_factory=dict)
    error: str = ""


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    def __init__(self, base: str, session_cookie: str = ""):
        self.base = base
        self.csrf = secrets.token_hex(16)  # any 32-character secret: Django compares the cookie with the form
        self.cookies = {"csrftoken": self.csrf} | ({"sessionid": session_cookie} if session_cookie else {})
        self.opener = urllib.request.build_opener(_NoRedirects)

    def _send(self, request: urllib.request.Request, timeout: float) -> Answer:
        request.add_header("Cookie", "; ".join(f"{name}={value}" for name, value in self.cookies.items()))
        try:
            with self.opener.open(request, timeout=timeout) as response:
                self._keep_cookies(response.headers)
                return Answer(response.status, response.read().decode(), dict(response.headers))
        except urllib.error.HTTPError as answer:
            self._keep_cookies(answer.headers)
            return Answer(answer.code, answer.read().decode(errors="replace"), dict(answer.headers))
        except OSError as error:
            return Answer(0, error=f"{type(error).__name__}: {error}")

    def _keep_cookies(self, headers) -> None:
        """Like a browser (the messages framework keeps its messages in a cookie until the next page)."""
        for header in headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value

    def get(self, path: str, *, timeout: float = 30) -> Answer:
        return self._send(urllib.request.Request(self.base + path), timeout)

    def post(self, path: str, data: dict | list, *, timeout: float = 30) -> Answer:
        pairs = list(data.items()) if isinstance(data, dict) else list(data)
        body = urllib.parse.urlencode([("csrfmiddlewaretoken", self.csrf), *pairs]).encode()
        request = urllib.request.Request(self.base + path, data=body, method="POST")
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
        return self._send(request, timeout)
