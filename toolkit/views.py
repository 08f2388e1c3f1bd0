from functools import partial

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.access import get_visible_or_404
from core.forms import add_service_error
from sites.models import Site
from sites.rules import facilitated_site_ids
from toolkit import selectors
from toolkit.documents import DOCUMENTS, document_filename, render_document_text
from toolkit.forms import (
    ChecklistItemForm,
    CloseSiteForm,
    DefaultChecklistItemForm,
    SproutSiteForm,
    WarningThresholdsForm,
)
from toolkit.models import DefaultChecklistItem, SiteChecklistItem, WarningThresholds
from toolkit.pdf import PDF_RENDERERS
from toolkit.services import checklist, endings, health, sprouting


def _require(user, permission: str) -> None:
    if not user.has_perm(permission):
        raise PermissionDenied


# The site's set-up checklist
@login_required
def checklist_item(request, site_pk: int, item_pk: int):
    site = get_visible_or_404(
        Site, request.user, "sites.view_site", change_perm="toolkit.tick_checklist", refusal="", pk=site_pk
    )
    item = get_object_or_404(SiteChecklistItem.objects.select_related("source"), pk=item_pk, site=site)
    if item.source and item.source.answered_by_records:
        messages.info(request, f"\u201c{item.title}\u201d is ticked from the site's records: nothing to tick by hand.")
        return redirect(reverse("sites:detail", args=[site_pk]) + "#setup-heading")
    initial = {"done": item.is_done, "done_on": item.done_on or timezone.localdate(), "note": item.note}
    form = ChecklistItemForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["done"]:
                checklist.tick_checklist_item(item=item, by=request.user, done_on=data["done_on"], note=data["note"])
            else:
                checklist.untick_checklist_item(item=item, by=request.user, note=data["note"])
        except ValidationError as problem:
            form.add_error(None, problem)
        else:
            state = "done" if data["done"] else "not done"
            messages.success(request, f"Saved: \u201c{item.title}\u201d is marked {state}.")
            return redirect(reverse("sites:detail", args=[site_pk]) + "#setup-heading")
    return render(request, "toolkit/checklist_item.html", {"item": item, "site": item.site, "form": form})


