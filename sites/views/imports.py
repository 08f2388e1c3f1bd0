"""Upload a member list or attendance registers as CSV (facilitators for their own site; admins)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from sites.forms.sites import ImportForm
from sites.services.imports import ATTENDANCE_COLUMNS, IMPORTERS, MEMBER_COLUMNS, ImportRejected


@login_required
def import_registers(request):
    if not request.user.has_perm("sites.import_registers"):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    summary = problems = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        importer = IMPORTERS[form.cleaned_data["kind"]]
        try:
            summary = importer(data=upload.read(), filename=upload.name, imported_by=request.user)
        except ImportRejected as rejected:
            problems = rejected.problems
        else:
            form = ImportForm()
    context = {
        "form": form,
        "summary": summary,
        "problems": problems,
        "member_columns": ",".join(MEMBER_COLUMNS),
        "attendance_columns": ",".join(ATTENDANCE_COLUMNS),
    }
    return render(request, "sites/import.html", context)
