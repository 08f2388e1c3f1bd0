from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from audit import selectors
from audit.forms import AuditFilterForm
from audit.models import AuditAction
from audit.services import record_event
from core.spreadsheets import csv_writer


def _filtered(request):
    if not request.user.has_perm("audit.view_log"):
        raise PermissionDenied
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    return form, selectors.filtered_events(filters)


@login_required
def audit_log(request):
    form, events = _filtered(request)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/log.html",
        {"form": form, "page": page, "events": selectors.with_actors(page), "query": query.urlencode()},
    )


@login_required
def audit_log_csv(request):
    form, events = _filtered(request)
    record_event(actor=request.user, action=AuditAction.EXPORTED, detail="audit log CSV", request=request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="audit-log-{timezone.localdate():%Y-%m-%d}.csv"'
    writer = csv_writer(response)
    writer.writerow(["when (Europe/London)", "person", "email", "action", "object type", "object", "detail", "IP"])
    for event in selectors.with_actors(events.iterator(chunk_size=2000)):
        person = event.actor_person
        writer.writerow(
            [
                timezone.localtime(event.at).strftime("%d/%m/%Y %H:%M:%S"),
                person.name if person else "",
                person.email if person else "",
                event.get_action_display(),
                event.target_type,
                event.target_label,
                event.detail,
                event.ip_address or "",
            ]
        )
    return response
