"""The read API's OpenAPI schema, fuzzed with schemathesis against the running app (its WSGI application,
on the test database): zero server errors and zero responses that do not match the schema."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

from cop.wsgi import application
from tests.api.conftest import bearer

FUZZED = {"cases": 0, "operations": 0}  # printed at the end of the test run
EXAMPLES_PER_OPERATION = 60
CHECKS = [not_a_server_error, response_schema_conformance]


def fuzz(operation, headers: dict) -> None:
    """Up to EXAMPLES_PER_OPERATION generated requests; the first failing check fails the test, with hypothesis'
    smallest falsifying example."""

    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(case=operation.as_strategy())
    def run(case):
        FUZZED["cases"] += 1
        response = case.call(headers=headers)
        case.validate_response(response, checks=CHECKS, headers=headers)

    run()
    FUZZED["operations"] += 1


@pytest.fixture
def wsgi_app():
    """The project's WSGI application, called in-process inside the test's transaction. Like Django's test client,
    it must not close the database connection at the end of each request (that would end the transaction)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield application
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["admin", "commissioner", None])
def test_the_api_schema_holds_under_fuzzing(programme, wsgi_app, role):
    """As a programme admin (who sees every endpoint), a commissioner (refused the figures) and anonymously."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", wsgi_app)
    headers = {"Authorization": bearer(programme["tokens"][role])["HTTP_AUTHORIZATION"]} if role else {}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.label for op in operations} >= {
        "GET /api/v1/learning-objects/",
        "GET /api/v1/learning-objects/{id}/",
        "GET /api/v1/evidence/",
        "GET /api/v1/evidence/{id}/",
        "GET /api/v1/figures/",
        "GET /api/v1/surveys/",
        "GET /api/v1/surveys/{id}/results/",
    }
    for operation in operations:
        fuzz(operation, headers)
