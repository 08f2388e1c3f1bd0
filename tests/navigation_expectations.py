"""The main menu each role should see, in order: one table for the client and the browser tests.

EXPECTED_MENUS lists every entry a role may use; EXPECTED_MENU_BARS shows how the bar lays them out, with two or
more management pages together under one "Manage" menu (a tuple: its label and its entries)."""

EXPECTED_MENUS = {
    "programme_admin": [
        "Home",
        "Sites",
        "Cases",
        "Repository",
        "Evidence",
        "Questions",
        "Forum",
        "My actions",
        "Membership matrix",
        "Dashboard",
        "Site health",
        "Surveys",
        "Digests",
        "Invitations",
        "Newsletter",
        "Audit log",
        "Admin",
    ],
    "facilitator": [
        "Home",
        "Sites",
        "Cases",
        "Repository",
        "Evidence",
        "Forum",
        "My actions",
        "Membership matrix",
        "Dashboard",
        "Invitations",
    ],
    "member": ["Home", "Sites", "Cases", "Repository", "Evidence", "Forum", "My actions"],
    "broker": ["Home", "Sites", "Cases", "Repository", "Evidence", "Questions", "Forum", "Newsletter"],
    "commissioner": ["Home", "Repository", "Digests"],
}


MANAGE = "Manage"
EXPECTED_MENU_BARS = {
    "programme_admin": [
        "Home",
        "Sites",
        "Cases",
        "Repository",
        "Evidence",
        "Questions",
        "Forum",
        "My actions",
        (
            MANAGE,
            [
                "Membership matrix",
                "Dashboard",
                "Site health",
                "Surveys",
                "Digests",
                "Invitations",
                "Newsletter",
                "Audit log",
                "Admin",
            ],
        ),
    ],
    "facilitator": [
        "Home",
        "Sites",
        "Cases",
        "Repository",
        "Evidence",
        "Forum",
        "My actions",
        (MANAGE, ["Membership matrix", "Dashboard", "Invitations"]),
    ],
    "member": EXPECTED_MENUS["member"],
    "broker": EXPECTED_MENUS["broker"],  # one management page (Newsletter) stays on the bar
    "commissioner": EXPECTED_MENUS["commissioner"],
}
