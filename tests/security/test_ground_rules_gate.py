"""The ground-rules gate: every page of a site's shared cases (the whole family of case URLs in the authorisation
matrix, in every state past draft, GET and POST) sends a member or facilitator of the site who has not confirmed
the site's current ground rules to confirm them first, and changes nothing for anyone else."""

import pytest
from django.urls import reverse

from sites.services.ground_rules import confirm_ground_rules, publish_ground_rules, start_ground_rules
from tests.security.matrix import FORBIDDEN, MATRIX, OK, ROLES
from tests.security.test_authorization_matrix import outcome_of

PAST_DRAFT = {"shared", "discussed", "followed_up", "written_up", "published", "public"}
GATED = ("member", "facilitator")


def shared_case_pages() -> list[str]:
    """Matrix entries of the site's case pages (and the evidence pages that open a case) for cases past draft."""
    return sorted(
        name
        for name in MATRIX
        if "@" in name
        and name.split("@")[1] in PAST_DRAFT
        and (name.startswith("cases:") or name.split("@")[0] in ("evidence:attach", "evidence:ask"))
    )


def test_the_family_walked_is_the_whole_family():
    names = {name.split("@")[0] for name in shared_case_pages()}
    # Every case page that takes a case past draft in the matrix; findings and next steps exist on drafts only.
    assert {
        "cases:detail", "cases:edit", "cases:fix_all", "cases:discussion", "cases:follow_up", "cases:follow_up_edit",
        "cases:write_up", "cases:publish", "cases:make_public", "cases:withdraw", "evidence:attach", "evidence:ask",
    } <= names  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", shared_case_pages())
def test_every_shared_case_page_waits_for_the_ground_rules(client, world, url_name):
    start_ground_rules(site=world.site)
    gate = reverse("sites:ground_rules", args=[world.site.pk])
    entry = MATRIX[url_name]
    unexpected = []
    for method in ("get", "post"):
        expectations = entry.get if method == "get" or entry.post is None else entry.post
        for role in ROLES:
            client.logout()
            if role != "anonymous":
                client.force_login(world.people[role])
            url = reverse(url_name.split("@")[0], args=entry.args(world) if entry.args else None)
            response = getattr(client, method)(url)
            expected = expectations[role]
            if role in GATED and expected in (OK, FORBIDDEN):
                if not (response.status_code == 302 and response["Location"].startswith(gate)):
                    unexpected.append(f"{method.upper()} {url} as {role}: not sent to the ground rules")
            elif outcome_of(response) != expected:
                unexpected.append(f"{method.upper()} {url} as {role}: expected {expected}, got {outcome_of(response)}")
    assert not unexpected, "\n".join(unexpected)


@pytest.mark.django_db
def test_confirming_opens_the_cases_and_a_new_version_asks_again(client, world):
    version = start_ground_rules(site=world.site)
    member = world.people["member"]
    case_url = reverse("cases:detail", args=[world.case("shared").pk])
    client.force_login(member)
    response = client.get(case_url)
    page = client.get(response["Location"]).content.decode()
    assert "Before you read the site's cases" in page and "What is said in the meeting stays" in page
    # Without the tick: told what to do, nothing recorded.
    gate = reverse("sites:ground_rules", args=[world.site.pk])
    page = client.post(gate, {"next": case_url}).content.decode()
    assert "Tick the box to say you have read the ground rules" in page
    assert client.get(case_url).status_code == 302
    # With it: back to the case, which now opens.
    response = client.post(gate, {"agree": "on", "next": case_url})
    assert response["Location"] == case_url
    assert client.get(case_url).status_code == 200
    # Somewhere else than this site is not a place to be sent back to.
    assert client.post(gate, {"agree": "on", "next": "https://evil.example/"}).status_code == 200

    # The facilitator writes version 2: they have agreed it; the member is asked again.
    facilitator = world.people["facilitator"]
    confirm_ground_rules(person=facilitator, version=version)
    publish_ground_rules(
        site=world.site, written_by=facilitator, text="## New\n- Phones away.", agreed_on=version.agreed_on
    )
    assert client.get(case_url).status_code == 302
    client.force_login(facilitator)
    assert client.get(case_url).status_code == 200
