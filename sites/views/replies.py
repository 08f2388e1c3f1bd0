"""Replying to a meeting: from the meeting page (signed in) or from the signed link in the reminder email."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from core.access import get_visible_or_404
from core.forms import add_service_error
from members.models import User
from sites.forms.replies import ReplyForm
from sites.models import Meeting, ReplyAnswer
from sites.selectors.replies import reply_of
from sites.services import replies

MEETINGS = Meeting.objects.select_related("site")
NOT_A_MEMBER = "Only the site's current members reply to its meetings."
SENT_TO_SOMEONE_ELSE = (
    "This link was sent to someone else, and you are signed in as yourself. Sign out to use it, or reply to the "
    "meeting from its page."
)


def _thanks(answer: str) -> str:
    if answer == ReplyAnswer.CANT_COME:
        return "Thank you: your apologies are sent to your facilitator."
    if answer == ReplyAnswer.MAYBE:
        return "Thank you: you are down as a maybe. Change your reply when you know."
    return "Thank you: you are down as coming."


def _reply_page(request, *, meeting, person, form, by_link: bool):
    context = {"meeting": meeting, "site": meeting.site, "person": person, "form": form, "by_link": by_link,
               "reply": reply_of(meeting, person)}  # fmt: skip
    return render(request, "sites/meetings/reply.html", context)


def _record(request, *, meeting, person, form) -> bool:
    if not form.is_valid():
        return False
    try:
        reply = replies.reply_to_meeting(meeting=meeting, person=person, **form.cleaned_data)
    except ValidationError as error:
        add_service_error(form, error)
        return False
    messages.success(request, _thanks(reply.answer))
    return True


@login_required
def meeting_reply(request, pk: int):
    meeting = get_visible_or_404(
        MEETINGS, request.user, "sites.view_meeting", change_perm="sites.reply_to_meeting", refusal=NOT_A_MEMBER, pk=pk
    )
    current = reply_of(meeting, request.user)
    initial = {"answer": current.answer, "note": current.note} if current else None
    form = ReplyForm(request.POST or None, initial=initial)
    if request.method == "POST" and _record(request, meeting=meeting, person=request.user, form=form):
        return redirect("sites:meeting", meeting.pk)
    return _reply_page(request, meeting=meeting, person=request.user, form=form, by_link=False)


def meeting_reply_link(request, token: str):
    """The reminder's link: no password needed (see sites.services.replies); opening it records nothing."""
    try:
        link = replies.read_reply_token(token)
    except replies.ReplyLinkExpired:
        return render(request, "sites/meetings/reply_link_expired.html", status=410)
    if link is None:
        raise Http404
    meeting = get_object_or_404(MEETINGS, pk=link.meeting_id)
    person = get_object_or_404(User, pk=link.person_id, is_active=True)
    if request.user.is_authenticated and request.user.pk != person.pk:
        raise PermissionDenied(SENT_TO_SOMEONE_ELSE)
    current = reply_of(meeting, person)
    asked = request.GET.get("answer")
    initial = {"answer": asked if asked in ReplyAnswer.values else current.answer if current else None,
               "note": current.note if current else ""}  # fmt: skip
    form = ReplyForm(request.POST or None, initial=initial)
    if request.method == "POST" and _record(request, meeting=meeting, person=person, form=form):
        return redirect("sites:meeting_reply_link", token)
    return _reply_page(request, meeting=meeting, person=person, form=form, by_link=True)
