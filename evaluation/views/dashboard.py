from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html_join

from evaluation.dashboard import Period, programme_dashboard
from evaluation.forms import PeriodForm
from evaluation.selectors import surveys_with_results_for

_ANY_PK = 987654321  # reversed once, then replaced by each site's id: 500 links in a loop of reverse() cost 50 ms


@login_required
def dashboard(request):
    if not request.user.has_perm("evaluation.view_dashboard"):
        raise Http404
    form = PeriodForm(request.GET or None)
    period = Period()
    if form.is_bound and form.is_valid():
        period = Period(form.cleaned_data["start"], form.cleaned_data["end"])
    figures = programme_dashboard(request.user, period=period, page=request.GET.get("page"))
    context = {
        "form": form,
        "period": period,
        "export_query": "?" + urlencode({"start": period.start or "", "end": period.end or ""}),
        "evaluation_sites": figures["sites"],  # every site the user may see (evaluation_sites_for), by code
        "evaluation_site_links": _site_links(figures["sites"]),
        "surveys": surveys_with_results_for(request.user)[:10],
        **figures,
        "query": _without_page(request.GET),
    }
    return render(request, "evaluation/dashboard.html", context)


def _site_links(sites):
    """One list item and link per site to its focus groups and self-assessment."""
    url = reverse("evaluation:site", args=[_ANY_PK])
    return format_html_join(
        "",
        '<li class="list-inline-item"><a href="{}">{} {}</a></li>',
        ((url.replace(str(_ANY_PK), str(s.pk)), s.code, s.town) for s in sites),
    )


def _without_page(params) -> str:
    params = params.copy()
    params.pop("page", None)
    return params.urlencode()
