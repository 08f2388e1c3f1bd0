import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from pypdf import PdfReader

from cases.services import lifecycle
from cycle.models import AgendaItem, RecordDelivery
from cycle.pdf import render_meeting_record_pdf
from cycle.services import agenda, record
from sites.models import AttendanceStatus
from tests.factories import AttendanceFactory, MeetingFactory, MembershipFactory, at

TEXT = "A man in his forties attends A&E most weekends after drinking; nobody hears until Monday."


@pytest.fixture
def held(site, member, facilitator):
    """A CP1 meeting held yesterday, with a shared case on its agenda and `member` present."""
    meeting = MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=1)))
    case = lifecycle.create_case(site=site, by=member, title="Weekend crises", presentation=TEXT)
    lifecycle.share_case(case=case, by=member)
    AgendaItem.objects.create(meeting=meeting, position=1, kind="case", title="Case to present", case=case)
    AgendaItem.objects.create(meeting=meeting, position=2, kind="standing", title="Guest speaker slot")
    AttendanceFactory(meeting=meeting, person=member, status=AttendanceStatus.PRESENT)
    AttendanceFactory(meeting=meeting, person=facilitator, status=AttendanceStatus.PRESENT)
    return meeting


@pytest.fixture
def draft(held, facilitator):
    return record.open_record(meeting=held, opened_by=facilitator)


@pytest.mark.django_db
def test_record_starts_from_the_agenda_once(held, draft, facilitator):
    assert [e.agenda_item.title for e in draft.entries.all()] == ["Case to present", "Guest speaker slot"]
    record.open_record(meeting=held, opened_by=facilitator)
    assert draft.entries.count() == 2


@pytest.mark.django_db
def test_discussion_with_personal_data_is_refused_with_findings(draft, facilitator):
    entry = draft.entries.first()
    with pytest.raises(ValidationError) as refused:
        record.record_discussion(entry=entry, written_by=facilitator, discussion="Call him on 07700 900123.")
    assert "07700 900123" in str(refused.value)
    entry.refresh_from_db()
    assert entry.discussion == ""


@pytest.mark.django_db
def test_action_owner_must_be_a_member_of_the_site_or_an_agency(draft, facilitator, outsider, member):
    entry = draft.entries.first()
    with pytest.raises(ValidationError):
        record.add_record_action(entry=entry, added_by=facilitator, text="Call the GP", owner=outsider)
    with pytest.raises(ValidationError):
        record.add_record_action(entry=entry, added_by=facilitator, text="Call the GP")
    record.add_record_action(entry=entry, added_by=facilitator, text="Call the GP", owner=member)
    record.add_record_action(entry=entry, added_by=facilitator, text="Send the leaflet", owner_agency="Shelter")
    assert entry.actions.count() == 2


@pytest.mark.django_db
def test_only_members_present_suggest_corrections(site, draft, member):
    absent = MembershipFactory(site=site).person
    entry = draft.entries.first()
    record.suggest_correction(entry=entry, author=member, text="It was three weekends, not four.")
    with pytest.raises(PermissionDenied):
        record.suggest_correction(entry=entry, author=absent, text="Not true")
    assert entry.comments.count() == 1


@pytest.mark.django_db
def test_approval_locks_versions_and_emails_members_once(
    django_capture_on_commit_callbacks, site, held, draft, facilitator, member, outsider
):
    entry = draft.entries.first()
    record.record_discussion(entry=entry, written_by=facilitator, discussion="Agreed a weekend plan.")
    with django_capture_on_commit_callbacks(execute=True):
        first = record.approve_record(record=draft, approved_by=facilitator)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([member.email, facilitator.email])
    assert "Agreed a weekend plan." in mail.outbox[0].body
    with pytest.raises(ValidationError):
        record.record_discussion(entry=entry, written_by=facilitator, discussion="Changed afterwards")
    with pytest.raises(ValidationError):
        record.approve_record(record=draft, approved_by=facilitator)

    record.start_new_version(record=draft, started_by=facilitator)
    record.record_discussion(entry=entry, written_by=facilitator, discussion="Agreed a weekend plan with the GP.")
    with django_capture_on_commit_callbacks(execute=True):
        second = record.approve_record(record=draft, approved_by=facilitator)
    assert (first.number, second.number) == (1, 2)
    assert first.content["entries"][0]["discussion"] == "Agreed a weekend plan."
    assert second.content["entries"][0]["discussion"] == "Agreed a weekend plan with the GP."
    assert RecordDelivery.objects.filter(version=first).count() == 2
    assert len(mail.outbox) == 4


@pytest.mark.django_db
def test_pdf_has_the_record_and_confidential_on_every_page_but_no_draft_title(site, held, draft, facilitator, member):
    secret = lifecycle.create_case(site=site, by=member, title="Secret draft title", presentation=TEXT)
    item = AgendaItem.objects.create(meeting=held, position=3, kind="case", title="Case to present", case=secret)
    record.open_record(meeting=held, opened_by=facilitator)
    entries = list(draft.entries.order_by("position"))
    long_text = " ".join(["The group talked through weekend cover and who answers the phone."] * 60)
    record.record_discussion(entry=entries[0], written_by=facilitator, discussion=long_text)
    record.add_record_action(
        entry=entries[0], added_by=facilitator, text="Ask the GP about weekend cover", owner=member
    )
    assert entries[2].agenda_item == item
    record.approve_record(record=draft, approved_by=facilitator)

    reader = PdfReader(io.BytesIO(render_meeting_record_pdf(draft)))
    pages = [page.extract_text() for page in reader.pages]
    text = " ".join(" ".join(pages).split())
    assert len(pages) >= 2
    assert all("Confidential: site members only" in page for page in pages)
    assert "Case to present: Weekend crises" in text
    assert "Ask the GP about weekend cover" in text and member.name in text
    assert "Secret draft title" not in text
    assert "Agenda" in text and "Attendance" in text


@pytest.mark.django_db
def test_agenda_never_shows_a_draft_case_title(site, member):
    secret = lifecycle.create_case(site=site, by=member, title="Secret draft title", presentation=TEXT)
    meeting = MeetingFactory(site=site)
    agenda.refresh_agenda(meeting=meeting)
    assert not AgendaItem.objects.filter(meeting=meeting, case=secret).exists()
