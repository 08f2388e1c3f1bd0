"""The digest as a document: rendered for real with WeasyPrint and read back with pypdf."""

from datetime import datetime, time

import pytest
from django.utils import timezone

from digests.content import digest_content, digest_sites
from digests.pdf import render_content_pdf
from tests.digests.conftest import ISSUE_DRAFT, ISSUE_HOUSING, ISSUE_NAMED, ISSUE_SHARED, ISSUE_WEEKEND
from tests.digests.pdftext import read_pdf

pytestmark = pytest.mark.django_db


def content_for(programme, sites=None):
    sites = sites if sites is not None else digest_sites(sites_key="all", site_ids=[], period_end=programme["end"])
    return digest_content(period_start=programme["start"], period_end=programme["end"], sites=sites)


def test_digest_pdf_holds_the_sections_issues_and_figures_and_no_names_or_drafts(programme):
    content = content_for(programme)
    reader, text = read_pdf(render_content_pdf(content))

    for section in [
        "Commissioner digest",
        "Contents",
        "1. Key figures",
        "2. Issues for commissioners by theme",
        "3. Issues raised earlier: where they stand",
        "4. Outcomes reported: maintenance, prevention and recovery",
        "5. Learning objects published",
        "6. About this digest",
    ]:
        assert section in text
    assert ISSUE_WEEKEND in text and ISSUE_HOUSING in text
    assert "Weekend crises and repeated A&E attendance" in text
    assert "Recurring issues" in text and "Lack of suitable accommodation" in text
    assert "Maintenance" in text and "Prevention" in text and "Recovery" in text
    assert "A weekend plan agreed with the crisis team" in text  # the learning object's summary
    assert "2 of 2 sites active" in text  # CP1 and CP3 met in the period
    assert f"Page 1 of {len(reader.pages)}" in text and f"Page {len(reader.pages)} of {len(reader.pages)}" in text
    assert "Commissioner digest · " + content["period_label"] in text  # the running header
    # Never a person's name, a draft, a case not yet discussed, or text the second check flags.
    for person in programme["people"]:
        assert person.name not in text
        assert person.name.split()[0] not in text
    assert ISSUE_DRAFT not in text and "Draft about detox" not in text
    assert ISSUE_SHARED not in text
    assert "Patel" not in text and ISSUE_NAMED not in text
    assert content["withheld"] == 1
    assert "1 text was left out" in text
    assert 5 <= len(reader.pages) <= 20


def test_digest_pdf_says_where_the_issues_raised_earlier_stand(programme, commissioner):
    """Issues raised before the period, with their status today and their responses, read back from the PDF."""
    from datetime import timedelta

    from cases.models import CommissionerIssue
    from cases.services import issues

    before = timezone.make_aware(datetime.combine(programme["start"] - timedelta(days=40), time(10)))
    CommissionerIssue.objects.filter(case__in=[programme["housing"], programme["weekend"]]).update(raised_at=before)
    housing = CommissionerIssue.objects.get(case=programme["housing"])
    issues.respond_to_issue(issue=housing, by=commissioner, text="The panel now meets weekly.", status="action_taken")
    _, text = read_pdf(render_content_pdf(content_for(programme)))
    section = text.split("3. Issues raised earlier: where they stand")[-1].split("4. Outcomes reported")[0]
    assert "2 issues raised before this period at these sites; 1 has had a response from commissioners" in section
    assert "action taken 1" in section and "raised 1" in section
    assert "Waiting for supported housing" in section and "Action taken (since" in section
    assert "Weekend crises and repeated A&E attendance" in section and "Day centre hours" not in section
    for person in programme["people"] + [commissioner]:
        assert person.name not in section


def test_digest_pdf_is_tagged_with_title_and_language(programme):
    reader, _ = read_pdf(render_content_pdf(content_for(programme)))
    catalog = reader.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"]) is True
    assert "/StructTreeRoot" in catalog
    assert str(catalog["/Lang"]).lower() == "en-gb"
    assert reader.metadata.title.startswith("Commissioner digest: ")
    assert b"pdfuaid" in reader.xmp_metadata.stream.get_data()


def test_digest_of_chosen_sites_leaves_the_others_out(programme, other_site):
    content = content_for(programme, sites=[other_site])
    issues = [c["issues"] for theme in content["themes"] for c in theme.cases]
    assert issues == [ISSUE_HOUSING]
    assert content["figures"]["sites_covered"] == 1
    assert [c["count"] for c in content["outcomes"]["columns"]] == [0, 1, 0]  # maintenance, prevention, recovery
    assert content["learning_objects"] == []


def test_recurring_themes_rank_by_cases_then_sites(programme):
    themes = content_for(programme)["themes"]
    assert [(t.name, t.case_count, t.site_count) for t in themes] == [
        ("Lack of suitable accommodation", 2, 2),
        ("Weekend crises", 1, 1),
    ]
