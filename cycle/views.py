"""The meeting cycle pages: the agenda, the meeting record, and my actions."""

import contextlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from audit.models import AuditAction
from audit.services import record_event
from cases.models import ActionItem
from core.access import get_visible_or_404
from core.forms import add_service_error, save_all_or_none
from core.health import tell_if_jobs_are_delayed
from cycle import forms
from cycle.models import AgendaItem, MeetingGuest, MeetingRecord, RecordAction, RecordEntry
from cycle.pdf import render_meeting_record_pdf
from cycle.selectors import guest_view, guests_of, my_actions, record_entries, site_open_actions
from cycle.services import actions, agenda, guests, record
from members.models import User
from sites.models import Meeting

MEETINGS = Meeting.objects.select_related("site")
ENTRIES = RecordEntry.objects.select_related("agenda_item__case")


def _manage(user, obj) -> None:
    if not user.has_perm("cycle.manage_meeting_cycle", obj):
        raise PermissionDenied("Only this site's facilitators can do that.")


# The agenda
@login_required
def agenda_page(request, pk: int):
    meeting = get_visible_or_404(MEETINGS, request.user, "sites.view_meeting", pk=pk)
    can_manage = request.user.has_perm("cycle.manage_meeting_cycle", meeting)
    published = agenda.is_published(meeting)
    if not can_manage and not published:
        items, removed = [], []
    else:
        if can_manage and not meeting.is_cancelled and meeting.ends_at > timezone.now():
            # IntegrityError: another facilitator's page added the same proposals a moment ago.
            with contextlib.suppress(IntegrityError):
                agenda.refresh_agenda(meeting=meeting)
        all_items = list(meeting.agenda_items.select_related("case").order_by("position", "pk"))
        items = [i for i in all_items if not i.removed]
        removed = [i for i in all_items if i.removed] if can_manage else []
    context = {
        "meeting": meeting, "site": meeting.site, "items": items, "removed": removed, "can_manage": can_manage,
        "published": published, "add_form": forms.AgendaItemForm(),
    }  # fmt: skip
    return render(request, "cycle/agenda.html", context)


@login_required
@require_POST
def agenda_item_move(request, pk: int, item_pk: int):
    meeting = get_visible_or_404(MEETINGS, request.user, "sites.view_meeting", pk=pk)
    _manage(request.user, meeting)
    item = get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting)
    form = forms.MoveForm(request.POST)
    if form.is_valid():
        agenda.move_agenda_item(item=item, moved_by=request.user, direction=form.cleaned_data["direction"])
    return redirect("cycle:agenda", meeting.pk)


@login_required
@require_POST
def agenda_item_remove(request, pk: int, item_pk: int):
    meeting = get_visible_or_404(MEETINGS, request.user, "sites.view_meeting", pk=pk)
    _manage(request.user, meeting)
    item = get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting)
    if item.removed:
        agenda.restore_agenda_item(item=item, restored_by=request.user)
        messages.success(request, f"“{item.title}” is back on the agenda.")
    else:
        agenda.remove_agenda_item(item=item, removed_by=request.user)
        messages.success(request, f"“{item.title}” removed from the agenda. You can put it back below.")
    return redirect("cycle:agenda", meeting.pk)


