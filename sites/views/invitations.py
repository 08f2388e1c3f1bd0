"""Invitations: programme admins and facilitators send them; the person invited accepts with the link."""

from allauth.socialaccount.providers.base import AuthProcess
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from members.models import User
from members.sso import allow_organisation_forms, apps_for_email
from sites.forms.invitations import AcceptInvitationForm, InviteForm
from sites.selectors import memberships as selectors
from sites.services import invitations as services
from sites.sso import INVITATION_STATE_KEY

AUTH_BACKEND = "members.auth_backends.AccountBackend"


@allow_organisation_forms
def accept_invitation(request, token: str):
    try:
        invitation = services.find_invitation(token)
    except services.InvitationInvalid as problem:
        return render(request, "sites/memberships/invitation_invalid.html", {"problem": str(problem)}, status=410)

    existing = User.objects.filter(email__iexact=invitation.email).first()
    if existing is not None and existing.has_usable_password():
        if not request.user.is_authenticated:
            messages.info(request, f"Sign in as {invitation.email} to accept your invitation.")
            return redirect(f"{reverse('account_login')}?next={request.path}")
        if request.method == "POST":
            try:
                services.accept_invitation(invitation=invitation, user=request.user)
            except (PermissionDenied, services.InvitationInvalid) as problem:
                return render(
                    request, "sites/memberships/invitation_invalid.html", {"problem": str(problem)}, status=403
                )
            messages.success(request, f"Invitation accepted: you are now a {invitation.get_role_display().lower()}.")
            return redirect("home")
        return render(request, "sites/memberships/invitation_confirm.html", {"invitation": invitation})

    initial = {f: getattr(existing, f) for f in ("name", "job_title", "agency", "sector")} if existing else {}
    form = AcceptInvitationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.accept_invitation(invitation=invitation, details=form.cleaned_data)
        except ValidationError as problem:
            form.add_error("password", problem)
        except services.InvitationInvalid as problem:
            return render(request, "sites/memberships/invitation_invalid.html", {"problem": str(problem)}, status=410)
        else:
            login(request, user, backend=AUTH_BACKEND)
            messages.success(request, "Welcome. Your account is ready.")
            return redirect("home")
    organisations = apps_for_email(invitation.email)
    return render(
        request,
        "sites/memberships/invitation_accept.html",
        {"invitation": invitation, "form": form, "organisations": organisations, "token": token},
    )


@require_POST
def accept_invitation_with_organisation(request, token: str, provider_id: str):
    """Off to the organisation's sign-in; sites.sso accepts the invitation when it comes back."""
    try:
        invitation = services.find_invitation(token)
    except services.InvitationInvalid as problem:
        return render(request, "sites/memberships/invitation_invalid.html", {"problem": str(problem)}, status=410)
    app = next((app for app in apps_for_email(invitation.email) if app.provider_id == provider_id), None)
    if app is None:
        raise Http404
    provider = app.get_provider(request)
    return provider.redirect(request, AuthProcess.LOGIN, next_url=reverse("home"), data={INVITATION_STATE_KEY: token})


@login_required
def invitations(request):
    if not request.user.has_perm("sites.invite_any"):
        raise PermissionDenied
    sites = selectors.sites_user_can_invite_to(request.user)
    allow_programme_roles = request.user.has_perm("sites.invite_programme_role")
    form = InviteForm(request.POST or None, sites=sites, allow_programme_roles=allow_programme_roles)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            sent = services.invite_person(
                invited_by=request.user, email=data["email"], role=data["role"], site=data["site"]
            )
        except (PermissionDenied, ValidationError) as problem:
            form.add_error(None, str(problem.args[0] if problem.args else problem))
        else:
            messages.success(request, f"Invitation sent to {sent.invitation.email}. The link lasts 14 days.")
            return redirect("memberships:invitations")
    recent = selectors.invitations_visible_to(request.user)[:50]
    return render(request, "sites/memberships/invitations.html", {"form": form, "invitations": recent})
