"""The evidence library: adding items (by hand, from citations), duplicates, files, search, filters, export."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from cases.models import CaseStatus, Evidence, Theme
from cases.services import evidence as services
from tests.cases.evidence_files import PDF, upload
from tests.cases.test_evidence_citations import BIBTEX, RIS
from tests.factories import EvidenceFactory

pytestmark = pytest.mark.django_db


def test_broker_adds_an_item_with_a_normalised_doi_and_a_file(broker):
    theme = Theme.objects.get_or_create(name="Housing")[0]
    item = services.add_evidence(
        by=broker,
        kind="research",
        title="  Housing   first ",
        doi="https://doi.org/10.1000/ABC",
        themes=[theme],
        file=upload("Final report.pdf", PDF),
    )
    item.refresh_from_db()
    assert item.title == "Housing first" and item.doi == "10.1000/abc"
    assert item.url == "https://doi.org/10.1000/abc"
    assert item.file_name == "Final report.pdf" and item.file_type == "application/pdf"
    assert "Final" not in item.file.name and item.file.name.startswith("evidence/")
    assert list(item.themes.all()) == [theme]


def test_members_cannot_add_evidence(member):
    with pytest.raises(PermissionDenied):
        services.add_evidence(by=member, title="Anything")


def test_duplicates_found_by_doi_or_by_title_and_year(broker):
    existing = EvidenceFactory(title="Weekend crisis teams", doi="10.1136/emermed-2019-208", year=2019)
    assert services.find_duplicates(doi="https://doi.org/10.1136/EMERMED-2019-208") == [existing]
    assert services.find_duplicates(title="Weekend Crisis Teams!", year=2019) == [existing]
    assert services.find_duplicates(title="Weekend crisis teams", year=2020) == []
    with pytest.raises(services.DuplicateEvidenceError):
        services.add_evidence(by=broker, title="Something else", doi="10.1136/emermed-2019-208")
    assert Evidence.objects.count() == 1


def test_a_refused_file_saves_nothing(broker, client):
    client.force_login(broker)
    response = client.post(
        reverse("evidence:create"),
        {"kind": "research", "title": "Renamed program", "file": upload("report.pdf", b"MZ\x90\x00" + b"\x00" * 64)},
    )
    assert response.status_code == 200
    assert "not one we accept" in response.content.decode()
    assert not Evidence.objects.exists()


def test_an_oversized_file_through_the_form_saves_nothing(broker, client, settings):
    settings.EVIDENCE_MAX_UPLOAD_BYTES = 100
    client.force_login(broker)
    response = client.post(
        reverse("evidence:create"), {"kind": "research", "title": "Big", "file": upload("big.pdf", PDF * 10)}
    )
    assert "at most" in response.content.decode() and not Evidence.objects.exists()


def test_an_empty_file_through_the_form_saves_nothing(broker, client):
    client.force_login(broker)
    response = client.post(
        reverse("evidence:create"), {"kind": "research", "title": "Empty", "file": upload("e.pdf", b"")}
    )
    assert response.status_code == 200 and not Evidence.objects.exists()


def test_pasting_a_doi_prefills_the_form_without_saving(broker, client):
    client.force_login(broker)
    response = client.post(reverse("evidence:import"), {"citation": "10.1136/bmj.m1"})
    form = response.context["form"]
    assert form.initial["doi"] == "10.1136/bmj.m1" and form.initial["url"] == "https://doi.org/10.1136/bmj.m1"
    assert form.initial["title"] == ""
    assert "We could not look this DOI up: Looking DOIs up is switched off" in response.content.decode()
    assert not Evidence.objects.exists()


def test_pasting_bibtex_prefills_the_form_and_saving_adds_it(broker, client):
    client.force_login(broker)
    response = client.post(reverse("evidence:import"), {"citation": BIBTEX})
    initial = response.context["form"].initial
    assert initial["title"] == "Housing First for people with a personality disorder diagnosis"
    data = {k: v for k, v in initial.items() if v is not None}
    data["summary"] = "Housing first works for this group too."
    response = client.post(reverse("evidence:create"), data)
    item = Evidence.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("evidence:detail", args=[item.pk])
    assert item.added_by == broker and item.year == 2021 and item.summary.startswith("Housing first")


def test_pasting_several_ris_records_adds_each_and_offers_duplicates(broker, client):
    existing = EvidenceFactory(title="Local data on rough sleeping in Essex", year=2023)
    client.force_login(broker)
    response = client.post(reverse("evidence:import"), {"citation": RIS})
    body = response.content.decode()
    assert [e.title for e in response.context["added"]] == ["Weekend crisis teams and emergency attendances"]
    assert response.context["existing"] == [existing]
    assert reverse("evidence:detail", args=[existing.pk]) in body
    assert Evidence.objects.count() == 2


def test_pasting_a_duplicate_offers_the_existing_item(broker, client):
    existing = EvidenceFactory(doi="10.1192/bjp.2021.55")
    client.force_login(broker)
    response = client.post(reverse("evidence:import"), {"citation": BIBTEX})
    body = response.content.decode()
    assert "already in the library" in body and reverse("evidence:detail", args=[existing.pk]) in body
    assert "Use it" in body
    assert Evidence.objects.count() == 1


def test_malformed_citation_shows_a_clear_error_and_saves_nothing(broker, client):
    client.force_login(broker)
    response = client.post(reverse("evidence:import"), {"citation": "@article{x, title = {Unclosed"})
    assert response.status_code == 200
    assert "every brace is closed" in response.content.decode()
    assert not Evidence.objects.exists()


def test_a_malformed_entry_among_several_saves_none(broker, client):
    client.force_login(broker)
    text = "@article{a, title={Good one}, year={2020}}\n@article{b, title={Bad one}, doi={nope}}"
    response = client.post(reverse("evidence:import"), {"citation": text})
    assert "is not a DOI" in response.content.decode() and not Evidence.objects.exists()


def test_library_search_filters_and_sorts(client, member, make_case, broker):
    housing = Theme.objects.get_or_create(name="Housing")[0]
    old = EvidenceFactory(title="Housing first in Essex", year=2018, kind="research", summary="")
    old.themes.add(housing)
    used = EvidenceFactory(title="Weekend crisis teams", year=2021, kind="guidance", summary="")
    EvidenceFactory(title="Rough sleeping counts", year=2023, kind="local_data", summary="")
    services.attach_evidence(case=make_case(CaseStatus.SHARED), evidence=used, by=broker)
    client.force_login(member)

    def titles(**params):
        response = client.get(reverse("evidence:list"), params)
        return [item.title for item in response.context["page"].object_list]

    assert titles() == ["Rough sleeping counts", "Weekend crisis teams", "Housing first in Essex"]
    assert titles(q="housing") == ["Housing first in Essex"]
    assert titles(kind="guidance") == ["Weekend crisis teams"]
    assert titles(theme=housing.pk) == ["Housing first in Essex"]
    assert titles(year="2023") == ["Rough sleeping counts"]
    assert titles(used="yes") == ["Weekend crisis teams"]
    assert titles(used="no") == ["Rough sleeping counts", "Housing first in Essex"]
    assert titles(sort="most_used")[0] == "Weekend crisis teams"
    assert titles(kind="<script>", year="99999999999999", theme="x") == titles()


def test_library_page_query_count_does_not_grow(client, member, django_assert_max_num_queries):
    housing = Theme.objects.get_or_create(name="Housing")[0]
    for _ in range(25):
        EvidenceFactory().themes.add(housing)
    client.force_login(member)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("evidence:list"), {"page": 2})
    assert len(response.context["page"].object_list) == 5


def test_export_the_result_or_a_selection(client, member):
    first = EvidenceFactory(title="Housing first in Essex")
    EvidenceFactory(title="Weekend crisis teams")
    client.force_login(member)
    response = client.get(reverse("evidence:export"), {"format": "bibtex"})
    assert response["Content-Disposition"] == 'attachment; filename="evidence.bib"'
    assert "Housing first in Essex" in response.content.decode() and "Weekend crisis" in response.content.decode()
    response = client.get(reverse("evidence:export"), {"format": "ris", "ids": [first.pk]})
    body = response.content.decode()
    assert response["Content-Disposition"] == 'attachment; filename="evidence.ris"'
    assert "TI  - Housing first in Essex" in body and "Weekend" not in body
    response = client.get(reverse("evidence:export"), {"format": "ris", "q": "weekend"})
    assert "Weekend crisis teams" in response.content.decode() and "Essex" not in response.content.decode()


def test_the_library_is_for_programme_people_not_commissioners(client, commissioner, outsider, facilitator):
    for person in (outsider, facilitator):
        client.force_login(person)
        assert client.get(reverse("evidence:list")).status_code == 200
    client.force_login(commissioner)
    assert client.get(reverse("evidence:list")).status_code == 403


def test_an_items_page_lists_only_the_cases_the_reader_may_see(client, make_case, broker, member, outsider):
    item = EvidenceFactory()
    case = make_case(CaseStatus.SHARED, title="Weekend crises")
    services.attach_evidence(case=case, evidence=item, by=broker, note="Matches the weekend pattern.")
    client.force_login(member)
    body = client.get(reverse("evidence:detail", args=[item.pk])).content.decode()
    assert "Weekend crises" in body and "Matches the weekend pattern." in body
    client.force_login(outsider)
    body = client.get(reverse("evidence:detail", args=[item.pk])).content.decode()
    assert "Weekend crises" not in body and "Not used in any case you can see." in body


def test_edit_replaces_fields_and_keeps_the_doi_unique(client, broker):
    item = EvidenceFactory(doi="10.1000/one")
    EvidenceFactory(doi="10.1000/two")
    client.force_login(broker)
    data = {"kind": "policy", "title": "New title", "doi": "10.1000/two"}
    response = client.post(reverse("evidence:edit", args=[item.pk]), data)
    assert "already in the library" in response.content.decode()
    data["doi"] = "10.1000/one"
    assert client.post(reverse("evidence:edit", args=[item.pk]), data).status_code == 302
    item.refresh_from_db()
    assert item.title == "New title" and item.kind == "policy"


def test_search_ranks_title_matches_first_and_uses_websearch_on_postgresql(broker):
    from cases.search import search_evidence, uses_postgres

    in_summary = services.add_evidence(
        by=broker, title="Tenancy sustainment", summary="Eviction prevention worked for people with arrears."
    )
    in_title = services.add_evidence(by=broker, title="Eviction and health", summary="A cohort study.")
    services.add_evidence(by=broker, title="Weekend crisis teams", summary="Fewer attendances at weekends.")
    assert list(search_evidence(Evidence.objects.all(), "eviction")) == [in_title, in_summary]
    if uses_postgres():
        assert list(search_evidence(Evidence.objects.all(), '"prevention worked"')) == [in_summary]
        assert list(search_evidence(Evidence.objects.all(), "attending")) != []  # stemmed: attendances
        assert list(search_evidence(Evidence.objects.all(), "eviction -health")) == [in_summary]
        assert not Evidence.objects.filter(search_vector=None).exists()
    else:
        assert list(search_evidence(Evidence.objects.all(), "crisis teams")) != []
