"""An email backend that fails like an unreachable mail server, for the tests of resending."""

from django.core.mail.backends.base import BaseEmailBackend


class Backend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise OSError("The mail server did not answer.")
