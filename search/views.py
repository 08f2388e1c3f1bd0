from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from search.forms import SearchForm
from search.selectors import search_everything


@login_required
@require_GET
def search_page(request):
    form = SearchForm(request.GET)
    groups, text, kind = [], "", ""
    if form.is_valid():
        text, kind = form.cleaned_data["q"], form.cleaned_data["kind"]
        groups = search_everything(request.user, text, kind=kind)
    context = {"form": form, "text": text, "kind": kind, "groups": groups, "searched": bool(text.strip())}
    return render(request, "search/results.html", context)
