from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from sites import selectors
from sites.membership_selectors import membership_panels


@login_required
def site_list(request):
    if not request.user.has_perm("sites.list_sites"):
        raise PermissionDenied
    return render(request, "sites/site_list.html", {"sites": selectors.sites_visible_to(request.user)})


@login_required
def site_detail(request, pk: int):
    site = selectors.access_site(request.user, pk)
    context = {"site": site, **selectors.site_page(site), **membership_panels(request.user, site)}
    return render(request, "sites/site_detail.html", context)
