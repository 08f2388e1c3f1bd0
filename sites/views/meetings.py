from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.access import get_visible_or_404
from core.forms import add_service_error
from sites.forms import meetings as forms
from sites.models import Meeting, Site
from sites.selectors.meetings import guest_candidates, meeting_page, register_is_open, register_lines, usual_meeting
from sites.selectors.replies import reply_panel
from sites.services import attendance, meetings

MEETINGS = Meeting.objects.select_related("site")


def _meeting_to_manage(user, pk: int) -> Meeting:
    """The meeting: 404 for people who may not see its site, 403 for those who may see it but not manage it."""
    return get_visible_or_404(MEETINGS, user, "sites.view_meeting", change_perm="sites.manage_meetings", pk=pk)


def _uk_when(meeting) -> str:
    return timezone.localtime(meeting.starts_at).strftime("%A %-d %B %Y at %H:%M")


@login_required
def meeting_create(request, site_pk: int):
    site = get_visible_or_404(Site, request.user, "sites.view_meeting", change_perm="sites.manage_meetings", pk=site_pk)
    usual = usual_meeting(site)
    form = forms.MeetingForm(request.POST or None, initial=usual.initial if usual else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = meetings.schedule_meeting(
                site=site, scheduled_by=request.user, starts_at=data["starts_at"], ends_at=data["ends_at"],
                venue=data["venue"], is_taster=data["is_taster"],
            )  # fmt: skip
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"Meeting scheduled for {_uk_when(meeting)}.")
            return redirect("sites:meeting", meeting.pk)
    return render(request, "sites/meetings/meeting_form.html", {"site": site, "form": form, "usual": usual})


def register_saved_message(lines, statuses: dict) -> str:
    unmarked = [line.person.name for line in lines if not line.is_guest and line.person.pk not in statuses]
    if unmarked:
        count = len(unmarked)
        return (
            f"Register saved. {count} member{'s are' if count != 1 else ' is'} not marked yet: {', '.join(unmarked)}."
        )
    return "Register saved. Everyone is marked."


@login_required
def meeting_detail(request, pk: int):
    meeting = get_visible_or_404(MEETINGS, request.user, "sites.view_meeting", pk=pk)
    can_manage = request.user.has_perm("sites.manage_meetings", meeting)
    may_reply = request.user.has_perm("sites.reply_to_meeting", meeting)
    may_attend = request.user.has_perm("sites.attend_meeting", meeting)
    context = {"meeting": meeting, "site": meeting.site, "can_manage": can_manage, "may_attend": may_attend,
               "may_read_papers": request.user.has_perm("sites.read_meeting_papers", meeting),
               **meeting_page(meeting),
               **reply_panel(meeting, request.user, may_reply=may_reply, can_manage=can_manage)}  # fmt: skip
    return render(request, "sites/meetings/meeting_detail.html", context)


@login_required
def meeting_edit(request, pk: int):
    meeting = get_visible_or_404(
        MEETINGS, request.user, "sites.view_meeting", change_perm="sites.manage_meetings", pk=pk
    )
    initial = {"venue": meeting.venue, "is_taster": meeting.is_taster, "video_link": meeting.video_link}
    form = forms.MeetingDetailsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            meetings.change_meeting_details(meeting=meeting, changed_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, "Meeting details saved.")
            return redirect("sites:meeting", meeting.pk)
    return render(request, "sites/meetings/meeting_change.html", {"meeting": meeting, "form": form, "action": "edit"})


@login_required
def meeting_move(request, pk: int):
    meeting = get_visible_or_404(
        MEETINGS, request.user, "sites.view_meeting", change_perm="sites.manage_meetings", pk=pk
    )
    form = forms.MeetingMoveForm(request.POST or None, initial=forms.MeetingMoveForm.initial_for(meeting))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meetings.move_meeting(
                meeting=meeting, moved_by=request.user, starts_at=data["starts_at"], ends_at=data["ends_at"],
                reason=data["reason"],
            )  # fmt: skip
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"Meeting moved to {_uk_when(meeting)}. Members will get a new reminder.")
            return redirect("sites:meeting", meeting.pk)
    return render(request, "sites/meetings/meeting_change.html", {"meeting": meeting, "form": form, "action": "move"})


@login_required
def meeting_cancel(request, pk: int):
    meeting = get_visible_or_404(
        MEETINGS, request.user, "sites.view_meeting", change_perm="sites.manage_meetings", pk=pk
    )
    form = forms.MeetingCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meetings.cancel_meeting(meeting=meeting, cancelled_by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, "Meeting cancelled. It shows as cancelled on the site page and in calendars.")
            return redirect("sites:meeting", meeting.pk)
    return render(request, "sites/meetings/meeting_change.html", {"meeting": meeting, "form": form, "action": "cancel"})


@login_required
def meeting_notes(request, pk: int):
    meeting = get_visible_or_404(
        MEETINGS, request.user, "sites.view_meeting", change_perm="sites.manage_meetings", pk=pk
    )
    form = forms.MeetingNotesForm(request.POST or None, initial={"notes": meeting.notes})
    if request.method == "POST" and form.is_valid():
        try:
            meetings.record_meeting_notes(meeting=meeting, written_by=request.user, notes=form.cleaned_data["notes"])
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, "Notes saved.")
            return redirect("sites:meeting", meeting.pk)
    return render(request, "sites/meetings/meeting_notes.html", {"meeting": meeting, "form": form})


def _register_form(meeting, data) -> forms.MeetingRegisterForm:
    lines = register_lines(meeting)
    guests = guest_candidates(meeting, exclude_ids=[line.person.pk for line in lines])
    initial = {"register_stamp": attendance.register_stamp(meeting)}
    return forms.MeetingRegisterForm(data, lines=lines, guest_choices=guests, initial=initial)


@login_required
def meeting_register(request, pk: int):
    meeting = get_visible_or_404(
        MEETINGS, request.user, "sites.view_meeting", change_perm="sites.manage_meetings", pk=pk
    )
    form = _register_form(meeting, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            attendance.record_attendance(
                meeting=meeting, recorded_by=request.user, statuses=form.statuses(),
                guests=[g.pk for g in form.cleaned_data["guests"]], based_on=form.cleaned_data["register_stamp"],
            )  # fmt: skip
        except attendance.RegisterChanged as error:
            # Show what the other person saved, keep this person's marks, and let them save again knowingly.
            data = request.POST.copy()
            data["register_stamp"] = attendance.register_stamp(meeting)
            form = _register_form(meeting, data)
            form.is_valid()
            form.add_error(None, error)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, register_saved_message(form.lines, form.statuses()))
            return redirect("sites:meeting_register", meeting.pk)
    unmarked = [line for line in form.lines if not line.is_guest and not line.initial_status]
    context = {"meeting": meeting, "form": form, "register_open": register_is_open(meeting), "unmarked": unmarked}
    return render(request, "sites/meetings/register.html", context)


@login_required
@require_POST
def reminder_settings(request, site_pk: int):
    site = get_visible_or_404(Site, request.user, "sites.view_meeting", change_perm="sites.manage_meetings", pk=site_pk)
    form = forms.ReminderDaysForm(request.POST)
    if form.is_valid():
        days = form.cleaned_data["reminder_days_before"]
        meetings.set_reminder_days(site=site, changed_by=request.user, days=days)
        messages.success(request, f"Members will be reminded {days} day{'s' if days != 1 else ''} before each meeting.")
    else:
        messages.error(request, "Reminders were not changed: choose a number of days between 1 and 28.")
    return redirect("sites:detail", site.pk)
