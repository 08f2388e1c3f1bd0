"""The commissioners' area through the client: asking, the status page and its htmx partial, downloads,
subscription, open issues and responses, with who may not."""

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from cases.models import CommissionerIssue, IssueUpdate
from digests.models import Digest, DigestSubscription
from tests.digests.conftest import ISSUE_DRAFT, ISSUE_HOUSING, ISSUE_NAMED, ISSUE_SHARED
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_commissioner_asks_for_a_digest_and_asking_again_returns_the_same_one(client, commissioner, programme):
    client.force_login(commissioner)
    page = client.get(reverse("digests:index"))
    assert page.status_code == 200
    assert 'name="period_start"' in page.content.decode() and 'name="sites"' in page.content.decode()
    data = {"period_start": programme["start"].isoformat(), "period_end": programme["end"].strftime("%d/%m/%Y")}
    first = client.post(reverse("digests:index"), data)
    digest = Digest.objects.get()
    assert first.status_code == 302 and first["Location"] == reverse("digests:detail", args=[digest.pk])
    second = client.post(reverse("digests:index"), data)
    assert second["Location"] == first["Location"] and Digest.objects.count() == 1


def test_the_form_explains_bad_periods(client, commissioner):
    client.force_login(commissioner)
    response = client.post(reverse("digests:index"), {"period_start": "2026-05-10", "period_end": "2026-05-01"})
    assert response.status_code == 200
    assert "The end of the period must be on or after its start." in response.content.decode()
    response = client.post(reverse("digests:index"), {"period_start": "31/02/2026", "period_end": ""})
    assert "Enter a real date" in response.content.decode() and "Enter the last day" in response.content.decode()
    assert Digest.objects.count() == 0


def test_people_who_are_not_commissioners_or_admins_do_not_see_digests(client, member, facilitator, broker):
    for person in (member, facilitator, broker):
        client.force_login(person)
        assert client.get(reverse("digests:index")).status_code == 404
        assert client.get(reverse("digests:issues")).status_code == 404
    client.logout()
    assert client.get(reverse("digests:index")).status_code == 302


def test_status_page_polls_while_pending_and_stops_when_ready(client, commissioner, make_digest):
    digest = make_digest(commissioner)
    client.force_login(commissioner)
    url = reverse("digests:detail", args=[digest.pk])
    page = client.get(url).content.decode()
    assert "Queued" in page and 'hx-trigger="every 2s"' in page and "vendor/htmx/htmx.min.js" in page
    partial = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in partial and f'hx-get="{url}"' in partial and "Queued" in partial
    Digest.objects.filter(pk=digest.pk).update(status="rendering")
    assert "Being prepared" in client.get(url, headers={"HX-Request": "true"}).content.decode()
    ready = make_digest(commissioner, status="ready", days=10)
    partial = client.get(reverse("digests:detail", args=[ready.pk]), headers={"HX-Request": "true"}).content.decode()
    assert "hx-get" not in partial and reverse("digests:download", args=[ready.pk]) in partial
    Digest.objects.filter(pk=digest.pk).update(status="failed", failure_reason="The PDF could not be produced.")
    partial = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "hx-get" not in partial and "could not be produced" in partial and "Try again" in partial


def test_htmx_is_loaded_only_on_the_status_page(client, commissioner):
    client.force_login(commissioner)
    assert "htmx" not in client.get(reverse("digests:index")).content.decode()
    assert "htmx" not in client.get(reverse("home")).content.decode()


def test_download_for_requester_and_admins_only(
    client, commissioner, programme_admin, member, facilitator, broker, make_digest
):
    digest = make_digest(commissioner, status="ready")
    url = reverse("digests:download", args=[digest.pk])
    other_commissioner = UserFactory(is_commissioner=True)
    for person in (commissioner, programme_admin):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment;")
        assert digest.download_name in response["Content-Disposition"]
        assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert AuditEvent.objects.filter(action="downloaded", target_id=str(digest.pk)).count() == 2
    # A digest belongs to whoever asked for it (and the programme admins): another commissioner cannot open it.
    for person in (other_commissioner, member, facilitator, broker):
        client.force_login(person)
        assert client.get(url).status_code == 404
        assert client.get(reverse("digests:detail", args=[digest.pk])).status_code == 404
    # A requester who is no longer a commissioner may still fetch what they asked for.
    commissioner.is_commissioner = False
    commissioner.save(update_fields=["is_commissioner"])
    client.force_login(commissioner)
    assert client.get(url).status_code == 200


def test_a_digest_not_ready_cannot_be_downloaded(client, commissioner, make_digest):
    digest = make_digest(commissioner)
    client.force_login(commissioner)
    assert client.get(reverse("digests:download", args=[digest.pk])).status_code == 404


def test_my_digests_list_has_a_query_guard(client, commissioner, make_digest, site, django_assert_max_num_queries):
    for days in range(5, 25):
        digest = make_digest(commissioner, status="ready", days=days)
        digest.sites.set([site])
    client.force_login(commissioner)
    with django_assert_max_num_queries(13):  # with the menu's counts
        response = client.get(reverse("digests:index"))
    assert response.content.decode().count("Download<span") == 20


def test_commissioner_subscribes_and_unsubscribes(client, commissioner, programme_admin):
    client.force_login(commissioner)
    client.post(reverse("digests:subscription"), {"subscribed": "on"})
    assert DigestSubscription.objects.get(person=commissioner).is_active
    assert "Stop the quarterly digest" in client.get(reverse("digests:index")).content.decode()
    client.post(reverse("digests:subscription"), {})
    assert not DigestSubscription.objects.get(person=commissioner).is_active
    client.force_login(programme_admin)
    assert client.post(reverse("digests:subscription"), {"subscribed": "on"}).status_code == 404


