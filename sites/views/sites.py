from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from core.access import get_visible_or_404
from core.placed_messages import messages_at
from sites.models import Site
from sites.selectors import sites as selectors
from sites.selectors.sites import membership_panels


@login_required
def site_list(request):
    if not request.user.has_perm("sites.list_sites"):
        raise PermissionDenied
    return render(request, "sites/site_list.html", {"sites": selectors.sites_visible_to(request.user)})


@login_required
def site_detail(request, pk: int):
    site = get_visible_or_404(Site, request.user, "sites.view_site", pk=pk)
    context = {
        "site": site, "budget_messages": messages_at(request, "budget"), **selectors.site_page(site),
        **membership_panels(request.user, site),
    }  # fmt: skip
    return render(request, "sites/site_detail.html", context)
