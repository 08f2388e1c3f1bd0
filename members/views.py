import json

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from audit.models import AuditAction
from audit.services import record_event
from members import selectors, services
from members.data_rights import erase_person as erase
from members.data_rights import export_personal_data
from members.forms import AcceptInvitationForm, AddMemberForm, EndMembershipForm, InviteForm, MembershipRoleForm
from members.models import Membership, User
from sites.membership_selectors import site_memberships
from sites.selectors import access_site

AUTH_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


def accept_invitation(request, token: str):
    try:
        invitation = services.find_invitation(token)
    except services.InvitationInvalid as problem:
        return render(request, "members/invitation_invalid.html", {"problem": str(problem)}, status=410)

    existing = User.objects.filter(email__iexact=invitation.email).first()
    if existing is not None and existing.has_usable_password():
        if not request.user.is_authenticated:
            messages.info(request, f"Sign in as {invitation.email} to accept your invitation.")
            return redirect(f"{reverse('account_login')}?next={request.path}")
        if request.method == "POST":
            try:
                services.accept_invitation(invitation=invitation, user=request.user)
            except (PermissionDenied, services.InvitationInvalid) as problem:
                return render(request, "members/invitation_invalid.html", {"problem": str(problem)}, status=403)
            messages.success(request, f"Invitation accepted: you are now a {invitation.get_role_display().lower()}.")
            return redirect("home")
        return render(request, "members/invitation_confirm.html", {"invitation": invitation})

    initial = {f: getattr(existing, f) for f in ("name", "job_title", "agency", "sector")} if existing else {}
    form = AcceptInvitationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.accept_invitation(invitation=invitation, details=form.cleaned_data)
        except ValidationError as problem:
            form.add_error("password", problem)
        except services.InvitationInvalid as problem:
            return render(request, "members/invitation_invalid.html", {"problem": str(problem)}, status=410)
        else:
            login(request, user, backend=AUTH_BACKEND)
            messages.success(request, "Welcome. Your account is ready.")
            return redirect("home")
    return render(request, "members/invitation_accept.html", {"invitation": invitation, "form": form})


@login_required
def invitations(request):
    if not request.user.has_perm("members.invite_any"):
        raise PermissionDenied
    sites = selectors.sites_user_can_invite_to(request.user)
    allow_programme_roles = request.user.has_perm("members.invite_programme_role")
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
            return redirect("members:invitations")
    recent = selectors.invitations_visible_to(request.user)[:50]
    return render(request, "members/invitations.html", {"form": form, "invitations": recent})


# Data protection: my data, erasure
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


# Memberships: who belongs to a site, adding people, ending memberships and changing roles.
def _access_membership(user, pk: int) -> Membership:
    membership = get_object_or_404(Membership.objects.select_related("site", "person"), pk=pk)
    site = access_site(user, membership.site_id)
    if not user.has_perm("sites.manage_members", site):
        raise PermissionDenied("Only this site's facilitators can change memberships.")
    return membership


def _members_url(site_pk: int) -> str:
    return reverse("members:site_members", args=[site_pk])


@login_required
def site_members(request, site_pk: int):
    site = access_site(request.user, site_pk)
    context = {"site": site, "can_manage": request.user.has_perm("sites.manage_members", site)}
    return render(request, "members/site_members.html", context | site_memberships(site))


@login_required
def add_member(request, site_pk: int):
    site = access_site(request.user, site_pk)
    if not request.user.has_perm("sites.manage_members", site):
        raise PermissionDenied("Only this site's facilitators can add members.")
    form = AddMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            membership = services.add_member(
                site=site,
                added_by=request.user,
                email=data["email"],
                role=data["role"],
                joined=data["joined"],
                details=form.details(),
            )
        except ValidationError as problem:
            _add_errors(form, problem)
        else:
            messages.success(
                request,
                f"{membership.person.name} added to {site.code}. If they need to sign in, send them an invitation.",
            )
            return redirect(_members_url(site.pk))
    return render(request, "members/add_member.html", {"site": site, "form": form})


@login_required
def end_membership(request, pk: int):
    membership = _access_membership(request.user, pk)
    form = EndMembershipForm(request.POST or None, initial={"left": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.end_membership(membership=membership, ended_by=request.user, **form.cleaned_data)
        except ValidationError as problem:
            _add_errors(form, problem)
        else:
            messages.success(request, f"{membership.person.name}'s membership of {membership.site.code} ended.")
            return redirect(_members_url(membership.site_id))
    return render(request, "members/end_membership.html", {"membership": membership, "form": form})


@login_required
@require_POST
def change_role(request, pk: int):
    membership = _access_membership(request.user, pk)
    form = MembershipRoleForm(request.POST)
    if form.is_valid():
        try:
            services.change_membership_role(membership=membership, changed_by=request.user, **form.cleaned_data)
        except ValidationError as problem:
            messages.error(request, " ".join(problem.messages))
        else:
            messages.success(request, f"{membership.person.name} is now a {membership.get_role_display().lower()}.")
    return redirect(_members_url(membership.site_id))


def _add_errors(form, problem: ValidationError) -> None:
    if hasattr(problem, "error_dict"):
        for name, errors in problem.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, problem.messages)
