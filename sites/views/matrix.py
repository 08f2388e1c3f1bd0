"""The membership matrix page (the report's Figure 1), with an "as of" date and XLSX and CSV downloads."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.db.models.functions import Length
from django.shortcuts import render
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from core.spreadsheets import FORMATS, spreadsheet_response
from sites.forms.sites import MatrixDateForm
from sites.models import Site
from sites.rules import matrix_sites_q
from sites.services.matrix import build_membership_matrix, matrix_spreadsheet

SITES_PER_PAGE = 25


@login_required
def membership_matrix(request):
    if not request.user.has_perm("sites.view_matrix"):
        raise PermissionDenied
    form = MatrixDateForm(request.GET or None)
    valid = form.is_valid()
    as_of = (form.cleaned_data.get("as_of") if valid else None) or timezone.localdate()
    looking_for = form.cleaned_data.get("sites", "") if valid else ""
    sites = Site.objects.filter(matrix_sites_q(request.user)).order_by(Length("code"), "code")
    if looking_for:
        sites = sites.filter(Q(code__icontains=looking_for) | Q(town__icontains=looking_for))
    fmt = request.GET.get("format")
    if fmt in FORMATS:  # the download has every site (that matches)
        sites = list(sites)
        matrix = build_membership_matrix(as_of=as_of, sites=sites)
        towns = {s.code: s.town for s in sites}
        sheet = matrix_spreadsheet(matrix, site_names=[f"{code} {towns[code]}" for code in matrix.sites])
        record_event(
            actor=request.user,
            action=AuditAction.EXPORTED,
            detail=f"membership matrix {fmt.upper()} ({sheet.period}; {', '.join(sheet.sites) or 'no sites'})",
            request=request,
        )
        return spreadsheet_response(sheet, fmt=fmt, filename=f"membership-matrix-{as_of.isoformat()}")
    # A national programme has hundreds of sites: the page shows them SITES_PER_PAGE at a time.
    page = Paginator(sites, SITES_PER_PAGE).get_page(request.GET.get("page"))
    matrix = build_membership_matrix(as_of=as_of, sites=list(page.object_list))
    if not form.is_bound:
        form = MatrixDateForm(initial={"as_of": as_of})
    query = urlencode({"as_of": as_of.isoformat(), "sites": looking_for})
    context = {"matrix": matrix, "form": form, "as_of": as_of, "page": page, "sites_filter": looking_for,
               "query": query}  # fmt: skip
    return render(request, "sites/matrix.html", context)
