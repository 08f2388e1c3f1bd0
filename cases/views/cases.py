import html

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from audit.models import AuditAction
from audit.services import record_event
from cases.forms.cases import (
    ActionItemForm,
    ActionStatusForm,
    CaseForm,
    DiscussionForm,
    DismissFindingForm,
    FollowUpForm,
    FollowUpTextForm,
    WriteUpForm,
)
from cases.highlight import Span, highlight
from cases.models import ActionItem, Case, CaseKind, Finding, FollowUp, Outcome, Theme, field_label
from cases.pdf import render_learning_object_pdf
from cases.selectors import cases as selectors
from cases.selectors import evidence as evidence_selectors
from cases.services import editing, fixes, gate, lifecycle
from cases.views.access import access_case
from core.text_gate import REASON_ERROR
from sites.models import Site
from sites.rules import site_roles


def _error(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


def _member_sites(user):
    return Site.objects.filter(pk__in=list(site_roles(user))).order_by("code")


@login_required
def case_list(request):
    if not request.user.has_perm("cases.list_cases"):
        raise PermissionDenied
    context = selectors.cases_page(request.user)
    return render(request, "cases/case_list.html", {**context, "can_add": request.user.has_perm("cases.add_case")})


@login_required
def case_create(request):
    if not request.user.has_perm("cases.add_case"):
        raise PermissionDenied("Only members of a site can add a case.")
    sites = _member_sites(request.user)
    form = CaseForm(request.POST or None, sites=sites, initial={"presenters": [request.user], "site": sites.first()})
    if request.method == "POST" and form.is_valid():
        try:
            case = editing.write_case(by=request.user, next_step=form.new_next_step(), **form.case_fields())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            _saved(request, case, "Your draft is saved. Only you and the site's facilitators can see it.")
            return redirect("cases:edit", case.pk)
    return render(request, "cases/case_form.html", {"form": form, "case": None})


def _saved(request, case: Case, message: str) -> None:
    """Say it is saved, unless the page will show what to fix first (one message, where the person looks)."""
    if not gate.blocking_findings(case):
        messages.success(request, message)


def _edit_form(request, case: Case, data=None) -> CaseForm:
    initial = {
        "title": case.title,
        "kind": case.kind,
        "themes": list(case.themes.all()),
        "presenters": list(case.presenters.all()),
        "presentation": case.presentation,
        "learning": case.learning,
        "commissioner_issues": case.commissioner_issues,
        "edited_from": lifecycle.edit_stamp(case),
    }
    return CaseForm(data, sites=_member_sites(request.user), case=case, initial=initial)


@login_required
def case_edit(request, pk: int):
    case = access_case(request.user, pk)
    if not request.user.has_perm("cases.change_case", case):
        raise PermissionDenied("You cannot edit this case now.")
    form = _edit_form(request, case, request.POST or None)
    refused, conflict = [], False
    if request.method == "POST" and form.is_valid():
        fields = form.case_fields()
        remove_step = request.POST.get("remove_step", "")
        try:
            editing.edit_case(
                case=case,
                by=request.user,
                based_on=form.cleaned_data["edited_from"],
                next_step=form.new_next_step(),
                remove_step=int(remove_step) if remove_step.isdigit() else None,
                **fields,
            )
        except lifecycle.CaseChanged as error:
            # Keep this person's text, show the case as now saved, and let them save again knowingly.
            case.refresh_from_db()
            data = request.POST.copy()
            data["edited_from"] = lifecycle.edit_stamp(case)
            form = _edit_form(request, case, data)
            form.is_valid()
            form.add_error(None, error)
            conflict = True
        except lifecycle.PersonalDataError as error:
            form.add_error(None, error.message)
            refused = _refused_highlights(form.cleaned_data, error.found)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            then = "remove-step" if remove_step.isdigit() else request.POST.get("then", "")
            return _after_save(request, case, then=then)
    return _edit_page(request, case, form, refused=refused, conflict=conflict)


def _edit_page(request, case: Case, form, *, refused=(), conflict=False):
    page = selectors.case_page(case)
    return render(
        request,
        "cases/case_form.html",
        {
            "form": form,
            "case": case,
            "refused": refused,
            "conflict": conflict,
            "panel": selectors.fix_panel(case, page["findings"]),
            **page,
            "can": selectors.available_actions(request.user, case),
        },
    )


def _after_save(request, case: Case, *, then: str):
    """The case form is saved; now do what its button asked: fix one finding, check "Fix all", or share."""
    edit_page = reverse("cases:edit", args=[case.pk])
    if then == "fix-all":
        return redirect("cases:fix_all", case.pk)
    if then.startswith("fix:") and then[4:].isdigit():
        finding = get_object_or_404(Finding, pk=int(then[4:]), case=case)
        try:
            fixes.fix_finding(case=case, by=request.user, finding=finding)
        except ValidationError as error:
            _error(request, error)
        else:
            _saved(request, case, "Replaced and saved: there is nothing left to fix.")
        return redirect(edit_page + "#gate-panel")
    if then.startswith(("dismiss:", "reopen:")) and then.partition(":")[2].isdigit():
        finding = get_object_or_404(Finding, pk=int(then.partition(":")[2]), case=case)
        try:
            if then.startswith("dismiss:"):
                reason = request.POST.get(f"reason-{finding.pk}", "")
                gate.dismiss_finding(finding=finding, by=request.user, reason=reason)
                messages.success(request, "Marked as not personal data. The site's facilitators can see your reason.")
            else:
                gate.reopen_finding(finding=finding, by=request.user)
                messages.success(request, "Finding reopened: the text must be fixed before the case moves on.")
        except ValidationError as error:
            _error(request, error)
        return redirect(edit_page + "#gate-panel")
    if then == "share":
        try:
            lifecycle.share_case(case=case, by=request.user)
        except ValidationError as error:
            _error(request, error)
            return redirect(edit_page + "#gate-panel")
        messages.success(request, "Your case is saved and shared with the site's members before the meeting.")
        return redirect("cases:detail", case.pk)
    if then in ("add-step", "remove-step"):
        messages.success(request, "Next step added." if then == "add-step" else "Next step removed.")
        return redirect(edit_page + "#next-steps")
    _saved(request, case, "Your changes are saved.")
    return redirect(edit_page)


@login_required
def case_fix_all(request, pk: int):
    """ "Fix all": the result shown first (GET), saved when the presenter confirms it (POST)."""
    case = access_case(request.user, pk)
    if not request.user.has_perm("cases.change_case", case):
        raise PermissionDenied("You cannot edit this case now.")
    if request.method == "POST":
        try:
            replaced = fixes.fix_all_findings(case=case, by=request.user, based_on=request.POST.get("based_on", ""))
        except lifecycle.CaseChanged as error:
            _error(request, error)
            return redirect("cases:fix_all", case.pk)
        except ValidationError as error:
            _error(request, error)
        else:
            count = sum(replaced.values())
            messages.success(request, f"{count} replaced and your draft is saved. Check it reads well, then share it.")
        return redirect(reverse("cases:edit", args=[case.pk]) + "#gate-panel")
    preview = fixes.preview_fix_all(case)
    return render(request, "cases/case_fix_all.html", {"case": case, "preview": preview})


def _refused_highlights(data: dict, found: dict) -> list[dict]:
    shown = []
    for field, detected in found.items():
        text = data.get(field, "")
        spans = [Span(d.start, d.end, d.kind) for d in detected]
        shown.append({"label": field_label(field), "html": highlight(text, spans)})
    return shown


@login_required
def case_detail(request, pk: int):
    try:
        case = access_case(request.user, pk)
    except Http404:
        # Everyone signed in reads learning objects in the repository, without the site's details.
        case = get_object_or_404(selectors.learning_objects_for(request.user), pk=pk)
        return redirect("repository:detail", case.pk)
    record_event(actor=request.user, action=AuditAction.VIEWED, target=case, request=request)
    can = selectors.available_actions(request.user, case)
    context = {"case": case, "can": can, **selectors.case_page(case)}
    context["highlighted"] = selectors.highlighted_texts(case, context["findings"])
    context.update(evidence_selectors.case_evidence(case))
    context["can_attach"] = request.user.has_perm("cases.attach_evidence", case)
    context["can_ask"] = request.user.has_perm("cases.ask_question", case)
    if can["view_history"]:
        context.update(selectors.case_history(case))
    return render(request, "cases/case_detail.html", context)


@login_required
@require_POST
def action_add(request, pk: int):
    case = access_case(request.user, pk)
    form = ActionItemForm(request.POST, case=case)
    if form.is_valid():
        try:
            lifecycle.add_action_item(case=case, by=request.user, **form.cleaned_data)
            messages.success(request, "Next step added.")
        except ValidationError as error:
            _error(request, error)
    else:
        messages.error(request, "Write the next step before adding it.")
    return redirect("cases:edit", case.pk)


@login_required
@require_POST
def action_update(request, pk: int):
    action = get_object_or_404(ActionItem, pk=pk)
    case = access_case(request.user, action.case_id)
    form = ActionStatusForm(request.POST)
    if form.is_valid():
        try:
            lifecycle.update_action_item(action=action, by=request.user, **form.cleaned_data)
            messages.success(request, "Next step updated.")
        except ValidationError as error:
            _error(request, error)
    return redirect("cases:detail", case.pk)


@login_required
@require_POST
def action_remove(request, pk: int):
    action = get_object_or_404(ActionItem, pk=pk)
    case = access_case(request.user, action.case_id)
    lifecycle.remove_action_item(action=action, by=request.user)
    messages.success(request, "Next step removed.")
    return redirect("cases:edit", case.pk)


@login_required
@require_POST
def finding_dismiss(request, pk: int):
    finding = get_object_or_404(Finding, pk=pk)
    case = access_case(request.user, finding.case_id)
    form = DismissFindingForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("reason", [REASON_ERROR])))
        return redirect(_back(request, case))
    try:
        finding = gate.dismiss_finding(finding=finding, by=request.user, reason=form.cleaned_data["reason"])
        if finding.is_awaiting_confirmation:
            messages.success(
                request,
                "Sent to the site's facilitators to confirm. Until one of them confirms, the case cannot move on.",
            )
        else:
            messages.success(request, "Marked as not personal data. The site's facilitators can see your reason.")
    except ValidationError as error:
        _error(request, error)
    return redirect(_back(request, case))


