from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.services import lifecycle
from cycle.models import AgendaItem
from cycle.services import agenda, record
from sites.models import AttendanceStatus
from tests.factories import AttendanceFactory, MeetingFactory, at

TEXT = "A man in his forties attends A&E most weekends after drinking; nobody hears until Monday."


@pytest.fixture
def upcoming(site, member):
    meeting = MeetingFactory(site=site)
    case = lifecycle.create_case(site=site, by=member, title="Weekend crises", presentation=TEXT)
    lifecycle.share_case(case=case, by=member)
    lifecycle.create_case(site=site, by=member, title="Secret draft title", presentation=TEXT)
    return meeting


@pytest.mark.django_db
def test_facilitator_sees_the_proposed_agenda_members_only_once_published(
    client, upcoming, facilitator, member, outsider, django_assert_max_num_queries
):
    client.force_login(facilitator)
    with django_assert_max_num_queries(27):  # one query per agenda source (commissioners' updates: issue 28)
        page = client.get(reverse("cycle:agenda", args=[upcoming.pk])).content.decode()
    assert "Case to present: Weekend crises" in page and "Secret draft title" not in page
    client.force_login(member)
    page = client.get(reverse("cycle:agenda", args=[upcoming.pk])).content.decode()
    assert "has not published the agenda yet" in page and "Weekend crises" not in page
    agenda.publish_agenda(meeting=upcoming, published_by=facilitator)
    page = client.get(reverse("cycle:agenda", args=[upcoming.pk])).content.decode()
    assert "Case to present: Weekend crises" in page and "Remove" not in page
    client.force_login(outsider)
    assert client.get(reverse("cycle:agenda", args=[upcoming.pk])).status_code == 404


@pytest.mark.django_db
def test_member_cannot_change_the_agenda(client, upcoming, facilitator, member):
    agenda.refresh_agenda(meeting=upcoming)
    item = AgendaItem.objects.filter(meeting=upcoming).first()
    client.force_login(member)
    assert client.post(reverse("cycle:agenda_item_remove", args=[upcoming.pk, item.pk])).status_code == 403
    item.refresh_from_db()
    assert not item.removed


@pytest.mark.django_db
def test_draft_record_is_for_those_present_and_facilitators(client, site, facilitator, member, broker):
    from tests.factories import MembershipFactory

    absent = MembershipFactory(site=site).person
    held = MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=1)))
    AgendaItem.objects.create(meeting=held, position=1, kind="other", title="Open discussion")
    AttendanceFactory(meeting=held, person=member, status=AttendanceStatus.PRESENT)
    draft = record.open_record(meeting=held, opened_by=facilitator)
    record.record_discussion(entry=draft.entries.get(), written_by=facilitator, discussion="Draft words here.")
    url = reverse("cycle:record", args=[held.pk])
    for person, sees in [(member, True), (facilitator, True), (absent, False), (broker, False)]:
        client.force_login(person)
        assert ("Draft words here." in client.get(url).content.decode()) is sees, person
    record.approve_record(record=draft, approved_by=facilitator)
    for person in (absent, broker):
        client.force_login(person)
        assert "Draft words here." in client.get(url).content.decode()
        assert client.get(reverse("cycle:record_pdf", args=[held.pk]))["Content-Type"] == "application/pdf"


@pytest.mark.django_db
def test_discussion_with_personal_data_shows_what_was_found_and_keeps_the_text(client, site, facilitator):
    held = MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=1)))
    AgendaItem.objects.create(meeting=held, position=1, kind="other", title="Open discussion")
    draft = record.open_record(meeting=held, opened_by=facilitator)
    entry = draft.entries.get()
    client.force_login(facilitator)
    typed = "We agreed to call him on 07700 900123 at the weekend."
    response = client.post(reverse("cycle:record_entry", args=[held.pk, entry.pk]), {"discussion": typed})
    page = response.content.decode()
    assert response.status_code == 200 and "07700 900123" in page and "could identify someone" in page
    assert typed in page


@pytest.mark.django_db
def test_facilitator_removes_an_action_from_the_draft_but_not_once_approved(client, site, facilitator):
    held = MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=1)))
    AgendaItem.objects.create(meeting=held, position=1, kind="other", title="Open discussion")
    draft = record.open_record(meeting=held, opened_by=facilitator)
    entry = draft.entries.get()
    first = record.add_record_action(entry=entry, added_by=facilitator, text="Call the GP", owner_agency="GP")
    second = record.add_record_action(entry=entry, added_by=facilitator, text="Send it", owner_agency="Shelter")
    client.force_login(facilitator)
    client.post(reverse("cycle:record_action_remove", args=[held.pk, entry.pk, first.pk]))
    assert list(entry.actions.all()) == [second]
    record.approve_record(record=draft, approved_by=facilitator)
    client.post(reverse("cycle:record_action_remove", args=[held.pk, entry.pk, second.pk]))
    assert list(entry.actions.all()) == [second]
