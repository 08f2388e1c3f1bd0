"""Every email the service sends links to the one page of email preferences: each kind of email (the same walk as
the hostile-text test, which fails when a new email is not in it) is sent through the outbox, and every message,
text and HTML, carries the link."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from tests.factories import MembershipFactory
from tests.security.test_hostile_emails import EMAILS


@pytest.mark.parametrize("template", sorted(EMAILS))
def test_every_email_links_to_the_preferences_page(world, template, django_capture_on_commit_callbacks):
    link = settings.SITE_URL + reverse("email_preferences")
    MembershipFactory(site=world.site, person__email="second@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        EMAILS[template].send(world, "Weekend crises")
    assert mail.outbox, f"{template}: nothing was sent"
    for message in mail.outbox:
        assert link in message.body, f"{template}: no link to the email preferences in the text"
        assert f'href="{link}"' in message.alternatives[0].content, f"{template}: no link in the HTML"