@login_required
@require_POST
def finding_reopen(request, pk: int):
    finding = get_object_or_404(Finding, pk=pk)
    case = access_case(request.user, finding.case_id)
    try:
        gate.reopen_finding(finding=finding, by=request.user)
        messages.success(request, "Finding reopened: the text must be fixed before the case moves on.")
    except ValidationError as error:
        _error(request, error)
    return redirect(_back(request, case))


@login_required
@require_POST
def finding_confirm(request, pk: int):
    finding = get_object_or_404(Finding, pk=pk)
    case = access_case(request.user, finding.case_id)
    try:
        gate.confirm_finding_dismissal(finding=finding, by=request.user)
        messages.success(request, "Confirmed: not personal data. It no longer holds the case back.")
    except ValidationError as error:
        _error(request, error)
    return redirect(_back(request, case))


@login_required
@require_POST
def finding_refuse(request, pk: int):
    finding = get_object_or_404(Finding, pk=pk)
    case = access_case(request.user, finding.case_id)
    try:
        gate.refuse_finding_dismissal(finding=finding, by=request.user)
        messages.success(request, "Refused: the presenter must fix the text before the case moves on.")
    except ValidationError as error:
        _error(request, error)
    return redirect(_back(request, case))


@login_required
def findings_to_confirm(request):
    """What waits for this facilitator: structured identifiers presenters marked as not personal data."""
    findings = selectors.findings_awaiting_confirmation(request.user)
    return render(request, "cases/findings_to_confirm.html", {"findings": findings})


