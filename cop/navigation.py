"""The main navigation: each entry shows only to people the rules allow to use it. Someone who may use two or more
of the management pages finds them together under one "Manage" menu, so the bar stays on one line."""

from dataclasses import dataclass

from django.urls import reverse

from home.selectors import menu_counts_for


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    permission: str | None  # None: every signed-in person
    manage: bool = False  # a management page: grouped under "Manage" with the others the person may use


MANAGE_LABEL = "Manage"


NAV_ITEMS = [
    NavItem("Home", "home", None),
    NavItem("Sites", "sites:list", "sites.list_sites"),
    NavItem("Cases", "cases:list", "cases.list_cases"),
    NavItem("Repository", "repository:list", None),
    NavItem("Evidence", "evidence:list", "cases.view_evidence_library"),
    NavItem("Questions", "evidence:questions", "cases.view_question_queue"),
    NavItem("Forum", "forum:index", "forum.use_forum"),
    NavItem("My actions", "my_actions", "cycle.view_my_actions_menu"),
    NavItem("Membership matrix", "sites:matrix", "sites.view_matrix", manage=True),
    NavItem("Dashboard", "evaluation:dashboard", "evaluation.view_dashboard", manage=True),
    NavItem("Site health", "toolkit:site_health", "toolkit.view_site_health", manage=True),
    NavItem("Surveys", "evaluation:surveys", "evaluation.manage_surveys", manage=True),
    NavItem("Digests", "digests:index", "digests.use_digests", manage=True),
    NavItem("Invitations", "memberships:invitations", "sites.invite_any", manage=True),
    NavItem("Newsletter", "newsletters:manage", "newsletters.edit_issue", manage=True),
    NavItem("Audit log", "audit:log", "audit.view_log", manage=True),
    NavItem("Admin", "admin:index", "members.use_admin", manage=True),
]


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], "nav_bar": []}
    path = request.path
    counts = menu_counts_for(request)  # what waits for the person, as badges on the entries
    items = []
    for item in NAV_ITEMS:
        if item.permission and not user.has_perm(item.permission):
            continue
        items.append(
            {
                "label": item.label,
                "url": reverse(item.url_name),
                "active": False,
                "manage": item.manage,
                "count": counts.get(item.url_name, 0),
            }
        )
    # The most specific entry whose address starts the current path is the active one.
    matches = [i for i in items if (path == i["url"] if i["url"] == "/" else path.startswith(i["url"]))]
    if matches:
        max(matches, key=lambda i: len(i["url"]))["active"] = True
    return {"nav_items": items, "nav_bar": menu_bar(items)}


def menu_bar(items: list[dict]) -> list[dict]:
    """The entries on the bar, in order; two or more management pages become one "Manage" menu (its `children`),
    placed where the first of them was. One management page alone (a broker's Newsletter) stays on the bar."""
    managed = [item for item in items if item["manage"]]
    if len(managed) < 2:
        return items
    bar = []
    for item in items:
        if not item["manage"]:
            bar.append(item)
        elif item is managed[0]:
            bar.append({"label": MANAGE_LABEL, "children": managed, "active": any(i["active"] for i in managed)})
    return bar
