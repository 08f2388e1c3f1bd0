from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csp import csp_override
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from audit.services import client_ip
from core.access import get_visible_or_404
from core.health import tell_if_jobs_are_delayed
from core.markdown import render_markdown
from newsletters import selectors
from newsletters.emails import build_issue_email
from newsletters.forms import CompileForm, FreeItemForm, IntroductionForm, ItemForm, SubscribeForm
from newsletters.models import Edition, NewsletterIssue, NewsletterItem
from newsletters.services import editing, sending, subscribers
from newsletters.services.compile import compile_newsletter
from newsletters.throttle import SIGNUPS_PER_IP_PER_HOUR, within_limit

PREVIEW_TOKEN = "preview"  # noqa: S105 - the unsubscribe page says a preview link does nothing


def _require(request, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise Http404


def _edition(value: str) -> str:
    if value not in Edition.values:
        raise Http404
    return value


# The archive
def archive(request):
    issues = NewsletterIssue.objects.sent()
    return render(request, "newsletters/archive.html", {"issues": issues})


def _issue_page(request, slug: str, edition: str):
    issue = selectors.sent_issue_for_month(slug)
    if issue is None:
        raise Http404
    context = {
        "issue": issue,
        "edition": edition,
        "introduction_html": render_markdown(issue.introduction),
        "sections": selectors.issue_sections(issue, edition),
    }
    return render(request, "newsletters/issue_page.html", context)


def issue_public(request, slug: str):
    return _issue_page(request, slug, Edition.PUBLIC)


@login_required
def issue_members(request, slug: str):
    _require(request, "newsletters.read_members_archive")
    return _issue_page(request, slug, Edition.MEMBERS)


# Subscribing and leaving
def subscribe(request):
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ip = client_ip(request) or "unknown"
        if not within_limit(f"ip:{ip}", limit=SIGNUPS_PER_IP_PER_HOUR, window_seconds=3600):
            form.add_error(None, "There have been too many sign-ups from your network. Please try again in an hour.")
            return render(request, "newsletters/subscribe.html", {"form": form}, status=429)
        subscribers.request_subscription(email=form.cleaned_data["email"])
        return render(request, "newsletters/subscribe_sent.html", {"email": form.cleaned_data["email"]})
    return render(request, "newsletters/subscribe.html", {"form": form})


def confirm(request, token: str):
    if request.method == "POST":
        subscriber = subscribers.confirm_subscription(token=token)
        return render(request, "newsletters/confirm_done.html", {"subscriber": subscriber})
    return render(request, "newsletters/confirm.html", {})


@csrf_exempt  # RFC 8058 one-click: mail clients POST without a CSRF token; the signed token is the proof
def unsubscribe(request, token: str):
    if token == PREVIEW_TOKEN:
        return render(request, "newsletters/unsubscribe.html", {"preview": True})
    if request.method == "POST":
        done = subscribers.unsubscribe(token=token)
        return render(request, "newsletters/unsubscribe_done.html", {"done": done}, status=200 if done else 400)
    return render(request, "newsletters/unsubscribe.html", {"token": token})


@login_required
def preferences(request):
    if request.method == "POST":
        opted_out = request.POST.get("receive") != "1"
        subscribers.set_newsletter_preference(person=request.user, opted_out=opted_out)
        messages.success(
            request,
            "You will not receive the newsletter by email any more."
            if opted_out
            else "You will receive the newsletter by email each month.",
        )
        return redirect("email_preferences")
    # The one page of email preferences (home.preferences) holds this choice with the others.
    return redirect(f"{reverse('email_preferences')}#id_newsletter")


# The editing area
@login_required
def manage(request):
    _require(request, "newsletters.edit_issue")
    form = CompileForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        issue = compile_newsletter(month=form.cleaned_data["month"])
        if issue.is_draft:
            messages.success(request, f"The {issue} draft is up to date with the records.")
        else:
            messages.info(request, f"The {issue} has been {issue.get_status_display().lower()}, so it was not changed.")
        return redirect("newsletters:edit", issue.pk)
    return render(request, "newsletters/manage.html", {"issues": selectors.issues_for_editors(), "form": form})


def _issue_to_edit(user, pk: int) -> NewsletterIssue:
    """An issue for its editors: 404 for an issue the person may not read, 403 for a sent one they may only read."""
    return get_visible_or_404(
        selectors.issues_visible_to(user), user, "newsletters.read_members_archive",
        change_perm="newsletters.edit_issue", refusal="", pk=pk,
    )  # fmt: skip


@login_required
def edit(request, pk: int):
    issue = _issue_to_edit(request.user, pk)
    form = IntroductionForm(request.POST or None, initial={"introduction": issue.introduction})
    if request.method == "POST" and form.is_valid():
        try:
            editing.update_introduction(issue=issue, introduction=form.cleaned_data["introduction"], by=request.user)
        except ValidationError as error:
            if not issue.is_draft:
                messages.error(request, error.messages[0])
                return redirect("newsletters:edit", issue.pk)
            form.add_error(None, error)  # the page again, with what was typed and what to change
        else:
            messages.success(request, "Introduction saved.")
            return redirect("newsletters:edit", issue.pk)
    context = {
        "issue": issue,
        "form": form,
        "sections": selectors.issue_sections(issue, Edition.MEMBERS, include_removed=True),
        "introduction_html": render_markdown(issue.introduction),
    }
    return render(request, "newsletters/edit.html", context)


def _item_for_editor(request, pk: int) -> NewsletterItem:
    item = get_object_or_404(NewsletterItem.objects.select_related("issue"), pk=pk)
    _require(request, "newsletters.edit_issue", item.issue)
    return item


@login_required
def edit_item(request, pk: int):
    """The editor rewrites an item: its heading and text, through the anonymisation gate."""
    item = _item_for_editor(request, pk)
    form = ItemForm(request.POST or None, initial={"title": item.title, "body": item.body})
    if request.method == "POST" and form.is_valid():
        try:
            editing.update_item(item=item, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"“{item.title}” saved. Compiling the issue again keeps your words.")
            return redirect(f"{_edit_url(item.issue_id)}#item-{item.pk}")
    return render(request, "newsletters/item_form.html", {"issue": item.issue, "item": item, "form": form})


@login_required
def add_item(request, pk: int):
    """A free item: site news a facilitator sent in, an event, a call for cases."""
    issue = _issue_to_edit(request.user, pk)
    _require(request, "newsletters.edit_issue", issue)
    form = FreeItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = editing.add_free_item(issue=issue, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"“{item.title}” added to {item.get_section_display()}.")
            return redirect(f"{_edit_url(issue.pk)}#item-{item.pk}")
    return render(request, "newsletters/item_form.html", {"issue": issue, "item": None, "form": form})


@login_required
@require_POST
def move_item(request, pk: int):
    item = _item_for_editor(request, pk)
    try:
        editing.move_item(item=item, up=request.POST.get("direction") == "up")
    except ValidationError as error:
        messages.error(request, error.message)
    return redirect(f"{_edit_url(item.issue_id)}#item-{item.pk}")


@login_required
@require_POST
def remove_item(request, pk: int):
    item = _item_for_editor(request, pk)
    removed = request.POST.get("removed") == "1"
    try:
        editing.set_item_removed(item=item, removed=removed)
    except ValidationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"“{item.title}” {'removed from' if removed else 'put back in'} the issue.")
    return redirect(f"{_edit_url(item.issue_id)}#item-{item.pk}")


