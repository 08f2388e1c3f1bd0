"""My development: the record of meetings attended, cases presented and follow-ups reported for a period, my private
reflective notes, and a certificate of participation as PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from core.forms import add_service_error
from cpd import services
from cpd.forms import PeriodForm, ReflectiveNoteForm
from cpd.models import ReflectiveNote
from cpd.pdf import render_certificate_pdf
from cpd.selectors import development_record, notes_of
from sites.models import AttendanceStatus, Meeting


def _period(request) -> tuple[PeriodForm, dict]:
    form = PeriodForm(request.GET if "start" in request.GET else None, initial=PeriodForm.default_period())
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data
    return form, PeriodForm.default_period()


def _meetings_attended(user):
    return (
        Meeting.objects.filter(attendances__person=user, attendances__status=AttendanceStatus.PRESENT)
        .select_related("site")
        .order_by("-starts_at")
    )


def _own_note(user, pk: int) -> ReflectiveNote:
    """A note is its author's only: anyone else gets a 404, whatever their role."""
    return get_object_or_404(ReflectiveNote, pk=pk, person=user)


@login_required
@require_GET
def development(request):
    form, period = _period(request)
    record = development_record(request.user, **period)
    context = {"form": form, "record": record, "notes": notes_of(request.user), "period": period}
    return render(request, "cpd/development.html", context)


@login_required
@require_GET
def certificate(request):
    form, period = _period(request)
    if form.is_bound and not form.is_valid():
        messages.error(request, "Choose a period with a start on or before its end.")
        return redirect("cpd:development")
    pdf = render_certificate_pdf(request.user, development_record(request.user, **period))
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"certificate-of-participation-{period['start']:%Y%m%d}-{period['end']:%Y%m%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def note_create(request):
    form = ReflectiveNoteForm(request.POST or None, meetings=_meetings_attended(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.write_reflective_note(person=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, "Note saved. Only you can read it.")
            return redirect("cpd:development")
    return render(request, "cpd/note_form.html", {"form": form})


@login_required
def note_edit(request, pk: int):
    note = _own_note(request.user, pk)
    initial = {"title": note.title, "text": note.text, "written_on": note.written_on, "meeting": note.meeting_id}
    form = ReflectiveNoteForm(request.POST or None, initial=initial, meetings=_meetings_attended(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.change_reflective_note(note=note, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, "Note saved.")
            return redirect("cpd:development")
    return render(request, "cpd/note_form.html", {"form": form, "note": note})


@login_required
@require_POST
def note_remove(request, pk: int):
    services.remove_reflective_note(note=_own_note(request.user, pk))
    messages.success(request, "Note removed.")
    return redirect("cpd:development")
