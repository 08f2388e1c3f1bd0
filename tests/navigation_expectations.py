"""The main menu each role should see, in order: one table for the client and the browser tests."""

EXPECTED_MENUS = {
    "programme_admin": [
        "Home",
        "Sites",
        "Cases",
        "Repository",
        "Membership matrix",
        "Dashboard",
        "Surveys",
        "Digests",
        "Invitations",
        "Audit log",
        "Admin",
    ],
    "facilitator": ["Home", "Sites", "Cases", "Repository", "Membership matrix", "Dashboard", "Invitations"],
    "member": ["Home", "Sites", "Cases", "Repository"],
    "broker": ["Home", "Sites", "Cases", "Repository"],
    "commissioner": ["Home", "Repository", "Digests"],
}
