"""The facilitators' network pages: the meetings, each meeting's agenda, named invitees, register and record."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from core.access import get_visible_or_404
from core.forms import add_service_error, save_all_or_none
from cycle.forms import AgendaItemForm, MoveForm
from members.models import User
from network import forms, services
from network.ical import network_meeting_ics
from network.models import (
    NetworkAction,
    NetworkAgendaItem,
    NetworkAttendance,
    NetworkInvitee,
    NetworkMeeting,
    NetworkRecord,
    NetworkRecordEntry,
)
from network.selectors import invited_people, network_meetings_for, record_entries, register_of, register_people

NETWORK_ONLY = "The facilitators' network is for facilitators and the programme team."


def _meeting(user, pk: int, *, manage: bool = False) -> NetworkMeeting:
    """The meeting if the person is invited to it (404 otherwise); with manage, only for programme admins (403)."""
    return get_visible_or_404(
        NetworkMeeting, user, "network.view_meeting", change_perm="network.manage_meetings" if manage else None,
        refusal=services.ADMINS_ONLY, pk=pk,
    )  # fmt: skip


def _tell(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@login_required
@require_GET
def index(request):
    if not request.user.has_perm("network.view_network"):
        raise PermissionDenied(NETWORK_ONLY)
    meetings = network_meetings_for(request.user).order_by("starts_at")
    now = timezone.now()
    context = {
        "upcoming": [m for m in meetings if m.ends_at >= now and not m.is_cancelled],
        "past": [m for m in reversed(meetings) if m.ends_at < now and not m.is_cancelled],
        "cancelled": [m for m in meetings if m.is_cancelled],
        "can_manage": request.user.has_perm("network.manage_meetings"),
    }
    return render(request, "network/index.html", context)


@login_required
def schedule(request):
    if not request.user.has_perm("network.manage_meetings"):
        raise PermissionDenied(services.ADMINS_ONLY)
    form = forms.NetworkMeetingForm(request.POST or None, initial={"kind": "quarterly"})
    if form.is_valid():
        try:
            meeting = services.schedule_network_meeting(scheduled_by=request.user, **_meeting_fields(form))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, "Meeting scheduled. Everyone invited sees it on their home page.")
            return redirect("network:meeting", meeting.pk)
    return render(request, "network/meeting_form.html", {"form": form, "meeting": None})


def _meeting_fields(form) -> dict:
    data = form.cleaned_data
    return {name: data[name] for name in ("kind", "starts_at", "ends_at", "venue", "video_link")}


@login_required
def edit(request, pk: int):
    meeting = _meeting(request.user, pk, manage=True)
    initial = {"kind": meeting.kind, "venue": meeting.venue, "video_link": meeting.video_link}
    form = forms.NetworkMeetingForm(
        request.POST or None, initial=initial | forms.NetworkMeetingForm.initial_for(meeting)
    )
    if form.is_valid():
        try:
            services.change_network_meeting(meeting=meeting, changed_by=request.user, **_meeting_fields(form))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, "Meeting changed. Download the calendar entry again to update your calendar.")
            return redirect("network:meeting", meeting.pk)
    return render(request, "network/meeting_form.html", {"form": form, "meeting": meeting})


@login_required
@require_POST
def cancel(request, pk: int):
    meeting = _meeting(request.user, pk, manage=True)
    services.cancel_network_meeting(meeting=meeting, cancelled_by=request.user)
    messages.success(request, "Meeting cancelled. It stays in the list, marked as cancelled.")
    return redirect("network:meeting", meeting.pk)


@login_required
@require_GET
def meeting_page(request, pk: int):
    meeting = _meeting(request.user, pk)
    can_manage = request.user.has_perm("network.manage_meetings")
    items = list(meeting.agenda_items.select_related("proposed_by").order_by("position", "pk"))
    context = {
        "meeting": meeting, "can_manage": can_manage,
        "items": [i for i in items if not i.removed],
        "removed": [i for i in items if i.removed] if can_manage else [],
        "agenda_open": services.agenda_open_to(request.user, meeting), "add_form": AgendaItemForm(),
        "attendance": register_of(meeting),
        "invitees": meeting.invitees.select_related("person").order_by("person__name"),
        "record": NetworkRecord.objects.filter(meeting=meeting).first(),
        "register_open": services.register_open(meeting),
    }  # fmt: skip
    return render(request, "network/meeting.html", context)


@login_required
@require_GET
def meeting_ics(request, pk: int):
    meeting = _meeting(request.user, pk)
    response = HttpResponse(network_meeting_ics(meeting), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="network-meeting-{meeting.local_date:%Y-%m-%d}.ics"'
    return response


# Named invitees
@login_required
def invitees(request, pk: int):
    meeting = _meeting(request.user, pk, manage=True)
    named = meeting.invitees.select_related("person").order_by("person__name")
    people = (
        User.objects.filter(is_active=True, is_commissioner=False)
        .exclude(pk__in=invited_people(meeting).values("pk"))
        .order_by("name")
    )
    form = forms.InviteeForm(request.POST or None, people=people)
    if form.is_valid():
        try:
            services.invite_to_network_meeting(
                meeting=meeting, person=form.cleaned_data["person"], invited_by=request.user
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"{form.cleaned_data['person'].name} is invited to this meeting.")
            return redirect("network:invitees", meeting.pk)
    return render(request, "network/invitees.html", {"meeting": meeting, "named": named, "form": form})


@login_required
@require_POST
def invitee_remove(request, pk: int, invitee_pk: int):
    meeting = _meeting(request.user, pk, manage=True)
    invitee = get_object_or_404(NetworkInvitee.objects.select_related("person"), pk=invitee_pk, meeting=meeting)
    services.remove_network_invitee(invitee=invitee, removed_by=request.user)
    messages.success(request, f"{invitee.person.name} is no longer invited to this meeting.")
    return redirect("network:invitees", meeting.pk)


# The agenda
@login_required
@require_POST
def agenda_add(request, pk: int):
    meeting = _meeting(request.user, pk)
    form = AgendaItemForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Write the item's title (up to 200 characters) and add it again.")
        return redirect("network:meeting", meeting.pk)
    try:
        services.propose_agenda_item(meeting=meeting, proposed_by=request.user, title=form.cleaned_data["title"])
    except ValidationError as error:
        _tell(request, error)
    else:
        messages.success(request, "Item added at the end of the agenda.")
    return redirect("network:meeting", meeting.pk)


def _item(request, pk: int, item_pk: int) -> NetworkAgendaItem:
    meeting = _meeting(request.user, pk, manage=True)
    return get_object_or_404(NetworkAgendaItem.objects.select_related("meeting"), pk=item_pk, meeting=meeting)


@login_required
@require_POST
def agenda_move(request, pk: int, item_pk: int):
    item = _item(request, pk, item_pk)
    form = MoveForm(request.POST)
    if form.is_valid():
        services.move_agenda_item(item=item, moved_by=request.user, direction=form.cleaned_data["direction"])
    return redirect("network:meeting", item.meeting_id)


@login_required
@require_POST
def agenda_remove(request, pk: int, item_pk: int):
    item = _item(request, pk, item_pk)
    try:
        services.toggle_agenda_item(item=item, changed_by=request.user)
    except ValidationError as error:
        _tell(request, error)
    else:
        done = "removed from the agenda. You can put it back below." if item.removed else "is back on the agenda."
        messages.success(request, f"“{item.title}” {done}")
    return redirect("network:meeting", item.meeting_id)


# The register
@login_required
def register(request, pk: int):
    meeting = _meeting(request.user, pk, manage=True)
    people = register_people(meeting)
    marks = dict(NetworkAttendance.objects.filter(meeting=meeting).values_list("person_id", "status"))
    form = forms.NetworkRegisterForm(request.POST or None, people=people, marks=marks)
    if form.is_valid():
        try:
            saved = services.take_register(meeting=meeting, taken_by=request.user, statuses=form.statuses())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"Register saved: {saved} {'person' if saved == 1 else 'people'} marked.")
            return redirect("network:meeting", meeting.pk)
    context = {"meeting": meeting, "form": form, "register_open": services.register_open(meeting)}
    return render(request, "network/register.html", context)


# The record
@login_required
def record_page(request, pk: int):
    meeting = _meeting(request.user, pk)
    can_manage = request.user.has_perm("network.manage_meetings")
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied(services.ADMINS_ONLY)
        try:
            services.open_record(meeting=meeting, opened_by=request.user)
        except ValidationError as error:
            _tell(request, error)
        return redirect("network:record", meeting.pk)
    current = NetworkRecord.objects.filter(meeting=meeting).first()
    if current is not None and not current.is_locked and can_manage:
        current = services.open_record(meeting=meeting, opened_by=request.user)  # agenda items added since
    readable = current is not None and (current.is_locked or request.user.has_perm("network.view_draft_record"))
    context = {
        "meeting": meeting, "can_manage": can_manage, "record": current if readable else None,
        "pending": current is not None and not readable,
        "entries": record_entries(current) if readable else [],
        "attendance": register_of(meeting),
    }  # fmt: skip
    return render(request, "network/record.html", context)


def _draft(request, pk: int) -> NetworkRecord:
    meeting = _meeting(request.user, pk, manage=True)
    current = NetworkRecord.objects.filter(meeting=meeting).select_related("meeting").first()
    if current is None:
        raise Http404
    return current


@login_required
def record_entry(request, pk: int, entry_pk: int):
    """One form: the discussion and decisions, and a new action when one is typed; all saved or none."""
    current = _draft(request, pk)
    entry = get_object_or_404(NetworkRecordEntry.objects.select_related("agenda_item"), pk=entry_pk, record=current)
    data = request.POST if request.method == "POST" else None
    typed_action = data is not None and any(
        (data.get(f"action-{n}") or "").strip() for n in ("text", "owner", "due_on")
    )
    form = forms.EntryForm(data, initial={"discussion": entry.discussion, "decisions": entry.decisions})
    owners = invited_people(current.meeting)
    action_form = forms.ActionForm(data if typed_action else None, owners=owners, prefix="action")
    bound = [f for f in (form, action_form) if f.is_bound]
    if bound and all(f.is_valid() for f in bound) and _save_entry(request.user, entry, form, action_form):
        if action_form.is_bound:  # back to the item, to see the action listed or add another
            messages.success(request, "Saved, with the new action.")
            return redirect("network:record_entry", pk, entry.pk)
        messages.success(request, "Saved.")
        return redirect("network:record", pk)
    context = {"meeting": current.meeting, "record": current, "entry": entry, "form": form, "action_form": action_form,
               "actions": entry.actions.select_related("owner")}  # fmt: skip
    return render(request, "network/record_entry.html", context)


def _save_entry(user, entry, form, action_form) -> bool:
    """Saves what was typed, both or neither: a refusal (the gate, a locked record) is shown on its own form."""
    steps = [
        (form, lambda: services.record_discussion(entry=entry, written_by=user, **form.cleaned_data)),
        (action_form, lambda: services.add_action(entry=entry, added_by=user, **action_form.cleaned_data)),
    ]
    return save_all_or_none(steps, changed_only=(form,))


@login_required
@require_POST
def record_action_remove(request, pk: int, entry_pk: int, action_pk: int):
    current = _draft(request, pk)
    entry = get_object_or_404(NetworkRecordEntry, pk=entry_pk, record=current)
    action = get_object_or_404(NetworkAction, pk=action_pk, entry=entry)
    try:
        services.remove_action(action=action, removed_by=request.user)
    except ValidationError as error:
        _tell(request, error)
    else:
        messages.success(request, "Action removed from the draft record.")
    return redirect("network:record_entry", pk, entry_pk)


@login_required
@require_POST
def record_approve(request, pk: int):
    current = _draft(request, pk)
    try:
        services.approve_record(record=current, approved_by=request.user)
    except ValidationError as error:
        _tell(request, error)
    else:
        messages.success(request, "Record approved. Everyone invited can now read it.")
    return redirect("network:record", pk)


@login_required
@require_POST
def record_reopen(request, pk: int):
    current = _draft(request, pk)
    services.reopen_record(record=current, reopened_by=request.user)
    messages.success(request, "The record is a draft again: change it, then approve it.")
    return redirect("network:record", pk)
