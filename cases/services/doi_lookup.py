"""Looking a DOI up: the one part of the evidence library that needs the network.

The DOI resolver (doi.org by default, `DOI_RESOLVER_URL`; empty switches lookups off) answers in CSL JSON when asked
with content negotiation, for DOIs registered with Crossref, DataCite and mEDRA alike. Where the server has no network,
the broker is told so plainly and fills the fields in by hand. The standard library's urllib is enough for one GET
with a timeout; nothing else here needs an HTTP client.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from urllib.parse import quote

from django.conf import settings

from cases.models import EvidenceKind
from cases.services.citations import Citation

CSL_JSON = "application/vnd.citationstyles.csl+json"
MAX_ANSWER_BYTES = 2_000_000
POLICY_TYPES = {"report", "legislation", "legal_case", "regulation", "standard"}


class DoiLookupFailed(Exception):
    """Why a DOI could not be looked up, in words for the person who pasted it."""


def lookup_doi(doi: str, *, timeout: float = 6.0) -> Citation:
    resolver = settings.DOI_RESOLVER_URL
    if not resolver:
        raise DoiLookupFailed("Looking DOIs up is switched off on this server.")
    request = urllib.request.Request(  # noqa: S310 (the resolver is configured by the operator, http(s) only)
        f"{resolver.rstrip('/')}/{quote(doi, safe='/;:()')}",
        headers={"Accept": CSL_JSON, "User-Agent": "communities-of-practice (evidence library)"},
    )
    if not request.full_url.startswith(("https://", "http://")):
        raise DoiLookupFailed("The DOI resolver is not a web address: ask your administrator to check it.")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310 (checked above)
            data = json.loads(answer.read(MAX_ANSWER_BYTES))
    except urllib.error.HTTPError as error:
        if error.code == 404:
            raise DoiLookupFailed("No record was found for this DOI: check it for typing mistakes.") from None
        raise DoiLookupFailed(f"The DOI service answered with an error ({error.code}); try again later.") from None
    except (urllib.error.URLError, TimeoutError, OSError):
        raise DoiLookupFailed("The DOI service could not be reached from this server.") from None
    except ValueError:
        raise DoiLookupFailed("The DOI service's answer could not be read.") from None
    if not isinstance(data, dict) or not _text(data.get("title")):
        raise DoiLookupFailed("The DOI service's answer held no title.")
    return citation_from_csl(data, doi=doi)


def citation_from_csl(data: dict, *, doi: str) -> Citation:
    return Citation(
        title=_text(data.get("title"))[:500],
        authors="; ".join(_name(person) for person in data.get("author") or [] if _name(person))[:1000],
        year=_year(data),
        publisher=(_text(data.get("container-title")) or _text(data.get("publisher")))[:300],
        doi=doi,
        url=(_text(data.get("URL")) or f"https://doi.org/{doi}")[:500],
        abstract=_plain(_text(data.get("abstract"))),
        kind=EvidenceKind.POLICY if data.get("type") in POLICY_TYPES else EvidenceKind.RESEARCH,
        source="doi",
    )


def _text(value) -> str:
    """CSL gives some fields as a string, others (from Crossref) as a list of strings."""
    if isinstance(value, list):
        value = value[0] if value else ""
    return " ".join(str(value).split()) if value else ""


def _name(person: dict) -> str:
    if not isinstance(person, dict):
        return ""
    if person.get("literal"):
        return _text(person["literal"])
    family, given = _text(person.get("family")), _text(person.get("given"))
    return f"{family}, {given}" if family and given else family or given


def _year(data: dict) -> int | None:
    for key in ("issued", "published-print", "published-online", "created"):
        parts = (data.get(key) or {}).get("date-parts") or [[None]]
        try:
            year = int(parts[0][0])
        except (TypeError, ValueError, IndexError):
            continue
        if 1500 <= year <= 2200:
            return year
    return None


def _plain(abstract: str) -> str:
    """Crossref abstracts come in JATS XML (<jats:p>...): keep the words."""
    return " ".join(re.sub(r"<[^>]+>", " ", abstract).split())
