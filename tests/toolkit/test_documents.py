import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from sites.models import MembershipRole
from tests.factories import MeetingFactory, MembershipFactory, SiteFactory, at
from toolkit import pdf
from toolkit.documents import DOCUMENTS, render_document_text
from toolkit.templatetags.toolkit import css_string

pytestmark = pytest.mark.django_db


@pytest.fixture
def halifax(db):
    site = SiteFactory(code="CP2", town="Halifax", host_organisation="Calderdale Voluntary Action", name="Halifax CoP")
    MembershipFactory(site=site, role=MembershipRole.FACILITATOR, person__name="Jo O'Neill")
    return site


def pdf_text(data: bytes) -> str:
    assert data.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(data))
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=1)  # A4
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


NEXT_DAY = timezone.localdate() + timedelta(days=10)
WHAT_EACH_SAYS = {
    "invitation_letter": [
        "release a member of your team",
        "once a month for two hours",
        f"{NEXT_DAY:%A} {NEXT_DAY.day} {NEXT_DAY:%B %Y}, 10:00 to 12:00, Square Chapel",
        "Jo O'Neill",
    ],
    "ground_rules": [
        "name, date of birth, NHS number, National Insurance number, address",
        "anonymised",
        "Information sharing",
    ],
    "case_template": [
        "1. Presentation of the case",
        "2. Next steps: suggestions for practical action",
        "3. Learning for improved practice",
        "4. Issues for commissioners",
        "Were the suggested actions helpful?",
    ],
    "taster_outline": ["Taster session outline", "Jo O'Neill", "Ground rules on confidentiality"],
}


@pytest.mark.parametrize("slug", list(DOCUMENTS))
def test_each_document_is_filled_in_with_the_sites_details(halifax, slug):
    MeetingFactory(site=halifax, starts_at=at(NEXT_DAY, 10), ends_at=at(NEXT_DAY, 12), venue="Square Chapel")
    text = pdf_text(getattr(pdf, f"render_{slug}_pdf")(halifax))
    plain = " ".join(render_document_text(slug, halifax).split())
    for detail in ["CP2", "Halifax", "Calderdale Voluntary Action", *WHAT_EACH_SAYS[slug]]:
        assert detail in text
        assert detail.lower() in plain.lower()  # the text version has capitalised headings


def test_facilitator_downloads_documents_and_others_may_not(client, site, other_site, facilitator, member):
    client.force_login(facilitator)
    response = client.get(reverse("toolkit:document", args=[site.pk, "ground_rules", "txt"]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="CP1-ground-rules.txt"'
    assert "Brighton Housing Trust" in response.content.decode()
    response = client.get(reverse("toolkit:document", args=[site.pk, "case_template", "pdf"]))
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    assert client.get(reverse("toolkit:document", args=[site.pk, "nonsense", "pdf"])).status_code == 404
    assert client.get(reverse("toolkit:document", args=[site.pk, "ground_rules", "exe"])).status_code == 404
    assert client.get(reverse("toolkit:document", args=[other_site.pk, "ground_rules", "txt"])).status_code == 404

    client.force_login(member)
    assert client.get(reverse("toolkit:document", args=[site.pk, "ground_rules", "txt"])).status_code == 403


def test_programme_admin_downloads_any_sites_documents(client, other_site, programme_admin):
    client.force_login(programme_admin)
    response = client.get(reverse("toolkit:document", args=[other_site.pk, "taster_outline", "txt"]))
    assert response.status_code == 200 and "Colchester CVS" in response.content.decode()


def test_page_margin_text_cannot_break_out_of_its_css_string():
    assert css_string('St Mungo\'s & "Friends"</style>') == "St Mungo's & \\22 Friends\\22 \\3c /style\\3e "
