"""A site's ground rules: read and confirm them (members), write a new version (facilitators)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from core.access import get_visible_or_404
from core.forms import add_service_error
from sites.forms.ground_rules import ConfirmGroundRulesForm, GroundRulesForm
from sites.models import GroundRulesAgreement, Site
from sites.services import ground_rules


def _next_url(request, site: Site) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("sites:detail", args=[site.pk])


@login_required
def ground_rules_page(request, pk: int):
    site = get_visible_or_404(Site, request.user, "sites.view_site", pk=pk)
    version = ground_rules.current_version(site.pk)
    to_confirm = ground_rules.needs_to_confirm(request.user, site.pk)
    form = ConfirmGroundRulesForm(request.POST or None)
    if request.method == "POST" and to_confirm is not None and form.is_valid():
        try:
            ground_rules.confirm_ground_rules(person=request.user, version=to_confirm)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"Thank you: you agreed {site.code}'s ground rules, version {to_confirm.number}.")
            return redirect(_next_url(request, site))
    agreed = GroundRulesAgreement.objects.filter(version=version, person=request.user).first() if version else None
    context = {
        "site": site, "version": version, "to_confirm": to_confirm, "form": form, "agreed": agreed,
        "next": request.POST.get("next") or request.GET.get("next") or "",
        "earlier": site.ground_rules_versions.exclude(pk=getattr(version, "pk", None)).order_by("-number"),
        "can_edit": request.user.has_perm("sites.manage_ground_rules", site),
    }  # fmt: skip
    return render(request, "sites/ground_rules.html", context)


@login_required
def ground_rules_edit(request, pk: int):
    site = get_visible_or_404(Site, request.user, "sites.view_site", change_perm="sites.manage_ground_rules", pk=pk)
    current = ground_rules.current_version(site.pk)
    form = GroundRulesForm(request.POST or None, initial={"text": current.text} if current else None)
    if request.method == "POST" and form.is_valid():
        try:
            version = ground_rules.publish_ground_rules(site=site, written_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request, f"Version {version.number} saved. Members will confirm it before reading the site's cases."
            )
            return redirect("sites:ground_rules", site.pk)
    return render(request, "sites/ground_rules_edit.html", {"site": site, "form": form, "current": current})