@login_required
@require_POST
def agenda_item_add(request, pk: int):
    meeting = get_visible_or_404(MEETINGS, request.user, "sites.view_meeting", pk=pk)
    _manage(request.user, meeting)
    form = forms.AgendaItemForm(request.POST)
    if form.is_valid():
        try:
            agenda.add_agenda_item(meeting=meeting, added_by=request.user, title=form.cleaned_data["title"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Item added at the end of the agenda.")
    else:
        messages.error(request, "Write the new item's title (up to 200 characters) and add it again.")
    return redirect("cycle:agenda", meeting.pk)


@login_required
@require_POST
def agenda_publish(request, pk: int):
    meeting = get_visible_or_404(MEETINGS, request.user, "sites.view_meeting", pk=pk)
    _manage(request.user, meeting)
    try:
        agenda.publish_agenda(meeting=meeting, published_by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Agenda published. Members get it by email a few days before the meeting.")
    return redirect("cycle:agenda", meeting.pk)


# The meeting record
def _access_record(user, meeting, *, draft_ok: bool = True) -> MeetingRecord | None:
    current = MeetingRecord.objects.filter(meeting=meeting).first()
    if current is None or (not current.is_locked and not user.has_perm("cycle.view_draft_record", meeting)):
        return None
    return current


@login_required
def record_page(request, pk: int):
    meeting = get_visible_or_404(MEETINGS, request.user, "sites.view_meeting", pk=pk)
    can_manage = request.user.has_perm("cycle.manage_meeting_cycle", meeting)
    if can_manage and request.method == "POST":
        try:
            record.open_record(meeting=meeting, opened_by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("cycle:record", meeting.pk)
    if request.method == "POST":
        raise PermissionDenied("Only this site's facilitators can do that.")
    current = _access_record(request.user, meeting)
    if current is not None and can_manage and not current.is_locked:
        record.open_record(meeting=meeting, opened_by=request.user)
    context = {
        "meeting": meeting, "site": meeting.site, "record": current, "can_manage": can_manage,
        "entries": record_entries(current) if current else [],
        "may_comment": current is not None and not current.is_locked
        and request.user.has_perm("cycle.comment_on_record", meeting),
        "versions": current.versions.order_by("number") if current else [],
        "attendance": meeting.attendances.select_related("person").order_by("person__name"),
        "pending": current is None and MeetingRecord.objects.filter(meeting=meeting).exists(),
    }  # fmt: skip
    return render(request, "cycle/record.html", context)


def _draft_record(request, meeting) -> MeetingRecord:
    current = MeetingRecord.objects.filter(meeting=meeting).first()
    if current is None:
        raise Http404
    return current


@login_required
def record_entry_edit(request, pk: int, entry_pk: int):
    return _record_entry_page(request, pk, entry_pk, action_button=False)


@login_required
def record_action_add(request, pk: int, entry_pk: int):
    return _record_entry_page(request, pk, entry_pk, action_button=True)


ENTRY_FORM_ID = "entry-form"


def _record_entry_page(request, pk: int, entry_pk: int, *, action_button: bool):
    """One page, one form: the discussion and a new action are sent together whichever button is pressed, so text
    typed in one is never lost by saving the other; nothing is saved unless everything typed is valid."""
    meeting = get_visible_or_404(MEETINGS, request.user, "sites.view_meeting", pk=pk)
    _manage(request.user, meeting)
    current = _draft_record(request, meeting)
    entry = get_object_or_404(ENTRIES, pk=entry_pk, record=current)
    data = request.POST if request.method == "POST" else None
    typed_action = data is not None and (
        action_button or any((data.get(f"action-{name}") or "").strip() for name in ("text", "owner", "owner_agency"))
    )
    typed_entry = data is not None and (not action_button or "discussion" in data)
    initial = {"discussion": entry.discussion, "follow_ups": entry.follow_ups}
    form = forms.EntryForm(data if typed_entry else None, initial=initial)
    owners = User.objects.filter(pk__in=record.site_member_ids(meeting.site_id)).order_by("name")
    action_form = forms.RecordActionForm(
        data if typed_action else None, owners=owners, prefix="action", form_id=ENTRY_FORM_ID
    )
    bound = [f for f in (form, action_form) if f.is_bound]
    if bound and all(f.is_valid() for f in bound) and _save_entry(request.user, entry, form, action_form):
        saved = [text for f, text in ((form, "Discussion saved."), (action_form, "Action recorded.")) if f.is_bound]
        messages.success(request, " ".join(saved))
        return redirect("cycle:record", meeting.pk)
    context = {
        "meeting": meeting, "entry": entry, "form": form, "action_form": action_form, "record": current,
        "form_id": ENTRY_FORM_ID,
    }  # fmt: skip
    return render(request, "cycle/record_entry.html", context)


def _save_entry(user, entry, form, action_form) -> bool:
    """Saves what was typed, both or neither: a refusal (the gate, a locked record) is shown on its own form."""
    steps = [
        (form, lambda: record.record_discussion(entry=entry, written_by=user, **form.cleaned_data)),
        (action_form, lambda: record.add_record_action(entry=entry, added_by=user, **action_form.cleaned_data)),
    ]
    return save_all_or_none(steps, changed_only=(form,))


@login_required
@require_POST
def record_action_remove(request, pk: int, entry_pk: int, action_pk: int):
    meeting = get_visible_or_404(MEETINGS, request.user, "sites.view_meeting", pk=pk)
    _manage(request.user, meeting)
    entry = get_object_or_404(ENTRIES, pk=entry_pk, record=_draft_record(request, meeting))
    action = get_object_or_404(RecordAction, pk=action_pk, entry=entry)
    try:
        record.remove_record_action(action=action, removed_by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Action removed from the draft record.")
    return redirect("cycle:record_entry", meeting.pk, entry.pk)


@login_required
@require_POST
def record_comment(request, pk: int, entry_pk: int):
    meeting = get_visible_or_404(MEETINGS, request.user, "sites.view_meeting", pk=pk)
    current = _access_record(request.user, meeting)
    if current is None:
        raise Http404
    if not request.user.has_perm("cycle.comment_on_record", meeting):
        raise PermissionDenied("Only members who were at the meeting can suggest corrections.")
    entry = get_object_or_404(ENTRIES, pk=entry_pk, record=current)
    form = forms.CommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Write the correction you suggest, then send it.")
        return redirect("cycle:record", meeting.pk)
    try:
        record.suggest_correction(entry=entry, author=request.user, text=form.cleaned_data["text"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Thank you: your correction is with the facilitator.")
    return redirect("cycle:record", meeting.pk)


@login_required
@require_POST
def record_approve(request, pk: int):
    meeting = get_visible_or_404(MEETINGS, request.user, "sites.view_meeting", pk=pk)
    _manage(request.user, meeting)
    current = _draft_record(request, meeting)
    try:
        version = record.approve_record(record=current, approved_by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Record approved as version {version.number} and emailed to the site's members.")
        tell_if_jobs_are_delayed(request, what="The approval", resumes=False)
    return redirect("cycle:record", meeting.pk)


@login_required
@require_POST
def record_revise(request, pk: int):
    meeting = get_visible_or_404(MEETINGS, request.user, "sites.view_meeting", pk=pk)
    _manage(request.user, meeting)
    current = _draft_record(request, meeting)
    record.start_new_version(record=current, started_by=request.user)
    messages.success(request, f"Version {current.version + 1} is open for changes. Approve it when it is ready.")
    return redirect("cycle:record", meeting.pk)


@login_required
def record_version(request, pk: int, number: int):
    meeting = get_visible_or_404(MEETINGS, request.user, "sites.view_meeting", pk=pk)
    current = MeetingRecord.objects.filter(meeting=meeting).first()
    if current is None:
        raise Http404
    version = get_object_or_404(current.versions, number=number)
    return render(request, "cycle/record_version.html", {"meeting": meeting, "version": version})


@login_required
def record_pdf(request, pk: int):
    meeting = get_visible_or_404(MEETINGS, request.user, "sites.view_meeting", pk=pk)
    current = MeetingRecord.objects.filter(meeting=meeting, status="approved").first()
    if current is None:
        raise Http404
    record_event(actor=request.user, action=AuditAction.DOWNLOADED, target=current, request=request)
    response = HttpResponse(render_meeting_record_pdf(current), content_type="application/pdf")
    name = f"{meeting.site.code}-meeting-record-{meeting.local_date:%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# My actions
@login_required
def my_actions_page(request):
    context = {"lines": my_actions(request.user), "site_lines": site_open_actions(request.user)}
    context["open_count"] = sum(1 for line in context["lines"] if line.is_open)
    return render(request, "cycle/my_actions.html", context)


@login_required
@require_POST
def meeting_action_done(request, pk: int):
    action = get_object_or_404(RecordAction.objects.select_related("entry__record__meeting"), pk=pk)
    meeting = action.entry.record.meeting
    if action.owner_id != request.user.pk and not request.user.has_perm("cycle.manage_meeting_cycle", meeting):
        raise Http404
    form = forms.DoneForm(request.POST)
    if form.is_valid():
        try:
            actions.complete_record_action(action=action, by=request.user, note=form.cleaned_data["note"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Action marked as done.")
    else:
        messages.error(request, "The note is too long: keep it under 2000 characters.")
    return redirect("my_actions")


@login_required
@require_POST
def case_action_done(request, pk: int):
    action = get_object_or_404(ActionItem.objects.select_related("case"), pk=pk)
    if action.owner_id != request.user.pk or action.case.is_draft:
        raise Http404
    form = forms.CaseActionDoneForm(request.POST)
    if form.is_valid():
        try:
            actions.complete_case_action(action=action, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Next step marked as done.")
    else:
        messages.error(request, "Say how it went, then mark it done.")
    return redirect("my_actions")


# Commissioners invited to one meeting
@login_required
def meeting_guests(request, pk: int):
    meeting = get_visible_or_404(MEETINGS, request.user, "sites.view_meeting", pk=pk)
    if not request.user.has_perm("cycle.manage_meeting_cycle", meeting):
        raise PermissionDenied("Only this site's facilitators can invite commissioners.")
    form = forms.InviteCommissionerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            guests.invite_commissioner(meeting=meeting, person=form.cleaned_data["person"], invited_by=request.user)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request, "Invited and told by email: they can read this meeting's agenda and the issues raised on it."
            )
            return redirect("cycle:guests", meeting.pk)
    context = {"meeting": meeting, "site": meeting.site, "form": form, "guests": guests_of(meeting)}
    return render(request, "cycle/guests.html", context)


@login_required
@require_POST
def meeting_guest_withdraw(request, pk: int, guest_pk: int):
    meeting = get_visible_or_404(MEETINGS, request.user, "sites.view_meeting", pk=pk)
    if not request.user.has_perm("cycle.manage_meeting_cycle", meeting):
        raise PermissionDenied("Only this site's facilitators can withdraw an invitation.")
    guest = get_object_or_404(MeetingGuest, pk=guest_pk, meeting=meeting)
    guests.withdraw_invitation(guest=guest, withdrawn_by=request.user)
    messages.success(request, "Invitation withdrawn and they are told by email: the agenda is closed to them.")
    return redirect("cycle:guests", meeting.pk)


@login_required
@require_GET
def meeting_as_guest(request, pk: int):
    """The meeting as an invited commissioner reads it (the site's facilitators see the same, to check)."""
    meeting = get_visible_or_404(MEETINGS, request.user, "cycle.view_as_guest", pk=pk)
    return render(request, "cycle/guest_view.html", {"meeting": meeting, "site": meeting.site, **guest_view(meeting)})
