"""The editing area (brokers and admins), the archives, and who may not see them."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from newsletters.models import Delivery, DeliveryStatus, IssueStatus, NewsletterIssue, Section
from newsletters.services.compile import compile_newsletter
from newsletters.services.editing import approve_issue
from newsletters.services.sending import start_sending
from tests.newsletters.conftest import MARCH


@pytest.fixture
def draft(march):
    return compile_newsletter(month=MARCH)


@pytest.fixture
def sent_issue(draft, programme_admin, django_capture_on_commit_callbacks):
    draft.introduction = "Spring is here. <script>alert(1)</script>"
    draft.save()
    approve_issue(issue=draft, by=programme_admin)
    with django_capture_on_commit_callbacks(execute=True):
        start_sending(issue=draft, by=programme_admin)
    draft.refresh_from_db()
    assert draft.status == IssueStatus.SENT
    return draft


def brighton_item(issue):
    return issue.items.get(section=Section.SITE_UPDATES, title="CP1 Brighton")


def test_brokers_and_admins_edit_members_may_not(client, draft, broker, programme_admin, member, commissioner):
    for editor in (broker, programme_admin):
        client.force_login(editor)
        assert client.get(reverse("newsletters:manage")).status_code == 200
        page = client.get(reverse("newsletters:edit", args=[draft.pk]))
        assert page.status_code == 200
        assert "CP4 Stoke-on-Trent has nothing to report for March." in page.content.decode()
    for other in (member, commissioner):
        client.force_login(other)
        assert client.get(reverse("newsletters:manage")).status_code == 404
        assert client.get(reverse("newsletters:edit", args=[draft.pk])).status_code == 404
        assert client.get(reverse("newsletters:preview", args=[draft.pk, "members"])).status_code == 404
        assert client.post(reverse("newsletters:approve", args=[draft.pk])).status_code == 404
        item = brighton_item(draft)
        assert client.post(reverse("newsletters:remove_item", args=[item.pk]), {"removed": "1"}).status_code == 404
    draft.refresh_from_db()
    assert draft.status == IssueStatus.DRAFT and not brighton_item(draft).removed
    client.logout()
    assert client.get(reverse("newsletters:manage")).status_code == 302


def test_editor_writes_introduction_reorders_removes_and_approves(client, draft, broker):
    client.force_login(broker)
    edit_url = reverse("newsletters:edit", args=[draft.pk])
    response = client.post(edit_url, {"introduction": "Welcome to **March**."})
    assert response.status_code == 302
    page = client.get(edit_url).content.decode()
    assert "<strong>March</strong>" in page

    workington = draft.items.get(title="CP6 Workington")
    client.post(reverse("newsletters:move_item", args=[workington.pk]), {"direction": "up"})
    client.post(reverse("newsletters:remove_item", args=[workington.pk]), {"removed": "1"})
    titles = list(draft.items.filter(section=Section.SITE_UPDATES).order_by("position").values_list("title", "removed"))
    assert titles[1] == ("CP6 Workington", True)
    client.post(reverse("newsletters:remove_item", args=[workington.pk]), {"removed": "0"})
    assert not draft.items.get(pk=workington.pk).removed

    client.post(reverse("newsletters:approve", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.status == IssueStatus.APPROVED and draft.approved_by == broker
    # Approved: no more changes.
    client.post(reverse("newsletters:remove_item", args=[workington.pk]), {"removed": "1"})
    assert not draft.items.get(pk=workington.pk).removed


def test_preview_shows_both_editions_from_the_email_templates(client, draft, broker):
    draft.introduction = "Hello *all*. <script>alert(1)</script>"
    draft.save()
    client.force_login(broker)
    members = client.get(reverse("newsletters:preview", args=[draft.pk, "members"])).content.decode()
    assert "Communities of practice newsletter: March 2026" in members
    assert "List-Unsubscribe-Post" in members and "3 of 4 members present" in members
    public = client.get(reverse("newsletters:preview", args=[draft.pk, "public"])).content.decode()
    assert "(public edition)" in public and "members present" not in public

    html = client.get(reverse("newsletters:preview_html", args=[draft.pk, "members"]))
    assert html.status_code == 200
    body = html.content.decode()
    assert "<em>all</em>" in body and "<script" not in body and "CP1 Brighton" in body
    assert "'unsafe-inline'" in html["Content-Security-Policy"] and "script-src" not in html["Content-Security-Policy"]
    assert client.get(reverse("newsletters:preview", args=[draft.pk, "other"])).status_code == 404
    assert mail.outbox == []


def test_send_from_the_page_and_delivery_log(
    client, draft, broker, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    client.force_login(broker)
    assert client.post(reverse("newsletters:send", args=[draft.pk])).status_code == 302
    assert not Delivery.objects.exists()  # a draft is not sent
    approve_issue(issue=draft, by=broker)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("newsletters:send", args=[draft.pk]))
    assert response.status_code == 302
    # As if one address had been refused on every attempt: the issue is still sending.
    Delivery.objects.filter(pk=Delivery.objects.first().pk).update(
        status=DeliveryStatus.FAILED, attempts=5, last_error="SMTPRecipientsRefused: 550 mailbox unavailable"
    )
    NewsletterIssue.objects.filter(pk=draft.pk).update(status=IssueStatus.SENDING, sent_at=None)
    with django_assert_max_num_queries(12):
        log = client.get(reverse("newsletters:deliveries", args=[draft.pk])).content.decode()
    assert "550 mailbox unavailable" in log and "Try the failed emails again" in log
    outbox = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("newsletters:retry_failed", args=[draft.pk]))
    assert len(mail.outbox) == outbox + 1
    assert not Delivery.objects.exclude(status=DeliveryStatus.SENT).exists()
    assert NewsletterIssue.objects.get().status == IssueStatus.SENT


def test_delivery_log_is_for_editors_only(client, sent_issue, member):
    client.force_login(member)
    assert client.get(reverse("newsletters:deliveries", args=[sent_issue.pk])).status_code == 403
    assert client.post(reverse("newsletters:retry_failed", args=[sent_issue.pk])).status_code == 403
    assert client.post(reverse("newsletters:approve", args=[sent_issue.pk])).status_code == 403


def test_public_archive_needs_no_sign_in_and_carries_no_site_detail(client, sent_issue, django_assert_max_num_queries):
    NewsletterIssue.objects.create(month=MARCH.replace(month=4))  # a draft: never in the archive
    with django_assert_max_num_queries(3):
        archive = client.get(reverse("newsletters:archive"))
    text = archive.content.decode()
    assert "March 2026" in text and "April 2026" not in text and "members' edition" not in text
    page = client.get(reverse("newsletters:issue_public", args=["2026-03"])).content.decode()
    assert "Spring is here." in page and "<script>alert" not in page
    assert "2 of our 3 communities of practice met" in page
    assert "CP1 Brighton" not in page and "members present" not in page
    assert client.get(reverse("newsletters:issue_public", args=["2026-04"])).status_code == 404
    members = client.get(reverse("newsletters:issue_members", args=["2026-03"]))
    assert members.status_code == 302 and reverse("account_login") in members["Location"]


def test_members_edition_for_everyone_signed_in(client, sent_issue, commissioner, outsider):
    for person in (commissioner, outsider):
        client.force_login(person)
        page = client.get(reverse("newsletters:issue_members", args=["2026-03"])).content.decode()
        assert "3 of 4 members present" in page and "CP4 Stoke-on-Trent has nothing to report for March." in page
        assert "members' edition" in client.get(reverse("newsletters:archive")).content.decode()


def test_sent_issue_is_read_only_even_for_editors(client, sent_issue, broker):
    client.force_login(broker)
    page = client.get(reverse("newsletters:edit", args=[sent_issue.pk])).content.decode()
    assert "Save the introduction" not in page and "Delivery log" in page
    client.post(reverse("newsletters:edit", args=[sent_issue.pk]), {"introduction": "Changed"})
    sent_issue.refresh_from_db()
    assert sent_issue.introduction.startswith("Spring is here.")
    assert sent_issue.sent_at <= timezone.now()


def test_manage_compiles_a_month(client, march, broker, django_assert_max_num_queries):
    client.force_login(broker)
    response = client.post(reverse("newsletters:manage"), {"month": "2026-03"})
    issue = NewsletterIssue.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("newsletters:edit", args=[issue.pk])
    with django_assert_max_num_queries(10):
        assert "March 2026" in client.get(reverse("newsletters:manage")).content.decode()
