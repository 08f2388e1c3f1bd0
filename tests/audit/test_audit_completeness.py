"""Every kind of event the audit log must hold: who viewed, changed, moved, exported or downloaded each case,
learning object, evidence item and digest, and every sign-in, two-factor change and role change."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.contrib import admin
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditAction, AuditEvent
from audit.services import recorded_type
from cases.services import evidence as evidence_services
from cases.services import lifecycle
from digests.models import Digest
from members.models import User
from sites.models import Membership
from sites.services.invitations import invite_person
from sites.services.sites import update_site
from tests.cases.evidence_files import PDF, upload
from tests.factories import PASSWORD, UserFactory
from tests.security.world import build_case

pytestmark = pytest.mark.django_db


def logged(action: str, target) -> list[tuple]:
    """(actor id, detail) of each row recording `action` on `target`."""
    rows = AuditEvent.objects.filter(action=action, target_type=recorded_type(target), target_id=str(target.pk))
    return list(rows.order_by("pk").values_list("actor_id", "detail"))


@pytest.fixture
def case(site, member):
    return lifecycle.create_case(site=site, by=member, title="Weekend crises", presentation="A man in his forties.")


@pytest.fixture
def learning_object(member, facilitator, site):
    """A case walked through the real services to a public learning object."""
    return build_case(SimpleNamespace(site=site, people={"member": member, "facilitator": facilitator}), "public")


@pytest.fixture
def evidence(broker):
    return evidence_services.add_evidence(by=broker, kind="research", title="Weekend plans", file=upload("a.pdf", PDF))


@pytest.fixture
def digest(commissioner):
    today = timezone.localdate()
    made = Digest.objects.create(
        requested_by=commissioner, period_start=today - timedelta(days=90), period_end=today, status="ready"
    )
    made.file.save("digest.pdf", ContentFile(b"%PDF-1.7 digest"), save=True)
    return made


# Cases and learning objects
def test_viewing_changing_and_moving_a_case_are_recorded(client, case, member, facilitator):
    client.force_login(member)
    response = client.post(
        reverse("cases:edit", args=[case.pk]),
        {"title": "Weekend crises, revised", "kind": "challenging", "presenters": [member.pk],
         "presentation": "A man in his forties attends A&E."},
    )  # fmt: skip
    assert response.status_code == 302
    client.post(reverse("cases:share", args=[case.pk]))
    client.force_login(facilitator)
    client.get(reverse("cases:detail", args=[case.pk]))
    assert [actor for actor, _ in logged(AuditAction.CHANGED, case)] == [member.pk]
    assert logged(AuditAction.MOVED, case) == [(member.pk, "draft to shared")]
    assert [actor for actor, _ in logged(AuditAction.VIEWED, case)] == [facilitator.pk]


def test_anonymous_reading_of_a_public_learning_object_is_recorded_with_no_person(client, learning_object):
    client.get(reverse("repository:detail", args=[learning_object.pk]))
    client.get(reverse("repository:pdf", args=[learning_object.pk]))
    assert logged(AuditAction.VIEWED, learning_object) == [(None, "learning object")]
    assert logged(AuditAction.DOWNLOADED, learning_object) == [(None, "learning object PDF")]


def test_a_signed_in_reader_of_a_learning_object_is_recorded(client, learning_object, outsider):
    client.force_login(outsider)
    client.get(reverse("repository:detail", args=[learning_object.pk]))
    assert logged(AuditAction.VIEWED, learning_object) == [(outsider.pk, "learning object")]


# Evidence
def test_viewing_an_evidence_item_and_downloading_its_file_are_recorded(client, evidence, member):
    client.force_login(member)
    assert client.get(reverse("evidence:detail", args=[evidence.pk])).status_code == 200
    response = client.get(reverse("evidence:file", args=[evidence.pk]))
    assert b"".join(response.streaming_content) == PDF
    assert [actor for actor, _ in logged(AuditAction.VIEWED, evidence)] == [member.pk]
    assert [actor for actor, _ in logged(AuditAction.DOWNLOADED, evidence)] == [member.pk]


def test_changing_an_evidence_item_is_recorded(client, evidence, broker):
    client.force_login(broker)
    response = client.post(reverse("evidence:edit", args=[evidence.pk]), {"kind": "research", "title": "New title"})
    assert response.status_code == 302
    assert logged(AuditAction.CHANGED, evidence) == [
        (broker.pk, "Added to the evidence library"),
        (broker.pk, "Evidence item edited"),
    ]


def test_exporting_the_evidence_library_is_recorded(client, evidence, member):
    client.force_login(member)
    response = client.get(reverse("evidence:export"), {"format": "ris"})
    assert response.status_code == 200
    exported = AuditEvent.objects.get(action=AuditAction.EXPORTED)
    assert exported.actor_id == member.pk and exported.detail == f"evidence library evidence.ris: {evidence.pk}"


# Digests
def test_requesting_viewing_and_downloading_a_digest_are_recorded(client, commissioner, site):
    client.force_login(commissioner)
    today = timezone.localdate()
    client.post(reverse("digests:index"), {"period_start": (today - timedelta(days=30)).isoformat(),
                                           "period_end": today.isoformat()})  # fmt: skip
    requested = Digest.objects.get(requested_by=commissioner)
    assert [actor for actor, _ in logged(AuditAction.CREATED, requested)] == [commissioner.pk]
    client.get(reverse("digests:detail", args=[requested.pk]))
    client.get(reverse("digests:detail", args=[requested.pk]), headers={"HX-Request": "true"})  # a status poll
    assert [actor for actor, _ in logged(AuditAction.VIEWED, requested)] == [commissioner.pk]


def test_downloading_a_digest_is_recorded(client, digest, commissioner):
    client.force_login(commissioner)
    response = client.get(reverse("digests:download", args=[digest.pk]))
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert [actor for actor, _ in logged(AuditAction.DOWNLOADED, digest)] == [commissioner.pk]


# Signing in and two-factor authentication
def test_signing_in_and_out_and_a_failed_sign_in_are_recorded(client, member):
    client.post(reverse("account_login"), {"login": member.email, "password": "not-the-password"})
    client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    client.post(reverse("account_logout"))
    actions = list(AuditEvent.objects.order_by("pk").values_list("action", "actor_id"))
    assert actions == [(AuditAction.SIGN_IN_FAILED, None), (AuditAction.SIGNED_IN, member.pk),
                       (AuditAction.SIGNED_OUT, member.pk)]  # fmt: skip


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def test_switching_two_factor_authentication_on_and_off_is_recorded(
    client, facilitator, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    secret = client.get(reverse("mfa_activate_totp")).context["form"].secret
    steps = [(reverse("mfa_activate_totp"), {"code": current_code(secret)}), (reverse("mfa_generate_recovery_codes"),
             {}), (reverse("mfa_deactivate_totp"), {})]  # fmt: skip
    for address, data in steps:
        with django_capture_on_commit_callbacks(execute=True):  # allauth signals once the change is committed
            assert client.post(address, data).status_code == 302
    details = [detail for _, detail in logged(AuditAction.MFA_CHANGED, facilitator)]
    assert details == ["added totp", "added recovery_codes", "reset recovery_codes", "removed totp",
                       "removed recovery_codes"]  # fmt: skip
    assert {actor for actor, _ in logged(AuditAction.MFA_CHANGED, facilitator)} == {facilitator.pk}


# Role changes
def test_accepting_an_invitation_is_recorded_as_a_role_change(client, site, facilitator):
    sent = invite_person(invited_by=facilitator, email="new@example.org", role="member", site=site)
    password = "a-Long-passw0rd-here"
    response = client.post(sent.url.split("8000", 1)[1], {"name": "New Person", "password": password,
                                                          "password_again": password})  # fmt: skip
    assert response.status_code == 302
    person = User.objects.get(email="new@example.org")
    assert logged(AuditAction.ROLE_CHANGED, person) == [(facilitator.pk, "given the role member at CP1")]


def test_changing_a_role_at_a_site_is_recorded(client, facilitator, member):
    client.force_login(facilitator)
    membership = Membership.objects.get(person=member)
    client.post(reverse("memberships:change_role", args=[membership.pk]), {"role": "facilitator"})
    assert logged(AuditAction.ROLE_CHANGED, member) == [(facilitator.pk, "now facilitator at CP1")]


def test_making_someone_a_site_facilitator_on_the_site_form_is_recorded(site, facilitator, member, programme_admin):
    update_site(site=site, changed_by=programme_admin, code=site.code, name=site.name, town=site.town,
                host_organisation=site.host_organisation, start_date=site.start_date, status=site.status,
                facilitators=[member])  # fmt: skip
    assert logged(AuditAction.ROLE_CHANGED, member) == [(programme_admin.pk, "now facilitator at CP1")]
    assert logged(AuditAction.ROLE_CHANGED, facilitator) == [(programme_admin.pk, "now member at CP1")]


def test_role_flags_changed_in_the_admin_are_recorded(client, programme_admin):
    person = UserFactory(name="Kim Broker")
    client.force_login(programme_admin)
    form = {"email": person.email, "name": person.name, "sector": "nhs", "is_knowledge_broker": "on",
            "is_active": "on", "date_joined_0": "01/01/2026", "date_joined_1": "09:00:00"}  # fmt: skip
    response = client.post(reverse("admin:members_user_change", args=[person.pk]), form)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert logged(AuditAction.ROLE_CHANGED, person) == [(programme_admin.pk, "in the admin: is_knowledge_broker on")]


def test_memberships_changed_or_deleted_in_the_admin_are_recorded(client, programme_admin, member, site):
    membership = Membership.objects.get(person=member)
    client.force_login(programme_admin)
    form = {"person": member.pk, "site": site.pk, "role": "facilitator", "joined": f"{membership.joined:%d/%m/%Y}",
            "left": "", "left_reason": ""}  # fmt: skip
    response = client.post(reverse("admin:sites_membership_change", args=[membership.pk]), form)
    assert response.status_code == 302, response.context["adminform"].form.errors
    client.post(reverse("admin:sites_membership_delete", args=[membership.pk]), {"post": "yes"})
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert logged(AuditAction.ROLE_CHANGED, member) == [
        (programme_admin.pk, "in the admin: membership facilitator at CP1"),
        (programme_admin.pk, "in the admin: membership of CP1 deleted"),
    ]


# Append-only
def test_the_admin_offers_no_way_to_change_the_audit_log(client, programme_admin):
    """The log is read on its own page (audit:log); the Django admin does not list it at all."""
    assert AuditEvent not in admin.site._registry
    client.force_login(programme_admin)
    assert client.get("/admin/audit/auditevent/").status_code == 404
    assert client.get("/admin/").status_code == 200
