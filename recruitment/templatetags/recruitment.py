from django import template

from recruitment import selectors

register = template.Library()


@register.inclusion_tag("recruitment/panel.html", takes_context=True)
def recruitment_panel(context, site):
    """The site page's recruitment panel, for the site's facilitators and programme admins: the senior sponsor,
    agencies approached and their last approach, and continuity by agency over the last meetings."""
    user = context["request"].user
    if not user.has_perm("recruitment.view_recruitment", site):
        return {"visible": False}
    return {"visible": True, "site": site, **selectors.recruitment_panel(site)}


@register.simple_tag
def gap_suppliers(disciplines):
    """Each unfilled target discipline with the agencies that could supply it (the gaps panel)."""
    return selectors.gap_suppliers(list(disciplines))
