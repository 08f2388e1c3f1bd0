from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core.access import get_visible_or_404
from members.models import User
from sites.ical import build_calendar
from sites.models import Meeting
from sites.selectors.meetings import calendar_meetings
from sites.services.calendar import issue_calendar_token

MEETINGS = Meeting.objects.select_related("site")

ICS_TYPE = "text/calendar; charset=utf-8"


@require_safe
@login_required
def meeting_ics(request, pk: int):
    meeting = get_visible_or_404(MEETINGS, request.user, "sites.view_meeting", pk=pk)
    response = HttpResponse(build_calendar([meeting], for_user=request.user), content_type=ICS_TYPE)
    filename = f"{meeting.site.code}-meeting-{meeting.local_date:%Y-%m-%d}.ics"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@login_required
def calendar_page(request):
    if request.method == "POST":
        issue_calendar_token(user=request.user, reset=True)
        messages.success(request, "Your calendar link has been reset. The old link no longer works: "
                         "subscribe again with the new one below.")  # fmt: skip
        return redirect("calendar")
    token = issue_calendar_token(user=request.user)
    feed_url = settings.SITE_URL + reverse("calendar_feed", args=[token])
    return render(request, "sites/meetings/calendar.html", {"feed_url": feed_url})


@require_safe
@never_cache
def calendar_feed(request, token: str):
    """A person's meetings as an iCalendar feed. No sign-in: the secret token in the URL is the key."""
    user = User.objects.filter(calendar_token=token, is_active=True).first() if token else None
    if user is None:
        raise Http404
    body = build_calendar(calendar_meetings(user), name="Community of practice meetings", for_user=user)
    return HttpResponse(body, content_type=ICS_TYPE)
