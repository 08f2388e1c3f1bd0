from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from core.access import get_visible_or_404
from core.placed_messages import messages_at
from core.row_urls import url_for_pk
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
    page = selectors.site_page(site)
    context = {
        "site": site, "budget_messages": messages_at(request, "budget"), **page,
        **membership_panels(request.user, site, memberships=page["memberships"]),
    }  # fmt: skip
    _row_links(context)
    return render(request, "sites/site_detail.html", context)


def _row_links(context: dict) -> None:
    """Each listed meeting's and membership's links from one reverse() per view (core.row_urls), not a {% url %}
    per row: a site's page lists every meeting it has held."""
    meeting_url, register_url = url_for_pk("sites:meeting"), url_for_pk("sites:meeting_register")
    for meeting in context["upcoming_meetings"] + context["past_meetings"]:
        meeting.url, meeting.register_url = meeting_url(meeting.pk), register_url(meeting.pk)
    change_role_url, end_url = url_for_pk("memberships:change_role"), url_for_pk("memberships:end_membership")
    for membership in context["memberships"]:
        membership.change_role_url, membership.end_url = change_role_url(membership.pk), end_url(membership.pk)
