from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from evaluation.dashboard import Period, programme_dashboard
from evaluation.forms import PeriodForm
from evaluation.selectors import evaluation_sites_for, surveys_with_results_for


@login_required
def dashboard(request):
    if not request.user.has_perm("evaluation.view_dashboard"):
        raise Http404
    form = PeriodForm(request.GET or None)
    period = Period()
    if form.is_bound and form.is_valid():
        period = Period(form.cleaned_data["start"], form.cleaned_data["end"])
    context = {
        "form": form,
        "period": period,
        "export_query": "?" + urlencode({"start": period.start or "", "end": period.end or ""}),
        "evaluation_sites": evaluation_sites_for(request.user),
        "surveys": surveys_with_results_for(request.user)[:10],
        **programme_dashboard(request.user, period=period, page=request.GET.get("page")),
        "query": _without_page(request.GET),
    }
    return render(request, "evaluation/dashboard.html", context)


def _without_page(params) -> str:
    params = params.copy()
    params.pop("page", None)
    return params.urlencode()