def issue_url(case) -> str:
    return reverse("digests:issue", args=[CommissionerIssue.objects.get(case=case).pk])


def test_open_issues_show_screened_issues_without_names_or_drafts(
    client, commissioner, programme, django_assert_max_num_queries
):
    client.force_login(commissioner)
    with django_assert_max_num_queries(11):  # with the menu's counts
        page = client.get(reverse("digests:issues")).content.decode()
    assert ISSUE_HOUSING in page and ISSUE_SHARED in page
    assert ISSUE_DRAFT not in page and "Patel" not in page and ISSUE_NAMED not in page
    for person in programme["people"]:
        assert person.name not in page
    assert issue_url(programme["housing"]) in page


def test_commissioner_response_is_shown_to_the_site_on_the_case_page(client, commissioner, programme, outsider, member):
    case = programme["housing"]
    client.force_login(commissioner)
    url = issue_url(case)
    assert client.get(url).status_code == 200
    text = "We are reviewing the panel's frequency with the council in January."
    response = client.post(url, {"text": text, "status": "under_review"})
    assert response.status_code == 302
    saved = IssueUpdate.objects.get()
    assert saved.author == commissioner and saved.issue.case == case
    assert (saved.from_status, saved.to_status) == ("raised", "under_review")
    # Still open, now under review: it stays on the list with its new status, and leaves the "waiting" count.
    page = client.get(reverse("digests:issues")).content.decode()
    assert ISSUE_HOUSING in page and "Under review" in page
    assert ISSUE_HOUSING not in client.get(reverse("digests:issues") + "?status=raised").content.decode()
    client.force_login(outsider)  # a member of CP3, the case's site
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Commissioners and the issues raised" in page and "Under review" in page
    assert "reviewing the panel" in page and commissioner.name in page
    client.force_login(member)  # CP1 does not see CP3's case
    assert client.get(reverse("cases:detail", args=[case.pk])).status_code == 404


def test_a_response_with_personal_data_is_refused_and_kept_in_the_form(client, commissioner, programme):
    client.force_login(commissioner)
    text = "Call Mrs Jane Hughes on 07700 900123 about this."
    response = client.post(issue_url(programme["housing"]), {"text": text, "status": "acknowledged"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Phone number" in page and "07700 900123" in page  # kept for editing
    assert IssueUpdate.objects.count() == 0
    assert CommissionerIssue.objects.get(case=programme["housing"]).status == "raised"


def test_no_action_needs_a_reason_and_nothing_is_saved_without_one(client, commissioner, programme):
    client.force_login(commissioner)
    response = client.post(issue_url(programme["housing"]), {"text": "", "status": "no_action"})
    assert response.status_code == 200
    assert "Give the reason no action will be taken" in response.content.decode()
    assert IssueUpdate.objects.count() == 0


def test_only_commissioners_respond_and_only_to_shared_cases(client, commissioner, member, programme_admin, programme):
    assert not CommissionerIssue.objects.filter(case=programme["draft"]).exists(), "a draft raises nothing yet"
    url = issue_url(programme["housing"])
    client.force_login(member)
    assert client.get(url).status_code == 404
    client.force_login(programme_admin)  # reads, may not respond
    assert client.get(url).status_code == 200
    assert client.post(url, {"text": "Fine.", "status": "closed"}).status_code == 403
    assert IssueUpdate.objects.count() == 0


def test_home_page_shows_the_commissioners_section(client, commissioner, member, make_digest):
    make_digest(commissioner, status="ready")
    client.force_login(commissioner)
    page = client.get(reverse("home")).content.decode()
    assert "Issues waiting for a response" in page and "Your latest digests" in page
    assert "Open issues for commissioners" in page
    client.force_login(member)
    page = client.get(reverse("home")).content.decode()
    assert "Issues waiting for a response" not in page and "Digests for commissioners" not in page


def test_open_issues_are_grouped_by_theme_across_sites(client, commissioner, programme):
    client.force_login(commissioner)
    page = client.get(reverse("digests:issues")).content.decode()
    assert page.count(issue_url(programme["housing"])) == 1
    assert page.count(issue_url(programme["weekend"])) == 1, "a case with two themes is listed once"
    # Both cases' items have the theme "Lack of suitable accommodation": one group, at two sites.
    assert "Raised at 2 sites over" in page
    filtered = client.get(reverse("digests:issues"), {"theme": programme["housing"].themes.get().pk}).content
    assert ISSUE_SHARED not in filtered.decode() and ISSUE_HOUSING in filtered.decode()


def test_a_shared_digest_is_read_by_every_commissioner_until_its_owner_stops_sharing(
    client, commissioner, member, make_digest
):
    digest = make_digest(commissioner, status="ready")
    colleague = UserFactory(is_commissioner=True)
    detail = reverse("digests:detail", args=[digest.pk])
    client.force_login(colleague)
    assert client.get(detail).status_code == 404
    assert client.post(reverse("digests:share", args=[digest.pk]), {"shared": "yes"}).status_code == 404
    client.force_login(commissioner)
    client.post(reverse("digests:share", args=[digest.pk]), {"shared": "yes"})
    client.force_login(colleague)
    assert client.get(detail).status_code == 200
    assert "shared by another commissioner" in client.get(reverse("digests:index")).content.decode()
    assert client.post(reverse("digests:share", args=[digest.pk]), {"shared": "no"}).status_code == 403
    client.force_login(member)
    assert client.get(detail).status_code == 404  # shared with commissioners, not with the sites
    client.force_login(commissioner)
    client.post(reverse("digests:share", args=[digest.pk]), {"shared": "no"})
    client.force_login(colleague)
    assert client.get(detail).status_code == 404
    assert AuditEvent.objects.filter(target_id=str(digest.pk), detail__contains="shared").count() == 2
