"""The membership matrix page (the report's Figure 1), with an "as of" date and XLSX and CSV downloads."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from cop.rules import matrix_sites_q
from cop.spreadsheets import FORMATS, spreadsheet_response
from sites.models import Site
from sites.services.matrix import build_membership_matrix, matrix_spreadsheet
from sites.site_forms import MatrixDateForm


@login_required
def membership_matrix(request):
    if not request.user.has_perm("sites.view_matrix"):
        raise PermissionDenied
    form = MatrixDateForm(request.GET or None)
    as_of = (form.cleaned_data.get("as_of") if form.is_valid() else None) or timezone.localdate()
    sites = list(Site.objects.filter(matrix_sites_q(request.user)).order_by("code"))
    matrix = build_membership_matrix(as_of=as_of, sites=sites)
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        towns = {s.code: s.town for s in sites}
        sheet = matrix_spreadsheet(matrix, site_names=[f"{code} {towns[code]}" for code in matrix.sites])
        record_event(
            actor=request.user,
            action=AuditAction.EXPORTED,
            detail=f"membership matrix {fmt.upper()} ({sheet.period}; {', '.join(sheet.sites) or 'no sites'})",
            request=request,
        )
        return spreadsheet_response(sheet, fmt=fmt, filename=f"membership-matrix-{as_of.isoformat()}")
    if not form.is_bound:
        form = MatrixDateForm(initial={"as_of": as_of})
    return render(request, "sites/matrix.html", {"matrix": matrix, "form": form, "as_of": as_of})
