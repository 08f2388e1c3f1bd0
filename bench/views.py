"""Reference pages for the load benchmark: what a page costs with no work, and with typical simple work."""

from django.http import HttpResponse
from django.shortcuts import render

from members.models import User
from sites.models import Meeting, Site


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


def reference(request):
    """Eight simple indexed queries and a 30 KB template with a 20-row loop."""
    first = Site.objects.order_by("pk").values_list("pk", flat=True).first()
    sites = list(Site.objects.filter(pk__gte=first).order_by("pk")[:20])
    context = {
        "site": Site.objects.get(pk=first),
        "sites": sites,
        "by_code": Site.objects.filter(code=sites[-1].code).first(),
        "meetings": list(Meeting.objects.filter(site_id=first).order_by("starts_at")[:5]),
        "meeting_count": Meeting.objects.filter(site_id=first).count(),
        "person": User.objects.filter(pk=request.user.pk).first() if request.user.is_authenticated else None,
        "people": list(User.objects.filter(pk__in=[1, 2, 3, 4, 5])),
        "has_sites": Site.objects.filter(pk=first).exists(),
    }
    return render(request, "bench/reference.html", context)
