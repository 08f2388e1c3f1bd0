"""Programme admins create and edit host sites."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render

from core.access import get_visible_or_404
from core.forms import add_service_error
from sites.forms.sites import SiteForm
from sites.models import Membership, Site
from sites.services import sites as site_services


@login_required
def site_create(request):
    if not request.user.has_perm("sites.add_site"):
        raise PermissionDenied
    form = SiteForm(request.POST or None, new=True)
    if request.method == "POST" and form.is_valid():
        try:
            site = site_services.create_site(created_by=request.user, **form.cleaned_data)
        except ValidationError as problem:
            add_service_error(form, problem)
        else:
            messages.success(request, f"{site.code} {site.name} created. Next, add its members.")
            return redirect("sites:detail", site.pk)
    return render(request, "sites/site_form.html", {"form": form, "site": None})


@login_required
def site_edit(request, pk: int):
    site = get_visible_or_404(Site, request.user, "sites.view_site", pk=pk)
    if not request.user.has_perm("sites.change_site", site):
        raise PermissionDenied
    facilitators = [m.person for m in Membership.objects.current().facilitators().filter(site=site)]
    initial = {f: getattr(site, f) for f in ("code", "name", "town", "host_organisation", "start_date", "status")}
    initial |= {"ended_on": site.ended_on, "ended_reason": site.ended_reason, "facilitators": facilitators}
    form = SiteForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            site_services.update_site(site=site, changed_by=request.user, **form.cleaned_data)
        except ValidationError as problem:
            add_service_error(form, problem)
        else:
            messages.success(request, f"{site.code} {site.name} saved.")
            return redirect("sites:detail", site.pk)
    return render(request, "sites/site_form.html", {"form": form, "site": site})
