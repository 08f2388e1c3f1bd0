"""Demo data for the toolkit: every site's set-up checklist, a few steps ticked at CP1 and CP3, and a
first health check. Running it again changes nothing that is already there."""

from datetime import timedelta

from django.db import transaction

from sites.models import Site
from toolkit.models import SiteChecklistItem, SiteHealth
from toolkit.services.checklist import ensure_site_checklist
from toolkit.services.health import assess_all_sites

DONE_AT_SETUP = {
    # site code: notes for the first steps, in order
    "CP1": [
        "Chief executive of Brighton Housing Trust",
        "Met five team managers",
        "",
        "",
        "Community room, £40 a month",
    ],
    "CP3": ["Deputy director agreed to write to agencies", "", "", ""],
}


@transaction.atomic
def create_toolkit_demo_data() -> None:
    for site in Site.objects.all():
        ensure_site_checklist(site)
        notes = DONE_AT_SETUP.get(site.code, [])
        items = SiteChecklistItem.objects.filter(site=site).order_by("position")
        if not notes or items.filter(done_on__isnull=False).exists():
            continue
        for item, note in zip(items[: len(notes)], notes, strict=False):
            item.done_on = site.start_date + timedelta(days=7 * (item.position + 1))
            item.note = note
            item.save(update_fields=["done_on", "note"])
    if not SiteHealth.objects.exists():
        assess_all_sites()  # no alert emails from the demo: those go out with the daily job
