"""A meeting's papers: text papers go through the anonymisation gate; files are checked on upload (the hostile files
are walked in test_uploads.py) and served, like the texts, only to the people who may attend the meeting (and the
programme admins who manage it), walked here role by role."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sites.models import MeetingPaper
from sites.services.papers import add_meeting_paper
from tests.factories import MeetingFactory
from tests.security.matrix import ROLES

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
READERS = {"member", "facilitator", "broker", "admin"}


@pytest.fixture
def papers(world):
    meeting = MeetingFactory(site=world.site)
    by = world.people["facilitator"]
    text = add_meeting_paper(meeting=meeting, added_by=by, title="Referral routes", text="The recovery hub's routes.")
    file = add_meeting_paper(
        meeting=meeting, added_by=by, title="Hub leaflet", upload=SimpleUploadedFile("Hub leaflet.pdf", PDF)
    )
    return meeting, text, file


@pytest.mark.django_db
def test_papers_are_listed_opened_and_downloaded_only_by_those_who_may(client, world, papers):
    meeting, text, file = papers
    for role in ROLES:
        client.logout()
        if role != "anonymous":
            client.force_login(world.people[role])
        page = client.get(reverse("sites:meeting", args=[meeting.pk]))
        listed = page.status_code == 200 and "Hub leaflet" in page.content.decode()
        opened = client.get(reverse("sites:meeting_paper", args=[meeting.pk, text.pk]))
        download = client.get(reverse("sites:meeting_paper_file", args=[meeting.pk, file.pk]))
        if role in READERS:
            assert listed, role
            assert "The recovery hub" in opened.content.decode(), role
            assert download.status_code == 200 and b"".join(download.streaming_content) == PDF, role
            assert download["Content-Disposition"] == 'attachment; filename="Hub_leaflet.pdf"'
            assert download["Cache-Control"] == "private, no-store" and download["X-Content-Type-Options"] == "nosniff"
        else:
            assert not listed, role
            expected = 302 if role == "anonymous" else 404
            assert (opened.status_code, download.status_code) == (expected, expected), role


@pytest.mark.django_db
def test_a_text_paper_that_could_identify_someone_is_refused(client, world):
    meeting = MeetingFactory(site=world.site)
    with pytest.raises(ValidationError) as refused:
        add_meeting_paper(meeting=meeting, added_by=world.people["facilitator"], title="Weekend",
                          text="Call him on 07700 900123 at weekends.")  # fmt: skip
    assert "text" in refused.value.error_dict
    client.force_login(world.people["facilitator"])
    page = client.post(reverse("sites:meeting_papers", args=[meeting.pk]),
                       {"title": "Weekend", "text": "Call him on 07700 900123 at weekends."})  # fmt: skip
    assert "This could identify someone" in page.content.decode()
    assert "Call him on 07700 900123" in page.content.decode()  # kept, to be corrected
    assert not MeetingPaper.objects.exists()


@pytest.mark.django_db
def test_a_paper_is_a_text_or_a_file_and_only_managers_add_one(client, world):
    meeting = MeetingFactory(site=world.site)
    client.force_login(world.people["facilitator"])
    url = reverse("sites:meeting_papers", args=[meeting.pk])
    assert "Either write the paper or attach a file" in client.post(url, {"title": "Empty"}).content.decode()
    both = {"title": "Both", "text": "Some text", "file": SimpleUploadedFile("a.pdf", PDF)}
    assert "Either write the paper or attach a file" in client.post(url, both).content.decode()
    assert client.post(url, {"title": "Routes", "text": "The hub."}).status_code == 302
    client.force_login(world.people["member"])
    assert client.post(url, {"title": "Mine", "text": "Text"}).status_code == 403
    assert list(MeetingPaper.objects.values_list("title", flat=True)) == ["Routes"]
