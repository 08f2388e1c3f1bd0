"""Memberships: who belongs to a site, adding people, ending memberships, changing roles, recording a new job."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.access import get_visible_or_404
from core.forms import add_service_error
from sites.forms.memberships import AddMemberForm, EndMembershipForm, JobChangeForm, MembershipRoleForm
from sites.models import Membership, Site
from sites.selectors.memberships import site_memberships
from sites.services import memberships as services


def _access_membership(user, pk: int) -> Membership:
    return get_visible_or_404(
        Membership.objects.select_related("site", "person"), user, "sites.view_site",
        change_perm="sites.manage_members", refusal="Only this site's facilitators can change memberships.", pk=pk,
    )  # fmt: skip


def _members_url(site_pk: int) -> str:
    return reverse("memberships:site_members", args=[site_pk])


@login_required
def site_members(request, site_pk: int):
    site = get_visible_or_404(Site, request.user, "sites.view_site", pk=site_pk)
    context = {"site": site, "can_manage": request.user.has_perm("sites.manage_members", site)}
    return render(request, "sites/memberships/site_members.html", context | site_memberships(site))


@login_required
def add_member(request, site_pk: int):
    site = get_visible_or_404(
        Site, request.user, "sites.view_site",
        change_perm="sites.manage_members", refusal="Only this site's facilitators can add members.", pk=site_pk,
    )  # fmt: skip
    form = AddMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        existing = services.find_person(data["email"])
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
            add_service_error(form, problem)
        else:
            added = f"{membership.person.name} added to {site.code}."
            not_used = form.details_not_used(existing) if existing else []
            if not_used:
                added += (
                    f" They already had an account, so their own details were kept: the {', '.join(not_used)} you "
                    "typed were not used. They can change their details themselves."
                )
            messages.success(request, f"{added} If they need to sign in, send them an invitation.")
            return redirect(_members_url(site.pk))
    return render(request, "sites/memberships/add_member.html", {"site": site, "form": form})


@login_required
def end_membership(request, pk: int):
    membership = _access_membership(request.user, pk)
    form = EndMembershipForm(request.POST or None, initial={"left": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.end_membership(membership=membership, ended_by=request.user, **form.cleaned_data)
        except ValidationError as problem:
            add_service_error(form, problem)
        else:
            messages.success(request, f"{membership.person.name}'s membership of {membership.site.code} ended.")
            return redirect(_members_url(membership.site_id))
    return render(request, "sites/memberships/end_membership.html", {"membership": membership, "form": form})


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



@login_required
def job_change(request, pk: int):
    """Record a member's new job from a date: their history keeps the old one (the matrix of an earlier date)."""
    membership = _access_membership(request.user, pk)
    person = membership.person
    initial = {"job_title": person.job_title, "agency": person.agency, "sector": person.sector,
               "started_on": timezone.localdate()}  # fmt: skip
    form = JobChangeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.record_member_job_change(
                membership=membership, changed_by=request.user, request=request, **form.cleaned_data
            )
        except ValidationError as problem:
            add_service_error(form, problem)
        else:
            if changed is None:
                messages.info(request, f"{person.name} already held this job then: nothing changed.")
            else:
                messages.success(request, f"{person.name}'s new job is recorded from {changed.started_on:%d/%m/%Y}.")
            return redirect(_members_url(membership.site_id))
    history = person.job_history.order_by("-started_on", "-pk")
    return render(request, "sites/memberships/job_change.html", {"membership": membership, "form": form,
                                                                  "history": history})  # fmt: skip
