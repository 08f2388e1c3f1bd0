"""The read API per role, through real tokens: the same scoping as the pages, no drafts, no names."""

import json

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from api.models import ApiToken
from api.services import create_api_token, revoke_api_token
from audit.models import AuditAction, AuditEvent
from tests.api.conftest import bearer, names_of_people

LEARNING_OBJECTS = reverse("api:learning_objects")
EVIDENCE = reverse("api:evidence_list")
FIGURES = reverse("api:figures")
SURVEYS = reverse("api:surveys")


def get(client, url, key=None, **params):
    response = client.get(url, params, **(bearer(key) if key else {}))
    return response, (response.json() if response["Content-Type"].startswith("application/json") else None)


def ids(body) -> set[int]:
    return {row["id"] for row in body["results"]}


@pytest.mark.django_db
def test_without_a_token_only_openly_published_learning_objects_and_their_evidence(client, programme):
    cases, evidence = programme["cases"], programme["evidence"]
    _, body = get(client, LEARNING_OBJECTS)
    assert ids(body) == {cases["public"].pk}
    assert get(client, reverse("api:learning_object", args=[cases["published"].pk]))[0].status_code == 404
    _, body = get(client, EVIDENCE)
    assert ids(body) == {evidence["public"].pk}
    response, body = get(client, FIGURES)
    assert response.status_code == 401 and response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.django_db
def test_commissioners_token_sees_learning_objects_but_no_draft_and_no_names(client, programme):
    key, cases, evidence = programme["tokens"]["commissioner"], programme["cases"], programme["evidence"]
    _, body = get(client, LEARNING_OBJECTS, key)
    assert ids(body) == {cases["published"].pk, cases["public"].pk}
    for state in ("draft", "shared"):
        assert get(client, reverse("api:learning_object", args=[cases[state].pk]), key)[0].status_code == 404
    _, body = get(client, EVIDENCE, key)
    assert ids(body) == {evidence["published"].pk, evidence["public"].pk}  # not the library, not the shared case's
    everything = [get(client, LEARNING_OBJECTS, key)[0], get(client, EVIDENCE, key)[0]]
    for state in ("published", "public"):
        everything.append(get(client, reverse("api:learning_object", args=[cases[state].pk]), key)[0])
    text = " ".join(r.content.decode() for r in everything)
    assert "A man in his forties" in text  # the learning object's content is there
    for name in names_of_people():
        assert name not in text
    assert get(client, FIGURES, key)[0].status_code == 403
    assert get(client, SURVEYS, key)[0].status_code == 403


@pytest.mark.django_db
def test_learning_object_carries_its_evidence_and_the_read_is_audited(client, programme):
    case, item = programme["cases"]["public"], programme["evidence"]["public"]
    key = programme["tokens"]["commissioner"]
    _, body = get(client, reverse("api:learning_object", args=[case.pk]), key)
    assert [e["id"] for e in body["evidence"]] == [item.pk]
    assert body["evidence"][0]["title"] == item.title
    assert body["next_steps"][0]["text"] == "Ask the neighbourhood team to call on Saturdays."
    assert "owner" not in body["next_steps"][0] and "presenters" not in body
    event = AuditEvent.objects.filter(action=AuditAction.VIEWED, target_id=str(case.pk)).latest("at")
    assert event.actor == programme["world"].people["commissioner"] and event.detail == "learning object (API)"


@pytest.mark.django_db
def test_sites_people_read_the_whole_evidence_library(client, programme):
    for role in ("member", "other_member", "broker", "admin"):
        _, body = get(client, EVIDENCE, programme["tokens"][role])
        assert ids(body) == {item.pk for item in programme["evidence"].values()}, role
    shared_case = programme["cases"]["shared"]
    _, body = get(client, EVIDENCE, programme["tokens"]["member"])
    on_shared = next(row for row in body["results"] if row["id"] == programme["evidence"]["shared"].pk)
    assert on_shared["learning_objects"] == [] and shared_case.pk not in on_shared["learning_objects"]


@pytest.mark.django_db
def test_members_brokers_may_not_read_programme_figures(client, programme):
    for role in ("member", "other_member", "broker", "commissioner"):
        assert get(client, FIGURES, programme["tokens"][role])[0].status_code == 403, role


@pytest.mark.django_db
def test_facilitator_reads_their_own_sites_figures_without_names(client, programme):
    response, body = get(client, FIGURES, programme["tokens"]["facilitator"])
    assert response.status_code == 200
    assert [site["code"] for site in body["sites"]] == ["CP1"]
    cp1 = body["sites"][0]
    # Two CP1 registers: member and facilitator present, one person absent at each.
    assert cp1["attendance"] == {"part": 4, "whole": 6, "percent": 67}
    assert body["latest_survey"]["response_rate"]["part"] == 6
    for name in names_of_people():
        assert name not in response.content.decode()
    assert "Free text from" not in response.content.decode()
    _, other = get(client, FIGURES, programme["tokens"]["other_facilitator"])
    assert [site["code"] for site in other["sites"]] == ["CP3"]


