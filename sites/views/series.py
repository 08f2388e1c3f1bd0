"""Meeting series: a recurring schedule that plans a site's meetings ahead."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from core.access import get_visible_or_404
from core.forms import add_service_error
from sites.forms.meetings import SeriesForm
from sites.models import MeetingSeries, Site
from sites.selectors.meetings import series_of_site
from sites.services import series


@login_required
def series_list(request, site_pk: int):
    site = get_visible_or_404(Site, request.user, "sites.view_meeting", change_perm="sites.manage_meetings", pk=site_pk)
    form = SeriesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = series.create_series(site=site, created_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request, f"Series saved: {created.meetings.count()} meetings planned ({created.describe()})."
            )
            return redirect("sites:series_list", site.pk)
    context = {"site": site, "form": form, "series_list": series_of_site(site)}
    return render(request, "sites/meetings/series_list.html", context)


@login_required
def series_edit(request, pk: int):
    item = get_visible_or_404(
        MeetingSeries.objects.select_related("site"), request.user, "sites.view_meeting",
        change_perm="sites.manage_meetings", pk=pk,
    )  # fmt: skip
    fields = ["rule", "week_of_month", "interval_weeks", "weekday", "starts_on", "start_time", "end_time", "venue"]
    initial = {name: getattr(item, name) for name in [*fields, "horizon_months"]}
    form = SeriesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            series.change_series(series=item, changed_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, "Series changed. Future meetings nobody changed on their own follow it.")
            return redirect("sites:series_list", item.site_id)
    meetings = item.meetings.order_by("starts_at")
    return render(request, "sites/meetings/series_edit.html", {"series": item, "form": form, "meetings": meetings})
