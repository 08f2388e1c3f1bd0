"""The main navigation: each entry shows only to people the rules allow to use it."""

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    permission: str | None  # None: every signed-in person


NAV_ITEMS = [
    NavItem("Home", "home", None),
    NavItem("Sites", "sites:list", "sites.list_sites"),
    NavItem("Invitations", "members:invitations", "members.invite_any"),
    NavItem("Newsletter", "newsletters:manage", "newsletters.edit_issue"),
    NavItem("Audit log", "audit:log", "audit.view_log"),
    NavItem("Admin", "admin:index", "members.use_admin"),
]


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    path = request.path
    items = []
    for item in NAV_ITEMS:
        if item.permission and not user.has_perm(item.permission):
            continue
        url = reverse(item.url_name)
        active = path == url if url == "/" else path.startswith(url)
        items.append({"label": item.label, "url": url, "active": active})
    return {"nav_items": items}
