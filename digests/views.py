"""The commissioners' area: ask for a digest, watch it being prepared, download it, subscribe to the quarterly
digest, and follow the issues for commissioners: read them grouped, respond, change their status, group them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from audit.models import AuditAction
from audit.services import record_event
from cases.models import CommissionerIssue
from cases.services import issues
from core.access import get_visible_or_404
from core.forms import add_service_error
from core.health import tell_if_jobs_are_delayed
from digests import selectors
from digests.content import period_label, tracked_issues
from digests.forms import DigestRequestForm, GroupIssuesForm, IssueFilterForm, IssueUpdateForm, SubscriptionForm
from digests.models import Digest
from digests.services import requests

ISSUES = CommissionerIssue.objects.select_related("case__site", "theme", "group")
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
    form = IssueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    theme = filters.get("theme")
    issues = tracked_issues(status=filters.get("status") or "open", theme_id=theme.pk if theme else None)
    return render(request, "digests/issues.html", {"form": form, **issues})


@login_required
def issue_detail(request, pk: int):
    issue = get_visible_or_404(ISSUES, request.user, "cases.view_commissioner_issue", pk=pk)
    form = IssueUpdateForm(request.POST or None, issue=issue)
    if request.method == "POST":
        if not request.user.has_perm("cases.respond_to_issue", issue):
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                issues.respond_to_issue(
                    issue=issue, by=request.user, text=data["text"], status=data["status"], theme=data["theme"]
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, "Saved: the site's presenter and facilitators are told by email.")
                return redirect("digests:issue", issue.pk)
    return render(request, "digests/issue.html", selectors.issue_page(issue, request.user, form=form))


@login_required
@require_POST
def issue_group(request, pk: int):
    issue = get_visible_or_404(ISSUES, request.user, "cases.view_commissioner_issue", pk=pk)
    if not request.user.has_perm("cases.group_issues", issue):
        raise PermissionDenied
    form = GroupIssuesForm(request.POST, choices=selectors.groupable_with(issue))
    if form.is_valid():
        try:
            group = issues.group_issues(issue=issue, with_issue=form.cleaned_data["with_issue"], by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Grouped: both issues are now listed together as “{group.name}”.")
    else:
        messages.error(request, " ".join(form.errors["with_issue"]))
    return redirect("digests:issue", issue.pk)


@login_required
@require_POST
def issue_ungroup(request, pk: int):
    issue = get_visible_or_404(ISSUES, request.user, "cases.view_commissioner_issue", pk=pk)
    if not request.user.has_perm("cases.group_issues", issue):
        raise PermissionDenied
    issues.ungroup_issue(issue=issue, by=request.user)
    messages.success(request, "Taken out of the group: the issue is listed under its theme again.")
    return redirect("digests:issue", issue.pk)
