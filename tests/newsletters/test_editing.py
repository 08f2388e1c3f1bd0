"""The editor's own words: items rewritten through the anonymisation gate, free items, both kept when the issue is
compiled again; links that work from a mail program; last month chosen by default."""

import html

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from newsletters.emails import build_issue_email
from newsletters.forms import CompileForm
from newsletters.models import Audience, Edition, IssueStatus, NewsletterIssue, NewsletterItem, Section
from newsletters.services.compile import compile_newsletter
from newsletters.services.editing import add_free_item, approve_issue, update_introduction, update_item
from tests.newsletters.conftest import MARCH


def brighton(issue) -> NewsletterItem:
    return issue.items.get(section=Section.SITE_UPDATES, title="CP1 Brighton")


@pytest.mark.parametrize(
    "text", ["Ring John Smith on 07700 900123.", "Her NHS number is 943 476 5919.", "He lives at 4 Mill Lane, BN1 1AA."]
)
def test_rewritten_item_with_personal_data_is_refused_and_nothing_changes(march, text):
    issue = compile_newsletter(month=MARCH)
    item = brighton(issue)
    before = (item.title, item.body)
    with pytest.raises(ValidationError) as refused:
        update_item(item=item, title="CP1 Brighton", body=text, by=march["people"]["Kit Broker"])
    assert "could identify someone" in str(refused.value.message_dict["body"])
    item.refresh_from_db()
    assert (item.title, item.body) == before and item.edited_at is None


def test_rewritten_item_and_free_item_survive_compiling_again(march):
    broker = march["people"]["Kit Broker"]
    issue = compile_newsletter(month=MARCH)
    update_item(item=brighton(issue), title="CP1 Brighton", body="Two lively meetings.", by=broker)
    call = add_free_item(
        issue=issue, section=Section.NOTICES, title="Call for cases", body="Bring one.", audience=Audience.PUBLIC,
        by=broker,
    )  # fmt: skip
    compile_newsletter(month=MARCH)
    assert brighton(issue).body == "Two lively meetings."
    assert issue.items.get(pk=call.pk).body == "Bring one."


def test_approved_issue_takes_no_new_or_rewritten_items(march):
    broker = march["people"]["Kit Broker"]
    issue = approve_issue(issue=compile_newsletter(month=MARCH), by=broker)
    with pytest.raises(ValidationError):
        update_item(item=brighton(issue), title="x", body="y", by=broker)
    with pytest.raises(ValidationError):
        add_free_item(issue=issue, section=Section.NOTICES, title="x", body="y", audience=Audience.PUBLIC, by=broker)


def test_relative_links_are_absolute_in_both_parts_of_the_email(march, settings):
    settings.SITE_URL = "https://cop.example.org"
    issue = compile_newsletter(month=MARCH)
    update_introduction(issue=issue, introduction="See [the repository](/repository/).", by=None)
    update_item(
        item=brighton(issue), title="CP1 Brighton", body="[Notes](/forum/) and [elsewhere](//x.example/)", by=None
    )
    message = build_issue_email(issue, email="a@example.org", edition=Edition.MEMBERS, unsubscribe_token="t")
    part = message.alternatives[0].content
    assert 'href="https://cop.example.org/repository/"' in part and 'href="https://cop.example.org/forum/"' in part
    assert 'href="/' not in part.replace('href="//x.example/"', "")
    assert "[the repository](https://cop.example.org/repository/)" in message.body
    assert "[Notes](https://cop.example.org/forum/)" in message.body


def test_month_picker_starts_on_the_previous_complete_month(db):
    # The newsletters tests read the clock in December 2026 (conftest): November is the last complete month.
    assert CompileForm()["month"].value() == "2026-11"


def test_relative_links_are_absolute_in_the_newsletter_feed(client, march, settings):
    settings.SITE_URL = "https://cop.example.org"
    issue = compile_newsletter(month=MARCH)
    update_introduction(issue=issue, introduction="See [the repository](/repository/).", by=None)
    NewsletterIssue.objects.filter(pk=issue.pk).update(status=IssueStatus.SENT, sent_at=timezone.now())
    feed = client.get(reverse("newsletter_feed")).content.decode()
    assert "https://cop.example.org/repository/" in feed and 'href="/repository/' not in html.unescape(feed)


def test_introduction_with_personal_data_is_refused_and_what_was_typed_stays(client, march):
    broker = march["people"]["Kit Broker"]
    issue = compile_newsletter(month=MARCH)
    update_introduction(issue=issue, introduction="Welcome to March.", by=broker)
    typed = "Thanks to Mrs Jane Doe, 07700 900123, for hosting."
    with pytest.raises(ValidationError):
        update_introduction(issue=issue, introduction=typed, by=broker)
    client.force_login(broker)
    page = client.post(reverse("newsletters:edit", args=[issue.pk]), {"introduction": typed})
    assert page.status_code == 200
    body = page.content.decode()
    assert "This could identify someone" in body and typed in html.unescape(body)
    issue.refresh_from_db()
    assert issue.introduction == "Welcome to March."
