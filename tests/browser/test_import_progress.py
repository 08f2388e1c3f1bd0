"""A facilitator imports a member list: while the upload is being processed the form says it is working and takes
no second submission; then the summary confirms what was imported."""

import json

from playwright.sync_api import expect

from sites.models import Site
from tests.browser.test_case_journey import sign_in

MEMBERS = (
    "site,name,email,job_title,agency,sector,expert_by_experience,role,joined,left\n"
    "CP1,Sam Support,sam@example.org,Housing Support Worker,Brighton Housing Trust,Voluntary Sector,no,member,"
    "2026-01-12,\n"
)


def test_import_shows_it_is_working_then_confirms(page, live_server, site, facilitator):
    page.set_default_timeout(10000)
    sign_in(page, live_server, facilitator.email)
    page.goto(f"{live_server.url}/sites/{site.pk}/")
    page.get_by_role("link", name="Import a CSV file").click()
    page.get_by_label("A member list").check()
    page.get_by_label("CSV file").set_input_files(
        files=[{"name": "members.csv", "mimeType": "text/csv", "buffer": MEMBERS.encode()}]
    )

    # What the page shows once the form is sent, noted as it leaves (the answer replaces the page): a listener
    # added after the app's own, which also tries to send the form a second time.
    page.evaluate(
        """() => document.addEventListener("submit", (event) => {
            const form = event.target;
            const status = form.querySelector("[role=status]");
            const again = new SubmitEvent("submit", {bubbles: true, cancelable: true});
            if (event.isTrusted) form.dispatchEvent(again);
            if (event.isTrusted) sessionStorage.setItem("while-sending", JSON.stringify({
                busy: form.getAttribute("aria-busy"), status: status.innerText.trim(),
                spinner: !!status.querySelector(".spinner-border"),
                button: form.querySelector("[type=submit]").getAttribute("aria-disabled"),
                secondSendStopped: again.defaultPrevented}));
        })"""
    )
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("status").filter(has_text="Imported for CP1")).to_be_visible()
    assert json.loads(page.evaluate("sessionStorage.getItem('while-sending')")) == {
        "busy": "true",
        "status": "Importing the file… This can take a minute for a long file; please keep this page open.",
        "spinner": True,
        "button": "true",
        "secondSendStopped": True,
    }
    assert Site.objects.get(pk=site.pk).memberships.filter(person__email="sam@example.org").exists()
