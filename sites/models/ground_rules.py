"""The ground rules each site's group agreed on confidentiality and information sharing, in versions, and each
person's confirmation of a version. A member confirms the site's current version before reading its shared cases;
a new version asks again."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.text_gate import TextGate
from sites.models.sites import Site

# Version 1 of every site's ground rules, in Markdown: the toolkit's ground-rules document as a text. Migration
# sites 0011 keeps its own frozen copy (it made version 1 for the sites that existed then).
DEFAULT_GROUND_RULES = """These are the rules we agree as a group so that everyone can speak openly about difficult \
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


class GroundRulesVersion(models.Model):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="ground_rules_versions")
    number = models.PositiveIntegerField()
    text = models.TextField(help_text="In Markdown.")
    agreed_on = models.DateField(help_text="The date the group agreed this version.")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    text_gate = TextGate(
        gated={},
        exempt={
            "text": "The group's rules on confidentiality and how it works, written by its facilitators about the "
            "group, not about the people its members support.",
        },
    )

    class Meta:
        ordering = ["site", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["site", "number"], name="ground_rules_one_number_per_site"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="ground_rules_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.site.code} ground rules, version {self.number}"


class AgreementSource(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed in their own session"
    FIRST_ATTENDANCE = "first_attendance", "Assumed from their first attendance (before confirmations)"
    WROTE_THEM = "wrote_them", "Wrote this version as facilitator"


class GroundRulesAgreement(models.Model):
    version = models.ForeignKey(GroundRulesVersion, on_delete=models.CASCADE, related_name="agreements")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    agreed_at = models.DateTimeField(default=timezone.now)
    source = models.CharField(max_length=20, choices=AgreementSource.choices, default=AgreementSource.CONFIRMED)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["version", "person"], name="ground_rules_agreed_once")]

    def __str__(self) -> str:
        return f"{self.person_id} agreed {self.version}"
