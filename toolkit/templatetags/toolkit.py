from django import template
from django.utils.safestring import mark_safe

from toolkit import selectors
from toolkit.documents import DOCUMENTS
from toolkit.services.health import CHECKED_STATUSES

register = template.Library()


def _checklist_of(context, site) -> dict:
    """The site's checklist, read once per request: the site page shows it twice (the steps; a count under To do)."""
    read = context["request"].__dict__.setdefault("_cop_checklists", {})
    if site.pk not in read:
        read[site.pk] = selectors.site_checklist(site)
    return read[site.pk]


@register.inclusion_tag("toolkit/setup_checklist.html", takes_context=True)
def setup_checklist(context, site):
    """The site page's set-up panel: progress, the steps, and (for its facilitators) the documents."""
    user = context["request"].user
    if not user.has_perm("toolkit.view_checklist", site):
        return {"visible": False}
    return {
        "visible": True,
        "site": site,
        "can_tick": user.has_perm("toolkit.tick_checklist", site),
        "can_download": user.has_perm("toolkit.download_documents", site),
        "documents": DOCUMENTS.values(),
        **_checklist_of(context, site),
    }


@register.inclusion_tag("toolkit/site_health_panel.html", takes_context=True)
def site_health_panel(context, site):
    """The site page's health panel, for the site's facilitators and programme admins: the status and its advice."""
    user = context["request"].user
    if not user.has_perm("toolkit.view_health_of_site", site):
        return {"visible": False}
    return {
        "visible": True,
        "site": site,
        "health": selectors.site_health_of(site),
        "checked": site.status in CHECKED_STATUSES,
        "every_site": user.has_perm("toolkit.view_site_health"),
    }


@register.filter
def css_string(value) -> str:
    """Text made safe inside a double-quoted CSS string in a <style> element (used by the PDF page margins)."""
    escaped = "".join(ch if ch.isalnum() or ch in " .,:;()-_/'!?&£+" else f"\\{ord(ch):x} " for ch in str(value))
    return mark_safe(escaped)  # noqa: S308 - every character outside a small safe set is CSS-escaped


@register.simple_tag(takes_context=True)
def setup_steps_to_do(context, site) -> int:
    """How many set-up steps of the site are not done yet (0 for those who do not see the checklist)."""
    if not context["request"].user.has_perm("toolkit.view_checklist", site):
        return 0
    checklist = _checklist_of(context, site)
    return checklist["total"] - checklist["done_count"]
