"""Sending an email from its three templates: <name>_subject.txt, <name>.txt and <name>.html."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def build_email(template: str, *, to: list[str], context: dict, headers: dict | None = None) -> EmailMultiAlternatives:
    context = {"site_url": settings.SITE_URL, **context}
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    text = render_to_string(f"{template}.txt", context)
    html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=to, headers=headers or {})
    message.attach_alternative(html, "text/html")
    return message


def send_email(template: str, *, to: list[str], context: dict, headers: dict | None = None) -> None:
    build_email(template, to=to, context=context, headers=headers).send()