@pytest.mark.django_db
def test_programme_admin_reads_every_sites_figures_for_a_period(client, programme):
    _, body = get(client, FIGURES, programme["tokens"]["admin"])
    assert [site["code"] for site in body["sites"]] == ["CP1", "CP3"]
    _, empty = get(client, FIGURES, programme["tokens"]["admin"], start="2001-01-01", end="2001-12-31")
    assert empty["period"] == {"start": "2001-01-01", "end": "2001-12-31"}
    assert all(site["meetings_held"] == 0 for site in empty["sites"]) and empty["attendance_by_month"] == []
    response, errors = get(client, FIGURES, programme["tokens"]["admin"], start="2026-02-01", end="2026-01-01")
    assert response.status_code == 400 and "end" in errors


@pytest.mark.django_db
def test_survey_results_are_aggregates_scoped_to_the_facilitators_sites(client, programme):
    url = reverse("api:survey_results", args=[programme["survey"].pk])
    response, body = get(client, url, programme["tokens"]["facilitator"])
    assert response.status_code == 200 and not body["withheld"]
    assert body["statements"][0]["answered"] == 6 and body["statements"][0]["agree"]["percent"] == 100
    assert "Free text from" not in response.content.decode()
    assert get(client, url, programme["tokens"]["other_facilitator"])[0].status_code == 404
    _, listed = get(client, SURVEYS, programme["tokens"]["other_facilitator"])
    assert listed["results"] == []


@pytest.mark.django_db
def test_a_revoked_token_is_refused_even_where_no_token_is_needed(client, programme):
    world = programme["world"]
    created = create_api_token(user=world.people["commissioner"], name="Spreadsheet")
    assert get(client, LEARNING_OBJECTS, created.key)[0].status_code == 200
    revoke_api_token(token=created.token, by=world.people["commissioner"])
    for url in (LEARNING_OBJECTS, EVIDENCE, FIGURES):
        response, body = get(client, url, created.key)
        assert response.status_code == 401, url
        assert "revoked" in body["detail"]


@pytest.mark.django_db
def test_unknown_or_malformed_tokens_are_refused(client, programme):
    for header in ("Bearer cop_not-a-real-token", "Bearer", "Bearer two parts", "Bearer \u00e9t\u00e9"):
        response = client.get(LEARNING_OBJECTS, HTTP_AUTHORIZATION=header)
        assert response.status_code == 401, header


@pytest.mark.django_db
def test_a_token_of_someone_deactivated_is_refused(client, programme):
    commissioner = programme["world"].people["commissioner"]
    commissioner.is_active = False
    commissioner.save(update_fields=["is_active"])
    assert get(client, LEARNING_OBJECTS, programme["tokens"]["commissioner"])[0].status_code == 401


@pytest.mark.django_db
def test_last_use_is_recorded(client, programme):
    token = ApiToken.objects.get(name="admin token")
    assert token.last_used_at is None
    get(client, LEARNING_OBJECTS, programme["tokens"]["admin"])
    token.refresh_from_db()
    assert token.last_used_at is not None


@pytest.mark.django_db
def test_the_api_only_reads(client, programme):
    response = client.post(LEARNING_OBJECTS, data=json.dumps({"title": "x"}), content_type="application/json",
                           **bearer(programme["tokens"]["admin"]))  # fmt: skip
    assert response.status_code == 405


@pytest.mark.django_db
def test_lists_are_paginated_with_a_maximum_page_size(client, programme):
    from tests.factories import EvidenceFactory

    EvidenceFactory.create_batch(105)
    key = programme["tokens"]["broker"]
    _, first = get(client, EVIDENCE, key)
    assert first["count"] == 109 and len(first["results"]) == 20 and "page=2" in first["next"]
    _, big = get(client, EVIDENCE, key, page_size=500)
    assert len(big["results"]) == 100
    assert get(client, EVIDENCE, key, page=99)[0].status_code == 404


@pytest.mark.django_db
def test_filters_are_validated(client, programme):
    response, errors = get(client, LEARNING_OBJECTS, kind="not-a-kind")
    assert response.status_code == 400 and "kind" in errors
    _, body = get(client, LEARNING_OBJECTS, site="CP3")
    assert body["results"] == []


@pytest.mark.django_db
def test_rate_limits_are_enforced_per_token_and_per_address(client, programme):
    user = programme["world"].people["admin"]
    keys = [f"throttle_user_{user.pk}", "throttle_anon_127.0.0.1", "throttle_user_127.0.0.1"]
    cache.delete_many(keys)  # counts left by earlier requests in this minute
    with override_settings(API_RATE_LIMITS={"anon": "2/minute", "user": "3/minute"}):
        answers = [get(client, LEARNING_OBJECTS, programme["tokens"]["admin"])[0] for _ in range(4)]
        assert [r.status_code for r in answers] == [200, 200, 200, 429]
        assert int(answers[-1]["Retry-After"]) > 0
        anonymous = [get(client, LEARNING_OBJECTS)[0].status_code for _ in range(3)]
        assert anonymous == [200, 200, 429]
    cache.delete_many(keys)


@pytest.mark.django_db
def test_a_signed_in_session_reads_the_api_too(client, programme):
    client.force_login(programme["world"].people["facilitator"])
    assert client.get(FIGURES).status_code == 200


@pytest.mark.django_db
def test_lists_take_a_fixed_number_of_queries(client, programme, django_assert_max_num_queries):
    from tests.factories import EvidenceFactory

    EvidenceFactory.create_batch(25)
    key = programme["tokens"]["admin"]
    for url in (EVIDENCE, LEARNING_OBJECTS, SURVEYS):
        with django_assert_max_num_queries(8):
            assert get(client, url, key, page_size=100)[0].status_code == 200
