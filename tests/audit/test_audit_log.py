import csv
import io

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from audit.models import AuditAction, AuditEvent
from audit.services import record_event
from cases.services import lifecycle
from sites.services.memberships import change_membership_role
from tests.factories import PASSWORD


@pytest.mark.django_db
def test_sign_in_and_failed_sign_in_are_recorded(client, member):
    client.post(reverse("account_login"), {"login": member.email, "password": "wrong-password"})
    client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    actions = list(AuditEvent.objects.order_by("pk").values_list("action", "actor_id"))
    assert actions == [(AuditAction.SIGN_IN_FAILED, None), (AuditAction.SIGNED_IN, member.pk)]
    assert member.email in AuditEvent.objects.get(action=AuditAction.SIGN_IN_FAILED).detail


@pytest.mark.django_db
def test_audit_rows_cannot_be_changed_or_deleted_by_the_application(member):
    event = record_event(actor=member, action=AuditAction.VIEWED, target=member)
    event.detail = "tampered"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(detail="tampered")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()


@pytest.mark.django_db
def test_database_refuses_changes_to_audit_rows_on_postgresql(member):
    event = record_event(actor=member, action=AuditAction.VIEWED, target=member)
    if connection.vendor != "postgresql":
        # SQLite relies on the application guard above; CI runs this on PostgreSQL.
        assert AuditEvent.objects.filter(pk=event.pk).exists()
        return
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET detail = 'x' WHERE id = %s", [event.pk])
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [event.pk])


@pytest.mark.django_db
def test_programme_admin_filters_the_log_and_exports_it(client, programme_admin, member, facilitator):
    record_event(actor=member, action=AuditAction.VIEWED, target=member, detail="opened profile")
    record_event(actor=facilitator, action=AuditAction.CHANGED, target=member)
    client.force_login(programme_admin)
    page = client.get(reverse("audit:log"), {"person": member.email})
    assert [e.actor_id for e in page.context["events"]] == [member.pk]
    response = client.get(reverse("audit:export"), {"action": "changed"})
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "when (Europe/London)"
    assert [r[2] for r in rows[1:]] == [facilitator.email]
    assert AuditEvent.objects.filter(actor=programme_admin, action=AuditAction.EXPORTED).exists()


@pytest.mark.django_db
def test_only_programme_admins_read_the_audit_log(client, member, facilitator, broker, commissioner):
    for user in (member, facilitator, broker, commissioner):
        client.force_login(user)
        assert client.get(reverse("audit:log")).status_code == 403
        assert client.get(reverse("audit:export")).status_code == 403


@pytest.mark.django_db
def test_audit_log_page_uses_a_fixed_number_of_queries(client, programme_admin, member, django_assert_max_num_queries):
    for _ in range(60):
        record_event(actor=member, action=AuditAction.VIEWED, target=member)
    client.force_login(programme_admin)
    with django_assert_max_num_queries(10):
        client.get(reverse("audit:log"))


@pytest.mark.django_db
def test_case_views_moves_and_downloads_and_role_changes_are_recorded(client, site, member, facilitator):
    case = lifecycle.create_case(site=site, by=member, title="Weekend crises", presentation="A man in his forties.")
    lifecycle.share_case(case=case, by=member)
    client.force_login(facilitator)
    client.get(reverse("cases:detail", args=[case.pk]))
    membership = member.memberships.get()
    change_membership_role(membership=membership, changed_by=facilitator, role="facilitator")
    events = list(AuditEvent.objects.filter(target_type="cases.case").values_list("action", "actor_id"))
    assert (AuditAction.CREATED, member.pk) in events
    assert (AuditAction.MOVED, member.pk) in events
    assert (AuditAction.VIEWED, facilitator.pk) in events
    role_change = AuditEvent.objects.get(action=AuditAction.ROLE_CHANGED, target_id=str(member.pk))
    assert role_change.actor_id == facilitator.pk and "facilitator at CP1" in role_change.detail
