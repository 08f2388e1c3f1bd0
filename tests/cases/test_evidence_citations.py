"""Citation import (DOI, BibTeX, RIS) and export, offline."""

import bibtexparser
import pytest
import rispy
from django.core.exceptions import ValidationError

from cases.services.citations import export_bibtex, export_ris, normalise_doi, parse_citations, title_key
from tests.factories import EvidenceFactory

BIBTEX = """@article{pilling2021,
  title = {Housing {First} for people with a personality disorder diagnosis},
  author = {Pilling, Sarah and Okafor, Ben},
  year = {2021},
  journal = {British Journal of Psychiatry},
  doi = {10.1192/BJP.2021.55},
  abstract = {A cohort study.}
}"""

RIS = """TY  - JOUR
TI  - Weekend crisis teams and emergency attendances
AU  - Hughes, Anna
AU  - Patel, Dev
PY  - 2019
JO  - Emergency Medicine Journal
DO  - 10.1136/emermed-2019-208
AB  - Fewer attendances at weekends.
ER  -

TY  - RPRT
TI  - Local data on rough sleeping in Essex
PY  - 2023
PB  - Essex County Council
ER  -
"""


def test_a_bare_doi_fills_only_the_doi_and_its_link():
    [citation] = parse_citations("  https://doi.org/10.1136/BMJ.M1  ")
    assert citation.doi == "10.1136/bmj.m1"
    assert citation.url == "https://doi.org/10.1136/bmj.m1"
    assert citation.title == "" and citation.authors == "" and citation.year is None


def test_bibtex_fills_the_fields():
    [citation] = parse_citations(BIBTEX)
    assert citation.title == "Housing First for people with a personality disorder diagnosis"
    assert citation.authors == "Pilling, Sarah; Okafor, Ben"
    assert citation.year == 2021
    assert citation.publisher == "British Journal of Psychiatry"
    assert citation.doi == "10.1192/bjp.2021.55"
    assert citation.abstract == "A cohort study."


def test_ris_reads_several_records():
    first, second = parse_citations(RIS)
    assert first.title == "Weekend crisis teams and emergency attendances"
    assert first.authors == "Hughes, Anna; Patel, Dev"
    assert first.year == 2019 and first.doi == "10.1136/emermed-2019-208"
    assert first.publisher == "Emergency Medicine Journal"
    assert second.kind == "policy" and second.year == 2023


@pytest.mark.parametrize(
    "text, says",
    [
        ("", "Paste a DOI"),
        ("is there anything on housing?", "not a DOI, a BibTeX entry or a RIS record"),
        ("@article{x, title = {Unclosed", "could not be read"),
        ("@article{x, author = {Smith, J}}", "has no title"),
        ("@article{x, title = {T}, doi = {not-a-doi}}", "is not a DOI"),
        ("TY  - JOUR\nTI  - No end line\n", "no end line"),
        ("TY  - JOUR\nAU  - Smith, J\nER  - \n", "has no title"),
        ("10.1136/bmj.m1\nhttps://example.org/x", "not a DOI"),
    ],
)
def test_malformed_input_gets_a_clear_error(text, says):
    with pytest.raises(ValidationError) as error:
        parse_citations(text)
    assert says in " ".join(error.value.messages)


def test_dois_and_titles_are_normalised_for_duplicates():
    assert normalise_doi("doi:10.1000/ABC") == "10.1000/abc"
    assert normalise_doi("") == ""
    assert title_key("Housing First: for People!") == title_key("housing first for people")


@pytest.mark.django_db
def test_export_round_trips_through_bibtex_and_ris():
    items = [
        EvidenceFactory(title="Weekend crisis teams", doi="10.1136/emermed-2019-208", year=2019),
        EvidenceFactory(title="Local rough sleeping counts", kind="local_data", authors="", year=None),
    ]
    bib = bibtexparser.loads(export_bibtex(items)).entries
    assert [e["title"] for e in bib] == ["Weekend crisis teams", "Local rough sleeping counts"]
    assert bib[0]["doi"] == "10.1136/emermed-2019-208" and bib[0]["author"] == "Smith, Jane and Khan, Amir"
    ris = rispy.loads(export_ris(items))
    assert [r["title"] for r in ris] == ["Weekend crisis teams", "Local rough sleeping counts"]
    assert ris[0]["authors"] == ["Smith, Jane", "Khan, Amir"] and ris[1]["type_of_reference"] == "DATA"
    # And what we export, we can import again.
    assert [c.title for c in parse_citations(export_bibtex(items))] == [i.title for i in items]
    assert [c.title for c in parse_citations(export_ris(items))] == [i.title for i in items]
