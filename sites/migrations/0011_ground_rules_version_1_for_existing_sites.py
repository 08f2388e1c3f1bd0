"""Data: every existing site gets version 1 of its ground rules, made from the ground-rules text of the toolkit
as it stood (a frozen copy below), dated the day its group first agreed them (the earliest first attendance) or,
failing that, the site's start. Each member whose first attendance recorded their agreement
(Membership.ground_rules_agreed_on) is recorded as having agreed version 1 on that day, marked "assumed from their
first attendance"; members who never attended will confirm in their own session."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.db import migrations

VERSION_1_TEXT = """These are the rules we agree as a group so that everyone can speak openly about difficult \
cases. We agree them at the first meetings and come back to them when someone new joins.

## Confidentiality
- What is said in the meeting stays in the meeting. We do not repeat who said what.
- Cases are anonymised before they are presented or written up.
- We never share a person's name, date of birth, NHS number, National Insurance number, address or phone number, \
out loud, on a slide or on paper.
- If someone could be recognised from the details (a rare condition, a small village, a well-known incident), we \
change or leave out those details.

If you are worried that someone is at risk of harm, follow your own agency's safeguarding procedures. The group does \
not replace them.

## Information sharing
- We share what we learn about services, referral routes and practice freely; that is the point of the group.
- Case write-ups ("learning objects") are shared across sites only after the facilitator has checked them for \
anything that identifies a person.
- Commissioners see the issues we raise for them, never who raised them.
- If you want to follow up a case with another member's agency, do it through the usual channels and with the \
person's consent.

## How we work together
- We listen, and we challenge ideas, not people.
- Every agency's view counts, and so does the view of experts by experience.
- We let the facilitator know if we cannot come, and send apologies.
"""

UK = ZoneInfo("Europe/London")


def make_version_1(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    Membership = apps.get_model("sites", "Membership")
    Version = apps.get_model("sites", "GroundRulesVersion")
    Agreement = apps.get_model("sites", "GroundRulesAgreement")
    for site in Site.objects.order_by("pk"):
        if Version.objects.filter(site=site).exists():
            continue
        agreed = {}
        for person_id, on in (
            Membership.objects.filter(site=site, ground_rules_agreed_on__isnull=False)
            .order_by("ground_rules_agreed_on")
            .values_list("person_id", "ground_rules_agreed_on")
        ):
            agreed.setdefault(person_id, on)
        first = min(agreed.values(), default=None) or site.start_date
        version = Version.objects.create(site=site, number=1, text=VERSION_1_TEXT, agreed_on=first)
        Agreement.objects.bulk_create(
            Agreement(
                version=version,
                person_id=person_id,
                agreed_at=datetime.combine(on, time(12, 0), tzinfo=UK),
                source="first_attendance",
            )
            for person_id, on in agreed.items()
        )


def remove_versions(apps, schema_editor):
    apps.get_model("sites", "GroundRulesVersion").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("sites", "0010_meeting_replies_and_ground_rules")]

    operations = [migrations.RunPython(make_version_1, remove_versions)]
