"""Evidence files are served only through the view that checks access, as attachments, never sniffed."""

import pytest
from django.urls import reverse

from audit.models import AuditAction, AuditEvent
from cases.models import CaseStatus
from cases.services import evidence as services
from tests.cases.evidence_files import PDF, upload
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def item_with_file(broker):
    return services.add_evidence(
        by=broker, kind="local_data", title="Weekend A&E attendances, Colchester", file=upload('Local "data".pdf', PDF)
    )


def test_a_library_file_with_no_case_is_for_library_readers(client, item_with_file, outsider, commissioner):
    client.force_login(outsider)
    response = client.get(reverse("evidence:file", args=[item_with_file.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="Local -data.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF
    assert AuditEvent.objects.filter(action=AuditAction.DOWNLOADED, target_id=str(item_with_file.pk)).exists()
    client.force_login(commissioner)
    assert client.get(reverse("evidence:file", args=[item_with_file.pk])).status_code == 404


def test_a_file_attached_only_to_a_shared_case_is_for_that_site(
    client, item_with_file, make_case, broker, member, facilitator, outsider, commissioner, programme_admin
):
    services.attach_evidence(case=make_case(CaseStatus.SHARED), evidence=item_with_file, by=broker)
    url = reverse("evidence:file", args=[item_with_file.pk])
    for person in (member, facilitator, broker, programme_admin):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200, person
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Disposition"].startswith("attachment;")
    for person in (outsider, commissioner):
        client.force_login(person)
        assert client.get(url).status_code == 404, person
    client.logout()
    assert client.get(url).status_code == 302  # to sign in
    # Another site's member still sees the item in the library, without a download link.
    client.force_login(outsider)
    body = client.get(reverse("evidence:detail", args=[item_with_file.pk])).content.decode()
    assert "only for the sites" in body and url not in body


def test_a_file_on_a_learning_object_is_for_signed_in_readers_not_anonymous_ones(
    client, item_with_file, make_case, broker, facilitator, commissioner
):
    case = make_case(CaseStatus.PUBLISHED)
    services.attach_evidence(case=case, evidence=item_with_file, by=broker, note="Shows the weekend peak.")
    from cases.services import lifecycle

    url = reverse("evidence:file", args=[item_with_file.pk])
    client.force_login(commissioner)
    assert client.get(url).status_code == 200
    body = client.get(reverse("repository:detail", args=[case.pk])).content.decode()
    assert "Shows the weekend peak." in body and url in body
    lifecycle.make_case_public(case=case, by=facilitator)
    client.logout()
    body = client.get(reverse("repository:detail", args=[case.pk])).content.decode()
    assert "Weekend A&amp;E attendances" in body and "Shows the weekend peak." in body
    assert url not in body and reverse("evidence:detail", args=[item_with_file.pk]) not in body
    assert client.get(url).status_code == 302


def test_a_missing_file_is_not_found(client, broker):
    item = services.add_evidence(by=broker, title="No file here")
    client.force_login(broker)
    assert client.get(reverse("evidence:file", args=[item.pk])).status_code == 404


def test_a_second_site_member_who_joins_the_first_site_can_fetch(
    client, item_with_file, make_case, broker, outsider, site
):
    services.attach_evidence(case=make_case(CaseStatus.DISCUSSED), evidence=item_with_file, by=broker)
    MembershipFactory(site=site, person=outsider)
    client.force_login(outsider)
    assert client.get(reverse("evidence:file", args=[item_with_file.pk])).status_code == 200
