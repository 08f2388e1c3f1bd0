"""Sending an email from its three templates: <name>_subject.txt, <name>.txt and <name>.html.

The subject and the plain-text body are text, not HTML: they are rendered without HTML escaping (a title
"Housing & health" reads as typed, not "Housing &amp; health") and returned as ordinary strings, never marked
safe, so that a page showing them (the newsletter preview) escapes them like any other text."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.urls import reverse


def render_text(template_name: str, context: dict) -> str:
    """A plain-text template rendered as text: no HTML escaping, and a plain `str` (not a SafeString)."""
    template = get_template(template_name).template  # the Django engine's own Template, to switch escaping off
    return str.__str__(template.render(Context(context, autoescape=False)))


def build_email(template: str, *, to: list[str], context: dict, headers: dict | None = None) -> EmailMultiAlternatives:
    # Every email ends with a link to the one page of email preferences (templates/emails/_preferences_footer.*).
    preferences = settings.SITE_URL + reverse("email_preferences")
    context = {"site_url": settings.SITE_URL, "email_preferences_url": preferences, **context}
    subject = " ".join(render_text(f"{template}_subject.txt", context).split())
    text = render_text(f"{template}.txt", context)
    html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=to, headers=headers or {})
    message.attach_alternative(html, "text/html")
    return message


def send_email(template: str, *, to: list[str], context: dict, headers: dict | None = None) -> None:
    build_email(template, to=to, context=context, headers=headers).send()
