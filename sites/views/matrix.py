"""The membership matrix page (the report's Figure 1), with an "as of" date and a CSV download."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from cop.rules import matrix_sites_q
from sites.models import Site
from sites.services.matrix import build_membership_matrix, matrix_csv
from sites.site_forms import MatrixDateForm


@login_required
def membership_matrix(request):
    if not request.user.has_perm("sites.view_matrix"):
        raise PermissionDenied
    form = MatrixDateForm(request.GET or None)
    as_of = (form.cleaned_data.get("as_of") if form.is_valid() else None) or timezone.localdate()
    sites = Site.objects.filter(matrix_sites_q(request.user))
    matrix = build_membership_matrix(as_of=as_of, sites=sites)
    if request.GET.get("format") == "csv":
        response = HttpResponse(matrix_csv(matrix), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="membership-matrix-{as_of.isoformat()}.csv"'
        return response
    if not form.is_bound:
        form = MatrixDateForm(initial={"as_of": as_of})
    return render(request, "sites/matrix.html", {"matrix": matrix, "form": form, "as_of": as_of})
