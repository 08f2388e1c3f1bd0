"""The facilitators' training record: the programme team records the two-day course and supervision sessions (audited);
a facilitator reads their own; members, brokers, commissioners and other facilitators never see it."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from sites.models import FacilitatorTraining, MembershipRole, TrainingKind
from sites.services.training import record_training
from tests.factories import MembershipFactory
from tests.html import parse, select, text

pytestmark = pytest.mark.django_db


def test_the_programme_team_records_training_and_the_facilitator_reads_it(client, programme_admin, facilitator):
    client.force_login(programme_admin)
    url = reverse("sites:training", args=[facilitator.pk])
    response = client.post(url, {"kind": "course", "held_on": "2026-09-14", "notes": "Both days, group work"})
    assert response.status_code == 302
    record = FacilitatorTraining.objects.get()
    assert (record.person, record.kind, record.held_on, record.recorded_by) == (
        facilitator, TrainingKind.COURSE, date(2026, 9, 14), programme_admin,
    )  # fmt: skip
    assert AuditEvent.objects.filter(actor=programme_admin, action="created", target_id=str(record.pk)).exists()
    record_training(person=facilitator, recorded_by=programme_admin, kind="supervision", held_on=date(2026, 11, 2))
    client.force_login(facilitator)
    page = parse(client.get(url).content)
    rows = [[text(cell) for cell in select(row, "td")] for row in select(page, "tbody tr")]
    assert rows == [
        ["02/11/2026", "Supervision session", ""],
        ["14/09/2026", "Two-day course in advanced group work", "Both days, group work"],
    ]
    assert "Record it" not in [text(button) for button in select(page, "button")]  # reads, does not record
    assert client.post(url, {"kind": "other", "held_on": "2026-11-03"}).status_code == 200
    assert FacilitatorTraining.objects.count() == 2
    listing = parse(client.get(reverse("sites:training_list")).content)
    cells = [[text(cell) for cell in select(row, "th, td")] for row in select(listing, "tbody tr")]
    assert cells == [[facilitator.name, "Done", "02/11/2026"]]


def test_missing_or_future_dates_and_personal_data_are_refused_and_kept(client, programme_admin, facilitator):
    client.force_login(programme_admin)
    url = reverse("sites:training", args=[facilitator.pk])
    missing = client.post(url, {"kind": "supervision", "held_on": "", "notes": "Talked about endings"})
    assert (
        "Give the date it was held." in missing.content.decode() and "Talked about endings" in missing.content.decode()
    )
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    assert "cannot be in the future" in client.post(url, {"kind": "supervision", "held_on": future}).content.decode()
    notes = "Discussed Mrs Jane Smith, NHS number 943 476 5919"
    refused = client.post(url, {"kind": "supervision", "held_on": "2026-11-01", "notes": notes}).content.decode()
    assert "could identify someone" in refused and notes in refused
    assert not FacilitatorTraining.objects.exists()


def test_who_may_see_a_facilitators_training(
    client, site, other_site, facilitator, member, broker, commissioner, programme_admin
):
    other_facilitator = MembershipFactory(site=other_site, role=MembershipRole.FACILITATOR).person
    url = reverse("sites:training", args=[facilitator.pk])
    for person, status in [(member, 404), (broker, 404), (commissioner, 404), (other_facilitator, 404),
                           (facilitator, 200), (programme_admin, 200)]:  # fmt: skip
        client.force_login(person)
        assert client.get(url).status_code == status, person
    client.force_login(programme_admin)  # a member has no training record to open
    assert client.get(reverse("sites:training", args=[member.pk])).status_code == 404
    for person in (member, broker, commissioner):
        client.force_login(person)
        assert client.get(reverse("sites:training_list")).status_code == 404, person
    with pytest.raises(PermissionDenied):
        record_training(person=facilitator, recorded_by=facilitator, kind="course", held_on=date(2026, 9, 1))
    with pytest.raises(ValidationError, match="facilitators only"):
        record_training(person=member, recorded_by=programme_admin, kind="course", held_on=date(2026, 9, 1))
