"""Invitations: programme admins and facilitators send them; the person invited accepts with the link."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from members.models import User
from sites.forms.invitations import AcceptInvitationForm, InviteForm
from sites.selectors import memberships as selectors
from sites.services import invitations as services

AUTH_BACKEND = "members.auth_backends.AccountBackend"


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
    return render(request, "sites/memberships/invitation_accept.html", {"invitation": invitation, "form": form})


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
