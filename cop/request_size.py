"""Refuse a request body bigger than MAX_REQUEST_BYTES from its Content-Length, before anything reads it.

Django reads a whole multipart body (spooling files to disk) before a form can refuse a file for its size, so a
200 MB upload would be received in full only to be refused. This middleware answers 413 from the headers alone;
the web server in front (README, "Production": nginx's client_max_body_size) refuses earlier still. A body sent
without Content-Length (chunked) is not read by Django at all."""

from django.conf import settings
from django.http import HttpResponse
from django.template import loader

from core.uploads import human_size


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.MAX_REQUEST_BYTES
        if length > limit:
            page = loader.render_to_string("413.html", {"size": human_size(length), "limit": human_size(limit)})
            return HttpResponse(page, status=413)  # the server closes the connection: the rest is never read
        return self.get_response(request)
