"""Ground rules in versions: version 1 for every site (a migration for those that existed, create_site for new ones),
new versions written by facilitators, each confirmed by members in their own session. The gate before shared cases
is tested over the whole family of case URLs in tests/security/test_ground_rules_gate.py."""

import importlib
from datetime import date, timedelta

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditAction, AuditEvent
from sites.models import (
    DEFAULT_GROUND_RULES,
    AgreementSource,
    GroundRulesAgreement,
    GroundRulesVersion,
    Membership,
    MembershipRole,
)
from sites.services.ground_rules import (
    confirm_ground_rules,
    needs_to_confirm,
    publish_ground_rules,
    start_ground_rules,
)
from sites.services.sites import create_site
from tests.factories import MembershipFactory

version_1_migration = importlib.import_module("sites.migrations.0011_ground_rules_version_1_for_existing_sites")


@pytest.mark.django_db
def test_migration_records_existing_agreements_against_version_1(site, other_site):
    early = MembershipFactory(site=site, joined=date(2026, 1, 5), ground_rules_agreed_on=date(2026, 4, 1)).person
    late = MembershipFactory(site=site, joined=date(2026, 1, 5), ground_rules_agreed_on=date(2026, 5, 6)).person
    never = MembershipFactory(site=site).person
    # Someone who left and came back: their first agreement counts, once.
    Membership.objects.filter(person=late).update(left=date(2026, 6, 1))
    Membership.objects.create(site=site, person=late, joined=date(2026, 7, 1), ground_rules_agreed_on=date(2026, 7, 7))

    version_1_migration.make_version_1(apps, None)

    v1 = GroundRulesVersion.objects.get(site=site)
    assert (v1.number, v1.text, v1.agreed_on) == (1, DEFAULT_GROUND_RULES, date(2026, 4, 1))
    agreements = {a.person_id: a for a in GroundRulesAgreement.objects.filter(version=v1)}
    assert set(agreements) == {early.pk, late.pk}
    assert timezone.localdate(agreements[late.pk].agreed_at) == date(2026, 5, 6)
    assert {a.source for a in agreements.values()} == {AgreementSource.FIRST_ATTENDANCE}
    assert needs_to_confirm(early, site.pk) is None and needs_to_confirm(never, site.pk) == v1
    # A site nobody agreed yet gets version 1 dated from its start; running again changes nothing.
    other = GroundRulesVersion.objects.get(site=other_site)
    assert other.agreed_on == other_site.start_date and not other.agreements.exists()
    version_1_migration.make_version_1(apps, None)
    assert GroundRulesVersion.objects.count() == 2 and GroundRulesAgreement.objects.count() == 2


@pytest.mark.django_db
def test_a_new_site_starts_with_version_1(programme_admin):
    site = create_site(
        created_by=programme_admin, code="CP7", name="Hull CoP", town="Hull", host_organisation="Hull CVS",
        start_date=timezone.localdate(), status="active",
    )  # fmt: skip
    assert list(site.ground_rules_versions.values_list("number", "text")) == [(1, DEFAULT_GROUND_RULES)]


@pytest.mark.django_db
def test_facilitator_writes_a_new_version_members_confirm_it_again(site, facilitator, member):
    v1 = start_ground_rules(site=site)
    confirm_ground_rules(person=member, version=v1)
    assert needs_to_confirm(member, site.pk) is None
    v2 = publish_ground_rules(
        site=site, written_by=facilitator, text="## Ours\n- Phones away.", agreed_on=date(2026, 11, 3)
    )
    assert (v2.number, v2.agreed_on) == (2, date(2026, 11, 3))
    assert GroundRulesAgreement.objects.get(version=v2).person == facilitator  # who wrote it agreed it
    member.__dict__.pop("_cop_ground_rules", None)
    assert needs_to_confirm(member, site.pk) == v2
    assert AuditEvent.objects.filter(
        action=AuditAction.CHANGED, actor_id=facilitator.pk, detail="ground rules version 2"
    ).exists()
    # Confirming the old version (a page left open) is refused; the current one is recorded once.
    with pytest.raises(ValidationError):
        confirm_ground_rules(person=member, version=v1)
    confirm_ground_rules(person=member, version=v2)
    confirm_ground_rules(person=member, version=v2)
    assert GroundRulesAgreement.objects.filter(version=v2, person=member).count() == 1


@pytest.mark.django_db
def test_only_facilitators_write_and_only_members_confirm(site, member, outsider, programme_admin):
    v1 = start_ground_rules(site=site)
    with pytest.raises(PermissionDenied):
        publish_ground_rules(site=site, written_by=member, text="Anything", agreed_on=timezone.localdate())
    with pytest.raises(PermissionDenied):
        confirm_ground_rules(person=outsider, version=v1)
    # A programme admin may write one (they hold no role at the site, so nothing is recorded for them).
    v2 = publish_ground_rules(site=site, written_by=programme_admin, text="New", agreed_on=timezone.localdate())
    assert not v2.agreements.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text, agreed_on, field",
    [("   ", date(2026, 1, 1), "text"), ("Fine", None, "future"), ("x" * 20_001, date(2026, 1, 1), "text")],
)
def test_new_version_refused_with_a_reason(site, facilitator, text, agreed_on, field):
    start_ground_rules(site=site)
    when = agreed_on or timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        publish_ground_rules(site=site, written_by=facilitator, text=text, agreed_on=when)
    assert ("agreed_on" if field == "future" else "text") in refused.value.error_dict
    assert GroundRulesVersion.objects.filter(site=site).count() == 1


@pytest.mark.django_db
def test_edit_page_keeps_what_was_typed_and_says_what_is_wrong(client, site, facilitator, member):
    start_ground_rules(site=site)
    url = reverse("sites:ground_rules_edit", args=[site.pk])
    client.force_login(facilitator)
    page = client.post(url, {"text": "## Our own rules\n- Phones away.", "agreed_on": "31/02/2026"}).content.decode()
    assert "Enter a date: 03/12/2026." in page and "## Our own rules" in page
    response = client.post(url, {"text": "## Our own rules\n- Phones away.", "agreed_on": "03/11/2026"})
    assert response.status_code == 302
    page = client.get(reverse("sites:ground_rules", args=[site.pk])).content.decode()
    assert "Version 2, agreed by the group on 3 November 2026" in page and "Phones away." in page
    assert "Version 1, agreed on" in page  # the earlier version stays readable
    client.force_login(member)
    assert client.get(url).status_code == 403
    page = client.get(reverse("sites:ground_rules", args=[site.pk])).content.decode()
    assert "I have read these ground rules and I agree to keep them." in page


@pytest.mark.django_db
def test_facilitators_agreement_is_recorded_when_they_write_it(site):
    second = MembershipFactory(site=site, role=MembershipRole.FACILITATOR).person
    start_ground_rules(site=site)
    v2 = publish_ground_rules(site=site, written_by=second, text="Ours", agreed_on=timezone.localdate())
    assert v2.agreements.get().source == AgreementSource.WROTE_THEM
    assert needs_to_confirm(second, site.pk) is None
