"""The Django admin follows the app's scopes. Every registered ModelAdmin is walked as a programme admin: its list
page, a search, and the change page of every row it lists; none may show a draft case's title or text, which the app
hides from programme admins (/cases/<id>/ is a 404 for them). Who reaches each list page at all is in the
authorisation matrix (admin:*_changelist)."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from cases.models import CaseStatus
from cases.services import evidence as evidence_services
from cases.services import lifecycle
from tests.security.matrix import MATRIX

DRAFT_TITLE = "Zebra crossing draft"
DRAFT_TEXT = "Unshared draft presentation about Mr Quigley"


def _admin_url(model_admin, view: str, *args) -> str:
    meta = model_admin.model._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=args)


@pytest.mark.django_db
def test_no_admin_page_shows_a_draft_to_a_programme_admin(client, world):
    draft = lifecycle.create_case(
        site=world.site, by=world.people["member"], title=DRAFT_TITLE, presentation=DRAFT_TEXT
    )
    assert draft.status == CaseStatus.DRAFT
    # Objects hanging off cases, so every confidential admin has rows to list.
    shared = world.case("shared")
    evidence_services.ask_question(case=shared, by=world.people["member"], text="Any evidence on weekend plans?")
    admin_user = world.people["admin"]
    client.force_login(admin_user)
    assert client.get(reverse("cases:detail", args=[draft.pk])).status_code == 404  # the app's scope
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    leaks, walked = [], 0
    for model, model_admin in admin.site._registry.items():
        if not model_admin.has_view_or_change_permission(request):
            continue
        pages = [_admin_url(model_admin, "changelist"), f"{_admin_url(model_admin, 'changelist')}?q=Zebra"]
        pages += [_admin_url(model_admin, "change", obj.pk) for obj in model_admin.get_queryset(request)[:30]]
        pages.append(_admin_url(model_admin, "change", draft.pk) if model._meta.label == "cases.Case" else None)
        for url in filter(None, pages):
            response = client.get(url, follow=True)
            walked += 1
            body = response.content.decode()
            if DRAFT_TITLE in body or DRAFT_TEXT in body:
                leaks.append(url)
    assert walked > 20
    assert not leaks, f"admin pages showing a draft to a programme admin: {leaks}"


def test_every_admin_list_page_is_in_the_authorisation_matrix():
    names = {
        f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist" for model in admin.site._registry
    }
    missing = sorted(names - set(MATRIX))
    assert not missing, f"add the Django admin's list pages to tests/security/matrix.py: {missing}"
