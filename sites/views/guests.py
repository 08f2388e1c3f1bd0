"""Guest speakers at a meeting: the facilitator adds them (they get no account), the agenda and register list them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.access import get_visible_or_404
from core.form_fields import whole_number
from core.forms import add_service_error
from sites.forms.guests import GuestSpeakerForm
from sites.models import Meeting
from sites.services import guests

MEETINGS = Meeting.objects.select_related("site")


def _meeting_to_manage(user, pk: int) -> Meeting:
    return get_visible_or_404(MEETINGS, user, "sites.view_meeting", change_perm="sites.manage_meetings", pk=pk)


@login_required
def guest_speakers(request, pk: int):
    meeting = _meeting_to_manage(request.user, pk)
    form = GuestSpeakerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            guests.add_guest_speaker(meeting=meeting, added_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"{form.cleaned_data['name']} added as a guest speaker. The agenda lists them.")
            return redirect("sites:guest_speakers", meeting.pk)
    context = {"meeting": meeting, "form": form, "speakers": list(meeting.guest_speakers.all())}
    return render(request, "sites/meetings/guest_speakers.html", context)


@login_required
@require_POST
def guest_speaker_remove(request, pk: int, speaker_pk: int):
    meeting = _meeting_to_manage(request.user, pk)
    speaker = get_object_or_404(meeting.guest_speakers, pk=speaker_pk)
    try:
        guests.remove_guest_speaker(speaker=speaker, removed_by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{speaker.name} is no longer a guest speaker at this meeting.")
    return redirect("sites:guest_speakers", meeting.pk)


@login_required
@require_POST
def guest_speakers_present(request, pk: int):
    meeting = _meeting_to_manage(request.user, pk)
    present = {n for n in (whole_number(v) for v in request.POST.getlist("present")) if n is not None}
    try:
        guests.record_guest_speakers_present(meeting=meeting, recorded_by=request.user, present=present)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Guest speakers marked on the register.")
    return redirect("sites:meeting_register", meeting.pk)