def _back(request, case) -> str:
    """Back to the case page or its editor (never anywhere else the form might name)."""
    allowed = {
        reverse("cases:detail", args=[case.pk]),
        reverse("cases:edit", args=[case.pk]),
        reverse("cases:findings_to_confirm"),
    }
    target = request.POST.get("next", "")
    return target if target in allowed else reverse("cases:detail", args=[case.pk])


def _lifecycle_post(service, success: str):
    @login_required
    @require_POST
    def view(request, pk: int):
        case = access_case(request.user, pk)
        try:
            service(case=case, by=request.user)
            messages.success(request, success)
        except ValidationError as error:
            _error(request, error)
        return redirect("cases:detail", case.pk)

    return view


case_share = _lifecycle_post(lifecycle.share_case, "Shared with the site's members before the meeting.")
case_publish = _lifecycle_post(lifecycle.publish_case, "Published to the programme's repository.")
case_make_public = _lifecycle_post(lifecycle.make_case_public, "Published openly: anyone can now read it.")
case_withdraw = _lifecycle_post(lifecycle.withdraw_case, "Withdrawn one step.")


@login_required
def case_discussion(request, pk: int):
    case = access_case(request.user, pk)
    if not request.user.has_perm("cases.record_discussion", case):
        raise PermissionDenied("Only the site's facilitators record a discussion.")
    form = DiscussionForm(request.POST or None, meetings=selectors.meetings_for_discussion(case))
    if request.method == "POST" and form.is_valid():
        try:
            lifecycle.record_discussion(case=case, by=request.user, meeting=form.cleaned_data["meeting"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "The discussion is recorded.")
            return redirect("cases:detail", case.pk)
    return render(request, "cases/case_step_form.html", {"case": case, "form": form, "step": "Record the discussion"})


@login_required
def case_follow_up(request, pk: int):
    case = access_case(request.user, pk)
    if not request.user.has_perm("cases.record_follow_up", case):
        raise PermissionDenied("Only the case's presenters or the site's facilitators can record follow-up.")
    form = FollowUpForm(
        request.POST or None,
        case=case,
        meetings=selectors.meetings_for_follow_up(case),
        initial={"outcome": Outcome.NONE_YET},
    )
    refused = []
    if request.method == "POST" and form.is_valid():
        try:
            lifecycle.record_follow_up(case=case, by=request.user, **form.cleaned_data)
        except lifecycle.PersonalDataError as error:
            refused = _refused_highlights({"followup:new": form.cleaned_data["what_happened"]}, error.found)
            form.add_error("what_happened", error.message)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "The follow-up is recorded.")
            return redirect("cases:detail", case.pk)
    return render(
        request,
        "cases/case_step_form.html",
        {"case": case, "form": form, "step": "Record follow-up", "refused": refused},
    )


