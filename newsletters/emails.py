"""The newsletter email, built from the same templates for sending and for the editor's preview."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils.crypto import salted_hmac

from core.emails import build_email
from core.markdown import render_markdown
from newsletters.models import Edition, NewsletterIssue
from newsletters.selectors import issue_sections

TEMPLATE = "newsletters/emails/issue"


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def issue_context(issue: NewsletterIssue, edition: str, *, unsubscribe_token: str, sections=None) -> dict:
    archive = "newsletters:issue_members" if edition == Edition.MEMBERS else "newsletters:issue_public"
    return {
        "issue": issue,
        "edition": edition,
        "is_public_edition": edition == Edition.PUBLIC,
        "introduction_html": render_markdown(issue.introduction),
        "sections": sections if sections is not None else issue_sections(issue, edition),
        "unsubscribe_url": absolute(reverse("newsletters:unsubscribe", args=[unsubscribe_token])),
        "archive_url": absolute(reverse(archive, args=[issue.slug])),
        "subscribe_url": absolute(reverse("newsletters:subscribe")),
    }


def message_id(issue_id: int, email: str) -> str:
    """The same Message-ID whenever this issue goes to this address, so a resend after a worker
    died mid-send can be recognised as the same message by the receiving server."""
    digest = salted_hmac("newsletters.message-id", f"{issue_id}:{email.lower()}", algorithm="sha256").hexdigest()[:24]
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip("> ")
    return f"<newsletter-{issue_id}-{digest}@{domain}>"


def build_issue_email(
    issue: NewsletterIssue, *, email: str, edition: str, unsubscribe_token: str, sections=None
) -> EmailMultiAlternatives:
    context = issue_context(issue, edition, unsubscribe_token=unsubscribe_token, sections=sections)
    headers = {
        "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Message-ID": message_id(issue.pk, email),
    }
    return build_email(TEMPLATE, to=[email], context=context, headers=headers)
