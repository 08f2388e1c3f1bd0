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
    NavItem("Cases", "cases:list", "cases.list_cases"),
    NavItem("Repository", "repository:list", None),
    NavItem("Evidence", "evidence:list", "cases.view_evidence_library"),
    NavItem("Questions", "evidence:questions", "cases.view_question_queue"),
    NavItem("Forum", "forum:index", "forum.use_forum"),
    NavItem("My actions", "my_actions", "sites.view_my_actions_menu"),
    NavItem("Membership matrix", "sites:matrix", "sites.view_matrix"),
    NavItem("Dashboard", "evaluation:dashboard", "evaluation.view_dashboard"),
    NavItem("Site health", "toolkit:site_health", "toolkit.view_site_health"),
    NavItem("Surveys", "evaluation:surveys", "evaluation.manage_surveys"),
    NavItem("Digests", "digests:index", "newsletters.use_digests"),
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
        items.append({"label": item.label, "url": reverse(item.url_name), "active": False})
    # The most specific entry whose address starts the current path is the active one.
    matches = [i for i in items if (path == i["url"] if i["url"] == "/" else path.startswith(i["url"]))]
    if matches:
        max(matches, key=lambda i: len(i["url"]))["active"] = True
    return {"nav_items": items}
