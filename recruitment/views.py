"""A site's recruitment pages: its agencies (with managers, approaches and letters sent) and its senior sponsor.
For the site's facilitators and programme admins."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from core.access import get_visible_or_404
from core.forms import add_service_error
from recruitment import selectors
from recruitment.forms import AgencyForm, AgencyManagerForm, ApproachForm, SeniorSponsorForm
from recruitment.models import Agency, Approach
from recruitment.services import agencies as services
from sites.models import Site
from toolkit.documents import DOCUMENTS


def _access_recruitment(user, site_pk: int) -> Site:
    return get_visible_or_404(
        Site,
        user,
        "sites.view_site",
        change_perm="recruitment.manage_recruitment",
        refusal=services.REFUSAL,
        pk=site_pk,
    )


def _bound(request, button: str):
    return request.POST if button in request.POST else None


@login_required
def agencies(request, site_pk: int):
    site = _access_recruitment(request.user, site_pk)
    form = AgencyForm(request.POST or None, site=site)
    if request.method == "POST" and form.is_valid():
        try:
            agency = services.add_agency(site=site, by=request.user, **form.cleaned_data)
        except ValidationError as problem:
            add_service_error(form, problem)
        else:
            messages.success(request, f"Agency “{agency.name}” added. Now add its manager and your first approach.")
            return redirect("recruitment:agency", site.pk, agency.pk)
    context = {"site": site, "form": form, "agencies": selectors.agencies_of(site), "documents": DOCUMENTS}
    return render(request, "recruitment/agencies.html", context)


@login_required
def agency(request, site_pk: int, pk: int):
    """One agency: its managers and approaches; forms to add a manager, record an approach, change the agency."""
    site = _access_recruitment(request.user, site_pk)
    found = get_object_or_404(selectors.agencies_of(site), pk=pk)
    forms = {
        "manager_form": AgencyManagerForm(_bound(request, "add_manager")),
        "approach_form": ApproachForm(
            _bound(request, "add_approach"), agency=found, initial={"made_by": request.user.name}
        ),
        "agency_form": AgencyForm(
            _bound(request, "save_agency"),
            site=site,
            initial={"name": found.name, "sector": found.sector, "could_supply": list(found.could_supply.all())},
        ),
    }
    actions = {
        "add_manager": ("manager_form", services.add_agency_manager, "Manager added."),
        "add_approach": ("approach_form", services.record_approach, "Approach recorded."),
        "save_agency": ("agency_form", services.update_agency, "Agency saved."),
    }
    for button, (name, service, done) in actions.items():
        form = forms[name]
        if button in request.POST and form.is_valid():
            try:
                service(agency=found, by=request.user, **form.cleaned_data)
            except ValidationError as problem:
                add_service_error(form, problem)
            else:
                messages.success(request, done)
                return redirect("recruitment:agency", site.pk, found.pk)
    return render(request, "recruitment/agency.html", {"site": site, "agency": found, "documents": DOCUMENTS, **forms})


@login_required
def sponsor(request, site_pk: int):
    site = _access_recruitment(request.user, site_pk)
    current = selectors.sponsor_of(site)
    initial = {"agency": site.host_organisation}
    if current:
        initial = {"name": current.name, "role": current.role, "agency": current.agency, "agreed_on": current.agreed_on}
    form = SeniorSponsorForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            chosen = services.set_senior_sponsor(site=site, by=request.user, **form.cleaned_data)
        except ValidationError as problem:
            add_service_error(form, problem)
        else:
            messages.success(request, f"{chosen.name} is recorded as the senior sponsor of {site.code}.")
            return redirect(reverse("sites:detail", args=[site.pk]) + "#recruitment-heading")
    return render(request, "recruitment/sponsor.html", {"site": site, "form": form, "sponsor": current})


@login_required
def approach(request, site_pk: int, agency_pk: int, pk: int):
    """Change an approach recorded earlier: a correction, or the agency's answer and the next step."""
    site = _access_recruitment(request.user, site_pk)
    # The agency first, by its own id: a huge number in a foreign key lookup (agency_id=...) overflows SQLite.
    agency = get_object_or_404(Agency, pk=agency_pk, site=site)
    found = get_object_or_404(Approach.objects.select_related("agency", "manager"), pk=pk, agency=agency)
    initial = {name: getattr(found, name) for name in ApproachForm.base_fields}
    form = ApproachForm(request.POST or None, agency=found.agency, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_approach(approach=found, by=request.user, **form.cleaned_data)
        except ValidationError as problem:
            add_service_error(form, problem)
        else:
            messages.success(request, f"Approach of {found.approached_on:%d/%m/%Y} saved.")
            return redirect("recruitment:agency", site.pk, found.agency_id)
    context = {"site": site, "agency": found.agency, "approach": found, "form": form}
    return render(request, "recruitment/approach.html", context)
