"""The call for host sites: programme admins open calls, score applications and decide; organisations apply through
a public form with no account."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from audit.services import client_ip
from core.forms import add_service_error
from newsletters.throttle import within_limit
from recruitment.forms import HostSiteApplicationForm, HostSiteCallForm, ScoreForm
from recruitment.models import ApplicationScore, HostSiteApplication, HostSiteCall
from recruitment.services import calls as services

APPLICATIONS_PER_IP_PER_HOUR = 5


def _require_admin(user) -> None:
    if not user.has_perm("recruitment.manage_calls"):
        raise PermissionDenied


@login_required
def calls(request):
    _require_admin(request.user)
    form = HostSiteCallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            call = services.open_call(by=request.user, **form.cleaned_data)
        except ValidationError as problem:
            add_service_error(form, problem)
        else:
            messages.success(request, "Call opened. Share the link to its public application form.")
            return redirect("host_sites:call", call.pk)
    context = {"form": form, "calls": HostSiteCall.objects.all()}
    return render(request, "recruitment/calls.html", context)


@login_required
def call(request, pk: int):
    _require_admin(request.user)
    found = get_object_or_404(HostSiteCall, pk=pk)
    context = {"call": found, "applications": services.applications_with_scores(found)}
    return render(request, "recruitment/call.html", context)


@login_required
def application(request, pk: int):
    """An application in full, the reviewer's own scores against each criterion, and the decision."""
    _require_admin(request.user)
    found = get_object_or_404(HostSiteApplication.objects.select_related("call", "site"), pk=pk)
    criteria = found.call.criteria_list
    mine = dict(
        ApplicationScore.objects.filter(application=found, reviewer=request.user).values_list("criterion", "score")
    )
    form = ScoreForm(request.POST or None, criteria=criteria, initial_scores=mine)
    if request.method == "POST" and form.is_valid():
        try:
            services.score_application(application=found, reviewer=request.user, scores=form.scores())
        except ValidationError as problem:
            add_service_error(form, problem)
        else:
            messages.success(request, "Your scores are saved.")
            return redirect("host_sites:call", found.call_id)
    scores = ApplicationScore.objects.filter(application=found).select_related("reviewer").order_by("reviewer__name")
    context = {"application": found, "form": form, "scores": scores, "criteria": criteria}
    return render(request, "recruitment/application.html", context)


@login_required
@require_POST
def decide(request, pk: int, decision: str):
    _require_admin(request.user)
    found = get_object_or_404(HostSiteApplication, pk=pk)
    if decision not in ("award", "refuse"):
        raise Http404
    try:
        if decision == "award":
            site = services.award_application(application=found, by=request.user)
            messages.success(
                request,
                f"{found.organisation} is awarded: {site.code} is set up and the facilitator "
                "is invited. The applicant is told by email.",
            )
        else:
            services.refuse_application(application=found, by=request.user)
            messages.success(request, f"{found.organisation} is told by email that it was not awarded.")
    except ValidationError as problem:
        messages.error(request, " ".join(problem.messages))
    return redirect("host_sites:call", found.call_id)


def apply(request, pk: int):
    """The public application form: no account; limited per network address like the newsletter's sign-up."""
    found = get_object_or_404(HostSiteCall, pk=pk)
    form = HostSiteApplicationForm(request.POST if request.method == "POST" else None)
    closed = not found.is_open()
    status = 200
    if request.method == "POST" and closed:
        form.add_error(None, services.closed_message(found))  # what was typed stays on the page
        status = 410
    elif request.method == "POST" and form.is_valid():
        address = client_ip(request) or "unknown"
        if not within_limit(f"host-site-apply:{address}", limit=APPLICATIONS_PER_IP_PER_HOUR, window_seconds=3600):
            form.add_error(
                None, "There have been too many applications from your network. Please try again in an hour."
            )
            status = 429
        else:
            try:
                made = services.submit_application(call=found, **form.cleaned_data)
            except ValidationError as problem:
                add_service_error(form, problem)
            else:
                return render(request, "recruitment/apply_done.html", {"call": found, "application": made})
    return render(request, "recruitment/apply.html", {"call": found, "form": form, "closed": closed}, status=status)
