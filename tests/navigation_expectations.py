"""The main menu each role should see, in order: one table for the client and the browser tests."""

EXPECTED_MENUS = {
    "programme_admin": [
        "Home",
        "Sites",
        "Cases",
        "Repository",
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
        "My actions",
        "Membership matrix",
        "Dashboard",
        "Invitations",
    ],
    "member": ["Home", "Sites", "Cases", "Repository", "My actions"],
    "broker": ["Home", "Sites", "Cases", "Repository", "Newsletter"],
    "commissioner": ["Home", "Repository", "Digests"],
}
