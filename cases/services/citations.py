"""Citations in and out of the evidence library, offline: a pasted DOI, BibTeX entries or RIS records in;
BibTeX and RIS files out. Parsing never saves anything; the evidence services do that."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import bibtexparser
import rispy
from bibtexparser.bibdatabase import BibDatabase
from bibtexparser.bparser import BibTexParser
from bibtexparser.bwriter import BibTexWriter
from django.core.exceptions import ValidationError

from cases.models import Evidence, EvidenceKind

DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")
DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:")
RIS_KINDS = {"RPRT": EvidenceKind.POLICY, "GOVDOC": EvidenceKind.POLICY, "STAT": EvidenceKind.POLICY}
KIND_TO_RIS = {
    EvidenceKind.RESEARCH: "JOUR",
    EvidenceKind.POLICY: "GOVDOC",
    EvidenceKind.GUIDANCE: "RPRT",
    EvidenceKind.LOCAL_DATA: "DATA",
    EvidenceKind.PRACTICE: "GEN",
}
KIND_TO_BIBTEX = {EvidenceKind.RESEARCH: "article"}


@dataclass
class Citation:
    """What a pasted citation told us; the broker completes the rest."""

    title: str = ""
    authors: str = ""
    year: int | None = None
    publisher: str = ""
    doi: str = ""
    url: str = ""
    abstract: str = ""
    kind: str = EvidenceKind.RESEARCH
    source: str = ""  # "doi", "bibtex" or "ris"

    def as_initial(self) -> dict:
        return {
            "title": self.title,
            "authors": self.authors,
            "year": self.year,
            "publisher": self.publisher,
            "doi": self.doi,
            "url": self.url,
            "abstract": self.abstract,
            "kind": self.kind,
        }


def normalise_doi(value: str) -> str:
    """ "https://doi.org/10.1136/BMJ.m1" -> "10.1136/bmj.m1"; "" stays ""; anything else that is not a DOI raises."""
    value = (value or "").strip()
    if not value:
        return ""
    lowered = value.lower()
    for prefix in DOI_PREFIXES:
        if lowered.startswith(prefix):
            lowered = lowered[len(prefix) :].strip()
            break
    if not DOI_PATTERN.match(lowered):
        raise ValidationError(
            f"“{value[:80]}” is not a DOI. A DOI starts with 10. and has a slash, like 10.1136/bmj.m1."
        )
    return lowered


def title_key(title: str) -> str:
    """A title reduced for duplicate detection: lower-case letters and digits, single spaces."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", (title or "").lower()).split())[:500]


def _year(value) -> int | None:
    match = re.search(r"\b(1[5-9]\d\d|20\d\d|21\d\d)\b", str(value or ""))
    return int(match.group(1)) if match else None


def _clean(value: str) -> str:
    """Strip BibTeX braces and spread whitespace."""
    return " ".join(str(value or "").replace("{", "").replace("}", "").split())


def _authors_from_bibtex(value: str) -> str:
    return "; ".join(_clean(name) for name in re.split(r"\s+and\s+", value or "") if _clean(name))


def _parse_bibtex(text: str) -> list[Citation]:
    parser = BibTexParser(common_strings=True)
    parser.ignore_nonstandard_types = False
    try:
        database = bibtexparser.loads(text, parser=parser)
    except Exception as error:  # the v1 parser raises pyparsing and other errors on broken input
        raise ValidationError(f"The BibTeX could not be read ({error.__class__.__name__}). Check the braces.") from None
    expected = len(re.findall(r"@\s*\w+\s*[{(]", text)) - len(
        re.findall(r"@\s*(comment|preamble|string)\b", text, re.I)
    )
    if not database.entries or len(database.entries) < expected:
        raise ValidationError(
            "The BibTeX could not be read: check each entry starts with @article{key, and that every brace is closed."
        )
    citations = []
    for entry in database.entries:
        doi = normalise_doi(entry.get("doi", ""))
        citation = Citation(
            title=_clean(entry.get("title", "")),
            authors=_authors_from_bibtex(entry.get("author", "") or entry.get("editor", "")),
            year=_year(entry.get("year") or entry.get("date")),
            publisher=_clean(entry.get("journal") or entry.get("publisher") or entry.get("institution") or ""),
            doi=doi,
            url=_clean(entry.get("url", "")) or (f"https://doi.org/{doi}" if doi else ""),
            abstract=_clean(entry.get("abstract", "")),
            kind=EvidenceKind.POLICY if entry.get("ENTRYTYPE") in ("techreport", "report") else EvidenceKind.RESEARCH,
            source="bibtex",
        )
        if not citation.title:
            raise ValidationError(f"The BibTeX entry “{entry.get('ID', '?')}” has no title. Add title = {{...}}.")
        citations.append(citation)
    return citations


