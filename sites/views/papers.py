"""A meeting's papers: added and removed by the site's facilitators, read (texts) and downloaded (files) only by
people who may read them (sites.read_meeting_papers): 404 for people who may not see the meeting, 403 for those who
may see it but not its papers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.access import get_visible_or_404
from core.forms import add_service_error
from sites.forms.papers import MeetingPaperForm
from sites.models import Meeting
from sites.services import papers

MEETINGS = Meeting.objects.select_related("site")
NOT_FOR_YOU = "The meeting's papers are for the people who may attend it."


def _readable_paper(user, pk: int, paper_pk: int):
    meeting = get_visible_or_404(
        MEETINGS, user, "sites.view_meeting", change_perm="sites.read_meeting_papers", refusal=NOT_FOR_YOU, pk=pk
    )
    return get_object_or_404(meeting.papers.select_related("meeting__site"), pk=paper_pk)


def _managed_meeting(user, pk: int) -> Meeting:
    return get_visible_or_404(MEETINGS, user, "sites.view_meeting", change_perm="sites.manage_meetings", pk=pk)


@login_required
def meeting_papers(request, pk: int):
    meeting = _managed_meeting(request.user, pk)
    form = MeetingPaperForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            papers.add_meeting_paper(
                meeting=meeting, added_by=request.user, title=data["title"], text=data["text"], upload=data["file"]
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, "Paper added. The people who may attend see it on the meeting page.")
            return redirect("sites:meeting_papers", meeting.pk)
    return render(request, "sites/meetings/papers.html", {"meeting": meeting, "form": form})


@login_required
def meeting_paper(request, pk: int, paper_pk: int):
    paper = _readable_paper(request.user, pk, paper_pk)
    if not paper.text:
        raise Http404
    return render(request, "sites/meetings/paper.html", {"paper": paper, "meeting": paper.meeting})


@login_required
def meeting_paper_file(request, pk: int, paper_pk: int):
    paper = _readable_paper(request.user, pk, paper_pk)
    try:
        handle = paper.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=paper.file_name, content_type=paper.file_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def meeting_paper_remove(request, pk: int, paper_pk: int):
    meeting = _managed_meeting(request.user, pk)
    papers.remove_meeting_paper(paper=get_object_or_404(meeting.papers, pk=paper_pk), removed_by=request.user)
    messages.success(request, "Paper removed.")
    return redirect("sites:meeting_papers", meeting.pk)
