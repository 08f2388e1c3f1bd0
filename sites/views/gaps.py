"""Recruitment targets: the group size a site aims for and the disciplines it wants."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.access import get_visible_or_404
from core.forms import add_service_error
from sites.forms.sites import TargetDisciplineForm, TargetSizeForm
from sites.models import Site, TargetDiscipline
from sites.services import sites as site_services


def _access_targets(user, pk: int) -> Site:
    refusal = "Only this site's facilitators can change its recruitment targets."
    return get_visible_or_404(Site, user, "sites.view_site", change_perm="sites.manage_targets", refusal=refusal, pk=pk)


def _gaps_url(site) -> str:
    return reverse("sites:detail", args=[site.pk]) + "#gaps-heading"


@login_required
def targets(request, pk: int):
    """Change the target group size and add a target discipline (two forms on one page)."""
    site = _access_targets(request.user, pk)
    size_form = TargetSizeForm(
        request.POST if "save_size" in request.POST else None,
        initial={"minimum": site.target_size_min, "maximum": site.target_size_max},
    )
    discipline_form = TargetDisciplineForm(request.POST if "add_discipline" in request.POST else None)
    if "save_size" in request.POST and size_form.is_valid():
        site_services.set_target_size(site=site, changed_by=request.user, **size_form.cleaned_data)
        messages.success(request, f"Target group size is now {site.target_size_min} to {site.target_size_max}.")
        return redirect(_gaps_url(site))
    if "add_discipline" in request.POST and discipline_form.is_valid():
        try:
            discipline = site_services.add_target_discipline(
                site=site, added_by=request.user, **discipline_form.cleaned_data
            )
        except ValidationError as problem:
            add_service_error(discipline_form, problem)
        else:
            messages.success(request, f"Target discipline “{discipline.name}” added.")
            return redirect(_gaps_url(site))
    context = {
        "site": site,
        "size_form": size_form,
        "discipline_form": discipline_form,
        "disciplines": TargetDiscipline.objects.filter(site=site).order_by("name"),
    }
    return render(request, "sites/targets.html", context)


@login_required
@require_POST
def target_remove(request, pk: int, discipline_pk: int):
    site = _access_targets(request.user, pk)
    discipline = get_object_or_404(TargetDiscipline, pk=discipline_pk, site=site)
    site_services.remove_target_discipline(discipline=discipline, removed_by=request.user)
    messages.success(request, f"Target discipline “{discipline.name}” removed.")
    return redirect(_gaps_url(site))