def _parse_ris(text: str) -> list[Citation]:
    text = text.replace("\r\n", "\n").strip() + "\n"
    if not re.search(r"^ER  -", text, re.M):
        raise ValidationError("The RIS record has no end line. Each record must end with a line “ER  - ”.")
    try:
        records = rispy.loads(text)
    except Exception as error:
        raise ValidationError(f"The RIS could not be read ({error}). Check each line starts like “TI  - ”.") from None
    if not records or len(records) != len(re.findall(r"^ER  -", text, re.M)):
        raise ValidationError("The RIS could not be read: each record must start with “TY  - ” and end with “ER  - ”.")
    citations = []
    for record in records:
        title = _clean(record.get("title") or record.get("primary_title") or "")
        if not title:
            raise ValidationError("A RIS record has no title. Add a line “TI  - <title>”.")
        authors = record.get("authors") or record.get("first_authors") or []
        doi = normalise_doi(record.get("doi", ""))
        urls = record.get("urls") or []
        citations.append(
            Citation(
                title=title,
                authors="; ".join(_clean(a) for a in authors),
                year=_year(record.get("year") or record.get("publication_year") or record.get("date")),
                publisher=_clean(
                    record.get("journal_name")
                    or record.get("secondary_title")
                    or record.get("alternate_title1")
                    or record.get("publisher")
                    or ""
                ),
                doi=doi,
                url=(urls[0] if urls else "") or (f"https://doi.org/{doi}" if doi else ""),
                abstract=_clean(record.get("abstract", "")),
                kind=RIS_KINDS.get(record.get("type_of_reference", ""), EvidenceKind.RESEARCH),
                source="ris",
            )
        )
    return citations


CITATION_LABELS = {"title": "title", "authors": "authors", "publisher": "journal or publisher", "doi": "DOI",
                   "url": "link"}  # fmt: skip
CITATION_LIMITS = {name: Evidence._meta.get_field(name).max_length for name in CITATION_LABELS}


def _checked(citations: list[Citation]) -> list[Citation]:
    """Every record's values fit the evidence library's fields, and links are web links: otherwise every problem,
    record by record, in one ValidationError (nothing is cut short, nothing is left for the database to refuse)."""
    problems = []
    for number, citation in enumerate(citations, start=1):
        where = f"Record {number}" if len(citations) > 1 else "The record"
        for name, limit in CITATION_LIMITS.items():
            value = getattr(citation, name)
            if len(value) > limit:
                label = CITATION_LABELS[name]
                problems.append(f"{where}: the {label} is {len(value):,} characters long; it can be at most {limit}.")
        if citation.url and not re.match(r"https?://[^\s]+$", citation.url, re.IGNORECASE):
            problems.append(f"{where}: the link must start with https:// or http://.")
    if problems:
        raise ValidationError(problems)
    return citations


def parse_citations(text: str) -> list[Citation]:
    """One or several citations from pasted text: a DOI (or doi.org link), BibTeX entries or RIS records.

    Raises ValidationError with a message that says what to fix when the text cannot be read.
    """
    return _checked(_parse_citations(text))


def _parse_citations(text: str) -> list[Citation]:
    text = (text or "").strip()
    if not text:
        raise ValidationError("Paste a DOI, a BibTeX entry or a RIS record.")
    if len(text) > 200_000:
        raise ValidationError("That is too much to import at once: paste at most a few hundred records.")
    if text.lstrip().startswith("@"):
        return _parse_bibtex(text)
    if re.match(r"^(\d+\.\s*\n)?TY  -", text):
        return _parse_ris(text)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if all(" " not in line for line in lines):
        try:
            dois = [normalise_doi(line) for line in lines]
        except ValidationError:
            pass
        else:
            return [Citation(doi=doi, url=f"https://doi.org/{doi}", source="doi") for doi in dict.fromkeys(dois)]
    raise ValidationError(
        "This is not a DOI, a BibTeX entry or a RIS record. A DOI looks like 10.1136/bmj.m1; BibTeX starts with "
        "@article{; RIS starts with “TY  - ”."
    )


# Export ---------------------------------------------------------------------------------------------------------
def _bibtex_key(item: Evidence) -> str:
    first = re.sub(r"[^A-Za-z]", "", (item.authors.split(";")[0].split(",")[0] if item.authors else "")) or "evidence"
    return f"{first.lower()}{item.year or ''}_{item.pk}"


def export_bibtex(items: Iterable[Evidence]) -> str:
    database = BibDatabase()
    for item in items:
        entry = {"ENTRYTYPE": KIND_TO_BIBTEX.get(item.kind, "misc"), "ID": _bibtex_key(item), "title": item.title}
        optional = {
            "author": " and ".join(a.strip() for a in item.authors.split(";") if a.strip()),
            "year": str(item.year or ""),
            "journal" if item.kind == EvidenceKind.RESEARCH else "publisher": item.publisher,
            "doi": item.doi,
            "url": item.url,
            "abstract": item.abstract,
            "note": item.summary,
        }
        entry.update({k: v for k, v in optional.items() if v})
        database.entries.append(entry)
    writer = BibTexWriter()
    writer.order_entries_by = None
    return bibtexparser.dumps(database, writer)


def export_ris(items: Iterable[Evidence]) -> str:
    records = []
    for item in items:
        record = {"type_of_reference": KIND_TO_RIS.get(item.kind, "GEN"), "title": item.title}
        if item.authors:
            record["authors"] = [a.strip() for a in item.authors.split(";") if a.strip()]
        if item.year:
            record["year"] = str(item.year)
        if item.publisher:
            record["journal_name" if item.kind == EvidenceKind.RESEARCH else "publisher"] = item.publisher
        for key, value in (("doi", item.doi), ("abstract", item.abstract)):
            if value:
                record[key] = value
        if item.url:
            record["urls"] = [item.url]
        if item.summary:
            record["notes"] = [item.summary]
        records.append(record)
    # rispy numbers each record ("1."); plain RIS has no such lines.
    return re.sub(r"^\d+\.\n", "", rispy.dumps(records), flags=re.M)
