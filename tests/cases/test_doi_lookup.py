"""A DOI pasted on its own is looked up through the configured resolver, here a local server giving recorded
answers (tests/cases/doi_answers/); every way the lookup can fail leaves the broker with a clear message, the DOI
and its link filled in, and nothing saved."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

import pytest
from django.urls import reverse

from cases.models import Evidence
from cases.services.doi_lookup import CSL_JSON

ANSWERS = Path(__file__).parent / "doi_answers"


class Resolver(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the http.server name)
        doi = unquote(self.path.lstrip("/"))
        if self.headers.get("Accept") != CSL_JSON:
            return self._answer(406, b"ask for CSL JSON")
        if doi == "10.5555/broken":
            return self._answer(500, b"upstream error")
        if doi == "10.5555/garbled":
            return self._answer(200, b"<html>not json</html>")
        answer = ANSWERS / f"{doi.replace('/', '_')}.json"
        if not answer.exists():
            return self._answer(404, b"DOI not found")
        return self._answer(200, answer.read_bytes())

    def _answer(self, status: int, body: bytes):
        self.send_response(status)
        self.send_header("Content-Type", CSL_JSON if status == 200 else "text/plain")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def resolver(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Resolver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.DOI_RESOLVER_URL = f"http://127.0.0.1:{server.server_port}/"
    yield settings.DOI_RESOLVER_URL
    server.shutdown()


def paste(client, citation: str):
    return client.post(reverse("evidence:import"), {"citation": citation})


def test_a_journal_article_is_filled_in_from_its_record(broker, client, resolver):
    client.force_login(broker)
    response = paste(client, "https://doi.org/10.5555/cop.2026.001")
    initial = response.context["form"].initial
    assert initial["title"].startswith("Communities of practice for front-line workers")
    assert initial["authors"] == "Okafor, Amara; Nowak, Tomasz"
    assert (initial["year"], initial["publisher"], initial["kind"]) == (
        2025,
        "Journal of Example Social Care",
        "research",
    )
    assert (
        initial["abstract"].startswith("Abstract Front-line workers who support adults")
        and "<jats" not in initial["abstract"]
    )
    assert "We looked the DOI up" in response.content.decode()
    assert not Evidence.objects.exists()


def test_a_report_by_an_organisation_is_policy(broker, client, resolver):
    client.force_login(broker)
    initial = paste(client, "10.5555/cop.report.7").context["form"].initial
    assert initial["authors"] == "Department of Example Health and Social Care"
    assert (initial["kind"], initial["year"], initial["publisher"]) == ("policy", 2024, "Example Stationery Office")


def test_a_doi_already_in_the_library_is_offered_instead(broker, client, resolver):
    Evidence.objects.create(title="Already here", doi="10.5555/cop.2026.001", added_by=broker)
    client.force_login(broker)
    response = paste(client, "10.5555/cop.2026.001")
    assert "Already here" in response.content.decode() and "form" not in (response.context or {})


@pytest.mark.parametrize(
    ("doi", "resolver_url", "message"),
    [
        ("10.5555/unknown", None, "No record was found for this DOI"),
        ("10.5555/broken", None, "The DOI service answered with an error (500)"),
        ("10.5555/garbled", None, "could not be read"),
        ("10.5555/cop.2026.001", "http://127.0.0.1:9/", "could not be reached from this server"),
        ("10.5555/cop.2026.001", "", "Looking DOIs up is switched off"),
        ("10.5555/cop.2026.001", "file:///etc/", "is not a web address"),
    ],
)
def test_a_failed_lookup_says_why_and_keeps_the_doi(broker, client, resolver, settings, doi, resolver_url, message):
    if resolver_url is not None:
        settings.DOI_RESOLVER_URL = resolver_url
    client.force_login(broker)
    response = paste(client, doi)
    page = response.content.decode()
    assert "We could not look this DOI up" in page and message in page
    initial = response.context["form"].initial
    assert (initial["doi"], initial["url"], initial["title"]) == (doi, f"https://doi.org/{doi}", "")
    assert not Evidence.objects.exists()


def test_the_recorded_answers_are_valid_json():
    assert all(json.loads(path.read_text()) for path in ANSWERS.glob("*.json"))
