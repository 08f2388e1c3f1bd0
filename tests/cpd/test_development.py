"""My development: the record of a period (meetings attended, cases presented, follow-ups reported), private
reflective notes, and the certificate of participation, rendered for real with WeasyPrint and read back with pypdf."""

import io
import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from cases.models import Outcome
from cases.services import lifecycle
from cpd.models import ReflectiveNote
from cpd.services import write_reflective_note
from sites.models import AttendanceStatus
from tests.factories import AttendanceFactory, MeetingFactory, MembershipFactory, at

TODAY = timezone.localdate


def pdf_text(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


@pytest.fixture
def a_year_of_taking_part(site, member, facilitator):
    """In the last 12 months: three meetings present (2 hours each), one with apologies; a case presented at one and
    followed up at another. Before that: one meeting present, outside the period asked for."""
    today = TODAY()
    meetings = [MeetingFactory(site=site, starts_at=at(today - timedelta(days=d))) for d in (300, 200, 100, 50)]
    for meeting in meetings[:3]:
        AttendanceFactory(meeting=meeting, person=member, status=AttendanceStatus.PRESENT)
    AttendanceFactory(meeting=meetings[3], person=member, status=AttendanceStatus.APOLOGIES)
    old = MeetingFactory(site=site, starts_at=at(today - timedelta(days=500)))
    AttendanceFactory(meeting=old, person=member, status=AttendanceStatus.PRESENT)
    case = lifecycle.create_case(site=site, by=member, title="Weekend crises", presentation="A man attends A&E.")
    lifecycle.share_case(case=case, by=member)
    lifecycle.record_discussion(case=case, by=facilitator, meeting=meetings[1])
    lifecycle.record_follow_up(
        case=case, by=member, meeting=meetings[2], what_happened="Stable since.", outcome=Outcome.MAINTENANCE
    )
    # Someone else's attendance is not counted.
    AttendanceFactory(meeting=meetings[0], person=MembershipFactory(site=site).person)
    return meetings


def period(days: int = 365) -> dict:
    return {"start": (TODAY() - timedelta(days=days)).isoformat(), "end": TODAY().isoformat()}


@pytest.mark.django_db
def test_record_page_counts_the_period_asked_for(client, member, a_year_of_taking_part, django_assert_max_num_queries):
    client.force_login(member)
    with django_assert_max_num_queries(13):  # session, user, the menu counts, three for the record, the notes
        page = client.get(reverse("cpd:development"), period()).content.decode()
    figures = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert "3 meetings attended (6.0 hours)" in figures
    assert "1 case presented" in figures and "1 follow-up reported" in figures
    page = client.get(reverse("cpd:development"), period(days=150)).content.decode()
    assert "1 meeting attended (2.0 hours)" in re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


@pytest.mark.django_db
def test_certificate_pdf_states_the_figures_of_the_period(client, member, site, a_year_of_taking_part):
    write_reflective_note(person=member, title="Private", text="Something only I read", written_on=TODAY())
    client.force_login(member)
    response = client.get(reverse("cpd:certificate"), period())
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="certificate-of-participation-')
    text = pdf_text(response.content)
    assert "Certificate of participation" in text and "Morgan Member" in text
    assert "Meetings attended 3" in text
    assert "Hours of structured peer learning 6.0" in text
    assert "Cases presented 1" in text and "Follow-ups reported 1" in text
    first = timezone.localtime(a_year_of_taking_part[0].starts_at)
    assert f"{first.day} {first:%B %Y}" in text
    assert "CP1 Brighton Community of Practice" in text
    assert "Something only I read" not in text  # reflective notes stay private
    # Another period, other figures.
    text = pdf_text(client.get(reverse("cpd:certificate"), period(days=150)).content)
    assert "Meetings attended 1" in text and "Cases presented 0" in text and "Follow-ups reported 1" in text


@pytest.mark.django_db
def test_a_period_that_ends_before_it_starts_is_refused(client, member):
    client.force_login(member)
    bad = {"start": "2026-06-01", "end": "2026-05-01"}
    page = client.get(reverse("cpd:development"), bad).content.decode()
    assert "The end of the period must be on or after its start." in page
    assert client.get(reverse("cpd:certificate"), bad).status_code == 302


@pytest.mark.django_db
def test_reflective_notes_are_read_by_their_author_only(client, member, facilitator, programme_admin, site):
    note = write_reflective_note(
        person=member, title="Dual diagnosis", text="I rushed the referral.", written_on=date(2026, 11, 2)
    )
    for other in (facilitator, programme_admin):
        client.force_login(other)
        assert client.get(reverse("cpd:note_edit", args=[note.pk])).status_code == 404
        assert client.post(reverse("cpd:note_remove", args=[note.pk])).status_code == 404
        assert "I rushed the referral." not in client.get(reverse("cpd:development")).content.decode()
    assert ReflectiveNote.objects.filter(pk=note.pk).exists()
    client.force_login(member)
    assert "I rushed the referral." in client.get(reverse("cpd:development")).content.decode()


@pytest.mark.django_db
def test_note_form_keeps_what_was_typed_and_links_only_meetings_attended(client, member, site, a_year_of_taking_part):
    client.force_login(member)
    url = reverse("cpd:note_create")
    page = client.post(url, {"text": "What I learnt about weekends.", "written_on": "2026-11-02"}).content.decode()
    assert "Give the note a title." in page and "What I learnt about weekends." in page
    not_attended = a_year_of_taking_part[3]  # apologies
    page = client.post(
        url, {"title": "Weekends", "text": "x", "written_on": "2026-11-02", "meeting": not_attended.pk}
    ).content.decode()
    assert "Choose one of the meetings you attended." in page
    attended = a_year_of_taking_part[1]
    response = client.post(url, {"title": "Weekends", "text": "x", "written_on": "2026-11-02", "meeting": attended.pk})
    assert response.status_code == 302
    note = ReflectiveNote.objects.get(person=member)
    assert note.meeting == attended
    response = client.post(
        reverse("cpd:note_edit", args=[note.pk]), {"title": "Weekends, again", "text": "y", "written_on": "2026-11-03"}
    )
    assert response.status_code == 302
    note.refresh_from_db()
    assert (note.title, note.meeting) == ("Weekends, again", None)
    client.post(reverse("cpd:note_remove", args=[note.pk]))
    assert not ReflectiveNote.objects.exists()
