"""The commissioners' area: ask for a digest, watch it being prepared, download it, subscribe to the quarterly
digest, and read and respond to the open issues for commissioners."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from audit.models import AuditAction
from audit.services import record_event
from cases.models import Case
from core.access import get_visible_or_404
from core.health import tell_if_jobs_are_delayed
from digests import selectors
from digests.content import open_issues_by_theme, period_label, screened_case
from digests.forms import DigestRequestForm, ResponseForm, SubscriptionForm
from digests.models import Digest
from digests.services import requests, responses

CASES = Case.objects.select_related("site")
DIGESTS = Digest.objects.select_related("requested_by", "subscription")


def _require(user, perm: str) -> None:
    if not user.has_perm(perm):
        raise Http404


@login_required
def digest_index(request):
    _require(request.user, "digests.use_digests")
    form = DigestRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            digest = requests.request_digest(
                requested_by=request.user,
                period_start=form.cleaned_data["period_start"],
                period_end=form.cleaned_data["period_end"],
                sites=form.cleaned_data["sites"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            tell_if_jobs_are_delayed(request, what="Your digest")
            return redirect("digests:detail", digest.pk)
    return render(request, "digests/index.html", {"form": form, **selectors.digests_page(request.user)})


@login_required
@require_GET
def digest_detail(request, pk: int):
    digest = get_visible_or_404(DIGESTS, request.user, "digests.view_digest", pk=pk)
    context = {"digest": digest, "period_label": period_label(digest.period_start, digest.period_end)}
    if request.htmx:  # the page polling its status while the digest is prepared: not a new view
        return render(request, "digests/detail.html#status", context)
    record_event(actor=request.user, action=AuditAction.VIEWED, target=digest, request=request)
    context |= {"sites": list(digest.sites.all()), "can_share": request.user.has_perm("digests.share_digest", digest)}
    return render(request, "digests/detail.html", context)


@login_required
@require_GET
def digest_download(request, pk: int):
    digest = get_visible_or_404(DIGESTS, request.user, "digests.view_digest", pk=pk)
    if not request.user.has_perm("digests.download_digest", digest) or not digest.is_ready:
        raise Http404
    requests.record_digest_download(digest=digest, by=request.user, request=request)
    return FileResponse(
        digest.file.open("rb"), as_attachment=True, filename=digest.download_name, content_type="application/pdf"
    )


@login_required
@require_POST
def digest_retry(request, pk: int):
    digest = get_visible_or_404(DIGESTS, request.user, "digests.view_digest", pk=pk)
    if not request.user.has_perm("digests.retry_digest", digest):
        raise PermissionDenied
    requests.retry_digest(digest=digest, by=request.user)
    tell_if_jobs_are_delayed(request, what="Your digest")
    return redirect("digests:detail", digest.pk)


@login_required
@require_POST
def digest_share(request, pk: int):
    digest = get_visible_or_404(DIGESTS, request.user, "digests.view_digest", pk=pk)
    if not request.user.has_perm("digests.share_digest", digest):
        raise PermissionDenied
    shared = request.POST.get("shared") == "yes"
    requests.share_digest(digest=digest, by=request.user, shared=shared)
    if shared:
        messages.success(request, "Shared: every commissioner can now read this digest on their digests page.")
    else:
        messages.success(request, "No longer shared: only you and the programme admins can read this digest.")
    return redirect("digests:detail", digest.pk)


@login_required
@require_POST
def digest_subscription(request):
    _require(request.user, "digests.subscribe_to_digests")
    form = SubscriptionForm(request.POST)
    form.is_valid()  # an unticked box is a valid "no"
    subscribed = bool(form.cleaned_data.get("subscribed"))
    requests.set_digest_subscription(person=request.user, subscribed=subscribed)
    if subscribed:
        messages.success(request, "You will receive the digest of the previous quarter at the start of each quarter.")
    else:
        messages.success(request, "You will no longer receive the quarterly digest.")
    return redirect("digests:index")


@login_required
@require_GET
def open_issues(request):
    _require(request.user, "digests.view_open_issues")
    return render(request, "digests/issues.html", open_issues_by_theme())


@login_required
def respond(request, case_pk: int):
    case = get_visible_or_404(CASES, request.user, "digests.respond_to_issues", pk=case_pk)
    form = ResponseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            responses.respond_to_issues(case=case, by=request.user, text=form.cleaned_data["text"])
        except ValidationError as error:
            form.add_error("text", error)
        else:
            messages.success(request, "Thank you: your response is shown to the site's members on the case page.")
            return redirect("digests:issues")
    return render(
        request,
        "digests/respond.html",
        {"case": case, "form": form, "screened": screened_case(case), "responses": selectors.responses_for(case)},
    )