@login_required
def document(request, site_pk: int, slug: str, extension: str):
    site = get_visible_or_404(
        Site, request.user, "sites.view_site", change_perm="toolkit.download_documents", refusal="", pk=site_pk
    )
    doc = DOCUMENTS.get(slug)
    if doc is None or extension not in ("pdf", "txt"):
        raise Http404
    if extension == "pdf":
        response = HttpResponse(PDF_RENDERERS[slug](site), content_type="application/pdf")
    else:
        response = HttpResponse(render_document_text(slug, site), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{document_filename(doc, site, extension)}"'
    return response


# The default checklist for future sites
@login_required
def default_checklist(request):
    _require(request.user, "toolkit.edit_default_checklist")
    form = DefaultChecklistItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        checklist.add_default_checklist_item(**form.cleaned_data)
        messages.success(request, "Step added. Sites set up from now on will have it.")
        return redirect("toolkit:default_checklist")
    return render(
        request,
        "toolkit/default_checklist.html",
        {
            "form": form,
            "items": DefaultChecklistItem.objects.in_use(),
            "retired": DefaultChecklistItem.objects.filter(retired_at__isnull=False).order_by("title"),
        },
    )


@login_required
def default_checklist_item(request, pk: int):
    _require(request.user, "toolkit.edit_default_checklist")
    item = get_object_or_404(DefaultChecklistItem, pk=pk)
    form = DefaultChecklistItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        checklist.update_default_checklist_item(item=item, **form.cleaned_data)
        messages.success(request, "Step saved. Sites that already have their checklist keep their own wording.")
        return redirect("toolkit:default_checklist")
    return render(request, "toolkit/default_checklist_item.html", {"form": form, "item": item})


DEFAULT_ITEM_ACTIONS = {
    "up": (partial(checklist.move_default_checklist_item, direction="up"), "Step moved up."),
    "down": (partial(checklist.move_default_checklist_item, direction="down"), "Step moved down."),
    "retire": (checklist.retire_default_checklist_item, "Step retired: new sites will not get it."),
    "restore": (checklist.restore_default_checklist_item, "Step restored at the end of the list."),
}


@login_required
@require_POST
def default_checklist_item_action(request, pk: int, action: str):
    _require(request.user, "toolkit.edit_default_checklist")
    item = get_object_or_404(DefaultChecklistItem, pk=pk)
    if action not in DEFAULT_ITEM_ACTIONS:
        raise Http404
    run, message = DEFAULT_ITEM_ACTIONS[action]
    run(item=item)
    messages.success(request, message)
    return redirect("toolkit:default_checklist")


# Site health
@login_required
def site_health(request):
    """Programme admins see every site; a facilitator sees the sites they facilitate, without the admins' buttons."""
    _require(request.user, "toolkit.view_own_sites_health")
    every_site = request.user.has_perm("toolkit.view_site_health")
    site_ids = None if every_site else facilitated_site_ids(request.user)
    context = {
        "sites": selectors.health_overview(site_ids=site_ids),
        "changes": selectors.recent_health_changes(site_ids=site_ids),
        "thresholds": WarningThresholds.current(),
        "every_site": every_site,
    }
    return render(request, "toolkit/site_health.html", context)


@login_required
@require_POST
def check_site_health_now(request):
    _require(request.user, "toolkit.view_site_health")
    checked = health.assess_all_sites()
    health.send_at_risk_alerts()
    messages.success(request, f"Checked {checked} site{'s' if checked != 1 else ''} just now.")
    return redirect("toolkit:site_health")


@login_required
def warning_thresholds(request):
    _require(request.user, "toolkit.change_thresholds")
    thresholds = WarningThresholds.current()
    form = WarningThresholdsForm(request.POST or None, instance=thresholds)
    if request.method == "POST" and form.is_valid():
        health.update_warning_thresholds(by=request.user, values=form.cleaned_data)
        messages.success(
            request,
            "Thresholds saved. They apply from the next check; use \u201cCheck all sites now\u201d to see the effect.",
        )
        return redirect("toolkit:site_health")
    return render(request, "toolkit/warning_thresholds.html", {"form": form})


# Endings and new starts
@login_required
def close_site(request, site_pk: int):
    """The closing steps on one page; POST closes the site (programme admins), refused until the steps are done."""
    site = get_visible_or_404(
        Site, request.user, "sites.view_site", change_perm="toolkit.view_closing", refusal="", pk=site_pk
    )
    can_close = request.user.has_perm("toolkit.close_site", site)
    form = CloseSiteForm(request.POST or None)
    if request.method == "POST":
        if not can_close:
            raise PermissionDenied("Only a programme admin can close a site.")
        if form.is_valid():
            try:
                endings.close_site(site=site, closed_by=request.user, **form.cleaned_data)
            except ValidationError as problem:
                add_service_error(form, problem)
            else:
                messages.success(request, f"{site.code} {site.name} is closed. It stays in the programme's history.")
                return redirect("sites:detail", site.pk)
    context = {"site": site, "form": form, "can_close": can_close, "state": endings.closing_state(site)}
    context["can_prepare"] = request.user.has_perm("toolkit.prepare_closing", site)
    context["retention_days"] = settings.DRAFT_RETENTION_DAYS
    return render(request, "toolkit/close_site.html", context)


CLOSING_STEPS = {
    "thanks": (endings.send_closing_thanks, "Thank-you sent to {count} {people}."),
    "drafts": (endings.tell_draft_presenters, "Told {count} {people} what happens to their drafts."),
}


@login_required
@require_POST
def closing_step(request, site_pk: int, step: str):
    site = get_visible_or_404(
        Site, request.user, "sites.view_site", change_perm="toolkit.prepare_closing", refusal="", pk=site_pk
    )
    if step not in CLOSING_STEPS:
        raise Http404
    run, message = CLOSING_STEPS[step]
    try:
        count = run(site=site, by=request.user)
    except ValidationError as problem:
        messages.info(request, " ".join(problem.messages))
    else:
        messages.success(request, message.format(count=count, people="person" if count == 1 else "people"))
    return redirect(reverse("toolkit:close_site", args=[site.pk]) + f"#step-{step}")


@login_required
def sprout_site(request, site_pk: int):
    """Start a new site from this one: what will be copied, then the new site's details."""
    source = get_visible_or_404(
        Site, request.user, "sites.view_site", change_perm="toolkit.sprout_site", refusal="", pk=site_pk
    )
    preview = sprouting.sprout_preview(source)
    form = SproutSiteForm(request.POST or None, available=preview.available)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            site = sprouting.sprout_site(source=source, created_by=request.user, parts=set(data.pop("parts")), **data)
        except ValidationError as problem:
            add_service_error(form, problem)
        else:
            messages.success(
                request, f"{site.code} {site.name} created from {source.code}. Next, add its facilitators."
            )
            return redirect("sites:detail", site.pk)
    context = {"source": source, "site": source, "form": form, "preview": preview, "never": sprouting.NEVER_COPIED}
    return render(request, "toolkit/sprout_site.html", context)
