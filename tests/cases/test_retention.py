from datetime import timedelta

import pytest
from django.utils import timezone

from audit.models import AuditAction, AuditEvent
from cases.models import Case
from cases.periodic import delete_stale_drafts
from cases.services import lifecycle


def _age(case, days: int) -> None:
    Case.objects.filter(pk=case.pk).update(updated_at=timezone.now() - timedelta(days=days))


@pytest.mark.django_db
def test_unshared_drafts_older_than_the_retention_period_are_deleted_and_logged(site, member, settings):
    settings.DRAFT_RETENTION_DAYS = 365
    old_draft = lifecycle.create_case(site=site, by=member, title="Old draft", presentation="Never shared.")
    recent_draft = lifecycle.create_case(site=site, by=member, title="Recent draft", presentation="Still in hand.")
    shared = lifecycle.create_case(site=site, by=member, title="Shared case", presentation="Shared with the site.")
    lifecycle.share_case(case=shared, by=member)
    _age(old_draft, 400)
    _age(recent_draft, 30)
    _age(shared, 400)

    assert delete_stale_drafts.delay().get() == 1
    assert set(Case.objects.values_list("title", flat=True)) == {"Recent draft", "Shared case"}
    event = AuditEvent.objects.get(action=AuditAction.DELETED)
    assert event.target_id == str(old_draft.pk) and "retention" in event.detail and "Old draft" not in event.detail
    assert delete_stale_drafts.delay().get() == 0  # a second run finds nothing more


@pytest.mark.django_db
def test_a_draft_sent_back_after_sharing_is_not_deleted(site, member, settings):
    settings.DRAFT_RETENTION_DAYS = 30
    case = lifecycle.create_case(site=site, by=member, title="Was shared", presentation="Shared once.")
    lifecycle.share_case(case=case, by=member)
    Case.objects.filter(pk=case.pk).update(status="draft")
    _age(case, 90)
    assert delete_stale_drafts.delay().get() == 0