def _edit_url(issue_id: int) -> str:
    return reverse("newsletters:edit", args=[issue_id])


@login_required
@require_POST
def approve(request, pk: int):
    issue = _issue_to_edit(request.user, pk)
    _require(request, "newsletters.approve_issue", issue)
    try:
        editing.approve_issue(issue=issue, by=request.user, request=request)
    except ValidationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Approved. Check the preview once more, then send it.")
    return redirect("newsletters:edit", issue.pk)


@login_required
@require_POST
def send(request, pk: int):
    issue = _issue_to_edit(request.user, pk)
    _require(request, "newsletters.send_issue", issue)
    try:
        count = sending.start_sending(issue=issue, by=request.user, request=request)
    except sending.IssueNotApproved as error:
        messages.error(request, str(error))
        return redirect("newsletters:edit", issue.pk)
    messages.success(request, f"Sending to {count} people. This page shows how it is going.")
    tell_if_jobs_are_delayed(request, what="The sending")
    return redirect("newsletters:deliveries", issue.pk)


def _preview_message(request, pk: int, edition: str):
    issue = _issue_to_edit(request.user, pk)
    _require(request, "newsletters.edit_issue", issue)
    message = build_issue_email(
        issue, email=request.user.email, edition=_edition(edition), unsubscribe_token=PREVIEW_TOKEN
    )
    return issue, message


@login_required
def preview(request, pk: int, edition: str):
    issue, message = _preview_message(request, pk, edition)
    context = {
        "issue": issue,
        "edition": edition,
        "edition_label": Edition(edition).label,
        "subject": message.subject,
        "headers": message.extra_headers,
        "text": message.body,
    }
    return render(request, "newsletters/preview.html", context)


@login_required
@xframe_options_sameorigin  # shown inside the preview page
@csp_override(
    {
        "default-src": ["'none'"],
        "style-src": ["'unsafe-inline'"],  # emails carry their styles inline; still no scripts at all
        "img-src": ["'self'", "data:"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'none'"],
    }
)
def preview_html(request, pk: int, edition: str):
    """The HTML email itself, as a page of its own: what recipients' mail programs show."""
    _issue, message = _preview_message(request, pk, edition)
    html = message.alternatives[0].content
    return HttpResponse(html, content_type="text/html; charset=utf-8")


@login_required
def deliveries(request, pk: int):
    issue = _issue_to_edit(request.user, pk)
    if not request.user.has_perm("newsletters.view_deliveries", issue):
        raise PermissionDenied
    context = {"issue": issue, "log": selectors.delivery_log(issue)}
    if request.htmx:  # the page polls while the issue is being sent
        return render(request, "newsletters/deliveries.html#progress", context)
    return render(request, "newsletters/deliveries.html", context)


@login_required
@require_POST
def retry_failed(request, pk: int):
    issue = _issue_to_edit(request.user, pk)
    _require(request, "newsletters.send_issue", issue)
    count = sending.retry_failed_deliveries(issue=issue, by=request.user, request=request)
    messages.success(request, f"Trying {count} failed {'delivery' if count == 1 else 'deliveries'} again.")
    if count:
        tell_if_jobs_are_delayed(request, what="The retry")
    return redirect("newsletters:deliveries", issue.pk)