@login_required
def follow_up_edit(request, pk: int):
    follow_up = get_object_or_404(FollowUp, pk=pk)
    case = access_case(request.user, follow_up.case_id)
    if not request.user.has_perm("cases.record_follow_up", case):
        raise PermissionDenied("Only the case's presenters or the site's facilitators can change a follow-up.")
    form = FollowUpTextForm(request.POST or None, initial={"what_happened": follow_up.what_happened})
    refused = []
    if request.method == "POST" and form.is_valid():
        try:
            lifecycle.update_follow_up(follow_up=follow_up, by=request.user, **form.cleaned_data)
        except lifecycle.PersonalDataError as error:
            text = form.cleaned_data["what_happened"]
            refused = _refused_highlights({f"followup:{follow_up.pk}": text}, error.found)
            form.add_error("what_happened", error.message)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "The follow-up is corrected.")
            return redirect("cases:detail", case.pk)
    context = {"case": case, "form": form, "step": "Correct the follow-up", "refused": refused}
    return render(request, "cases/case_step_form.html", context)


@login_required
def case_write_up(request, pk: int):
    case = access_case(request.user, pk)
    if not request.user.has_perm("cases.write_up_case", case):
        raise PermissionDenied("Only the site's facilitators write a case up.")
    form = WriteUpForm(request.POST or None, initial={"summary": case.summary})
    refused = []
    if request.method == "POST" and form.is_valid():
        try:
            lifecycle.write_up_case(case=case, by=request.user, summary=form.cleaned_data["summary"])
        except lifecycle.PersonalDataError as error:
            refused = _refused_highlights(dict(form.cleaned_data), error.found)
            form.add_error("summary", error.message)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Written up as a learning object. Publish it when it is ready.")
            return redirect("cases:detail", case.pk)
    return render(
        request,
        "cases/case_step_form.html",
        {"case": case, "form": form, "step": "Write up as a learning object", "refused": refused},
    )


# The repository: learning objects, never with presenters' names.
def repository_list(request):
    context = selectors.repository_page(request.user, params=request.GET)
    options = selectors.repository_filter_options(request.user)
    filters = {
        "themes": Theme.objects.all(),
        "years": options["years"],
        "site_options": _options_html(options["site_codes"], chosen=context["chosen"].get("site")),
        "kinds": CaseKind.choices,
        "outcomes": Outcome.choices,
    }
    return render(request, "cases/repository_list.html", {**context, **filters})


def _options_html(values: list[str], *, chosen: str | None) -> str:
    """<option>s for a long list (hundreds of sites), built in one pass rather than by the template loop."""
    options = []
    for value in values:
        shown = html.escape(value)
        options.append(f'<option value="{shown}"{" selected" if value == chosen else ""}>{shown}</option>')
    return mark_safe("".join(options))  # noqa: S308 - every value is escaped above


def repository_detail(request, pk: int):
    case = get_object_or_404(selectors.learning_objects_for(request.user), pk=pk)
    record_event(actor=request.user, action=AuditAction.VIEWED, target=case, detail="learning object", request=request)
    return render(request, "cases/repository_detail.html", {"case": case, **selectors.learning_object_page(case)})


def repository_pdf(request, pk: int):
    case = get_object_or_404(selectors.learning_objects_for(request.user), pk=pk)
    record_event(
        actor=request.user, action=AuditAction.DOWNLOADED, target=case, detail="learning object PDF", request=request
    )
    response = HttpResponse(render_learning_object_pdf(case), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="learning-object-{case.pk}.pdf"'
    return response
