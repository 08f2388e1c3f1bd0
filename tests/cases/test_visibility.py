"""Who sees what: every role against drafts, shared cases, published and public learning objects."""

import pytest
from django.urls import reverse

from cases.models import CaseStatus
from cases.selectors.cases import cases_visible_to, learning_objects_for

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "member",  # the presenter
    "colleague",  # a member of the same site
    "outsider",  # a member of another site
    "facilitator",
    "other_facilitator",
    "broker",
    "commissioner",
    "programme_admin",
]
STATES = [CaseStatus.DRAFT, CaseStatus.SHARED, CaseStatus.PUBLISHED, CaseStatus.PUBLIC]

SITE_PAGE = {  # the case page on the site (with presenters' names); "repository" means sent there
    CaseStatus.DRAFT: {"member": 200, "facilitator": 200},
    CaseStatus.SHARED: {"member": 200, "colleague": 200, "facilitator": 200, "broker": 200, "programme_admin": 200},
    CaseStatus.PUBLISHED: {
        "member": 200,
        "colleague": 200,
        "facilitator": 200,
        "broker": 200,
        "programme_admin": 200,
        "outsider": "repository",
        "other_facilitator": "repository",
        "commissioner": "repository",
    },
}
SITE_PAGE[CaseStatus.PUBLIC] = SITE_PAGE[CaseStatus.PUBLISHED]


def as_role(client, request, role):
    if role == "anonymous":
        return None
    user = request.getfixturevalue(role)
    client.force_login(user)
    return user


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_case_page_and_repository_page_for_every_role(client, request, make_case, state, role):
    case = make_case(state)
    user = as_role(client, request, role)

    response = client.get(reverse("cases:detail", args=[case.pk]))
    expected = SITE_PAGE[state].get(role, 404)
    if role == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    elif expected == "repository":
        assert response.status_code == 302 and response["Location"] == reverse("repository:detail", args=[case.pk])
    else:
        assert response.status_code == expected

    in_repository = state == CaseStatus.PUBLIC or (state == CaseStatus.PUBLISHED and user is not None)
    response = client.get(reverse("repository:detail", args=[case.pk]))
    assert response.status_code == (200 if in_repository else 404)

    if user is not None:
        visible = cases_visible_to(user).filter(pk=case.pk).exists()
        assert visible == (expected == 200)
        assert learning_objects_for(user).filter(pk=case.pk).exists() == in_repository


def test_case_lists_show_only_what_each_person_may_see(client, make_case, member, colleague, outsider, broker):
    draft = make_case(title="Draft about accommodation")
    shared = make_case(CaseStatus.SHARED, title="Shared about homelessness")
    client.force_login(member)
    page = client.get(reverse("cases:list")).content.decode()
    assert draft.title in page and shared.title in page
    client.force_login(colleague)
    page = client.get(reverse("cases:list")).content.decode()
    assert draft.title not in page and shared.title in page
    client.force_login(broker)
    page = client.get(reverse("cases:list")).content.decode()
    assert draft.title not in page and shared.title in page
    client.force_login(outsider)
    page = client.get(reverse("cases:list")).content.decode()
    assert draft.title not in page and shared.title not in page


def test_commissioners_have_no_cases_page(client, commissioner):
    client.force_login(commissioner)
    assert client.get(reverse("cases:list")).status_code == 403


def test_another_sites_draft_cannot_be_changed_or_moved_by_url(client, make_case, outsider, broker):
    case = make_case()
    for person in (outsider, broker):
        client.force_login(person)
        assert client.get(reverse("cases:edit", args=[case.pk])).status_code == 404
        assert client.post(reverse("cases:share", args=[case.pk])).status_code == 404
    case.refresh_from_db()
    assert case.status == CaseStatus.DRAFT


def test_a_site_member_who_is_not_a_presenter_cannot_edit_or_share(client, make_case, colleague):
    case = make_case(CaseStatus.SHARED)
    client.force_login(colleague)
    assert client.get(reverse("cases:edit", args=[case.pk])).status_code == 403
    assert client.post(reverse("cases:withdraw", args=[case.pk])).status_code == 403
