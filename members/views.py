"""A person's own data (UK GDPR): the page, the download; and erasure by a programme admin."""

import json

from allauth.account.views import LoginView
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from audit.models import AuditAction
from audit.services import record_event
from members.data_rights import erase_person as erase
from members.data_rights import export_personal_data
from members.models import User
from members.sso import account_email, allow_organisation_forms, apps_for_email, linked_sign_ins, organisation_apps


@login_required
def my_data(request):
    return render(request, "members/my_data.html")


@login_required
def my_data_download(request):
    record_event(
        actor=request.user, action=AuditAction.EXPORTED, target=request.user, detail="own data (GDPR)", request=request
    )
    payload = json.dumps(export_personal_data(request.user), indent=2, ensure_ascii=False)
    response = HttpResponse(payload, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="my-data-{timezone.localdate():%Y-%m-%d}.json"'
    return response


@login_required
def erase_person(request, pk: int):
    if not request.user.has_perm("members.use_admin"):
        raise Http404
    person = get_object_or_404(User, pk=pk)
    if request.method == "POST":
        try:
            erase(person=person, erased_by=request.user, request=request)
        except (PermissionDenied, ValidationError) as problem:
            messages.error(request, problem.messages[0] if hasattr(problem, "messages") else str(problem))
        else:
            messages.success(request, f"Personal data erased. The person is now shown as “{person.name}”.")
            return redirect("home")
    return render(request, "members/erase_confirm.html", {"person": person})


@login_required
@require_safe
@allow_organisation_forms
def organisation_sign_in(request):
    """Link the person's organisation account (for signing in without a password), from the providers set up."""
    linked = linked_sign_ins(request.user)
    linked_ids = {account.provider for account in linked}
    apps = [
        {"name": app.name, "url": app.get_provider(request).get_login_url(request)}
        for app in apps_for_email(request.user.email)
        if app.provider_id not in linked_ids
    ]
    names = {app.provider_id: app.name for app in organisation_apps()}
    rows = [
        {"name": names.get(account.provider, account.provider), "email": account_email(account)} for account in linked
    ]
    return render(request, "members/organisation_sign_in.html", {"linked": rows, "apps": apps})


class SignInView(LoginView):
    """allauth's sign-in page, with a button for each organisation sign-in set up."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["organisations"] = [
            {"name": app.name, "url": app.get_provider(self.request).get_login_url(self.request)}
            for app in organisation_apps()
        ]
        return context


sign_in = allow_organisation_forms(SignInView.as_view())
