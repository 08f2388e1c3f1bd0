"""Recruitment at a site: the agencies it approaches, their managers, each approach and the toolkit letters sent,
and the senior sponsor in the host organisation (CP2's lesson: a junior facilitator needs one to reach managers)."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.text_gate import TextGate
from members.models import Sector

PROFESSIONAL_CONTACT = (
    "A manager's or sponsor's professional details at their agency, kept by the site's facilitators and programme "
    "admins to arrange the release of staff; never shown to members or commissioners."
)
RECRUITMENT_NOTE = (
    "A facilitator's working note on recruiting agencies, about organisations and next steps, not about people who "
    "use services; seen only by the site's facilitators and programme admins."
)


class Agency(models.Model):
    """An agency a site approaches for members, and the target disciplines it could supply."""

    site = models.ForeignKey("sites.Site", on_delete=models.CASCADE, related_name="agencies")
    name = models.CharField(max_length=200)
    sector = models.CharField(max_length=32, choices=Sector.choices, blank=True)
    could_supply = models.ManyToManyField("sites.TargetDiscipline", blank=True, related_name="agencies")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    text_gate = TextGate(gated={}, exempt={"name": "The name of an organisation, not of a person."})

    class Meta:
        verbose_name_plural = "agencies"
        ordering = ["site", "name"]
        constraints = [models.UniqueConstraint(fields=["site", "name"], name="agency_unique_name_per_site")]

    def __str__(self) -> str:
        return self.name


class AgencyManager(models.Model):
    """A manager at an agency: the person who releases front-line staff to come to the meetings."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="managers")
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)

    text_gate = TextGate(
        gated={},
        exempt={"name": PROFESSIONAL_CONTACT, "role": PROFESSIONAL_CONTACT, "email": PROFESSIONAL_CONTACT,
                "phone": PROFESSIONAL_CONTACT},
    )  # fmt: skip

    class Meta:
        ordering = ["agency", "name"]

    def __str__(self) -> str:
        return f"{self.name}, {self.role}" if self.role else self.name


class ApproachMethod(models.TextChoices):
    IN_PERSON = "in_person", "Met in person"
    PHONE = "phone", "Phone call"
    EMAIL = "email", "Email"
    LETTER = "letter", "Letter"
    EVENT = "event", "At an event or forum"


class ApproachOutcome(models.TextChoices):
    AWAITING = "awaiting", "No answer yet"
    MEETING_ARRANGED = "meeting_arranged", "Meeting arranged"
    MORE_INFORMATION = "more_information", "Wants more information"
    RELEASING = "releasing", "Agreed to release a worker"
    DECLINED = "declined", "Declined"


class Approach(models.Model):
    """One approach to an agency: when, by whom, how, the outcome and the next step; optionally a toolkit letter
    sent with it (the slug of a toolkit document, toolkit.documents.DOCUMENTS)."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="approaches")
    manager = models.ForeignKey(AgencyManager, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    approached_on = models.DateField(default=timezone.localdate)
    made_by = models.CharField(max_length=200, help_text="Who made the approach, for example the senior sponsor.")
    method = models.CharField(max_length=16, choices=ApproachMethod.choices, default=ApproachMethod.IN_PERSON)
    outcome = models.CharField(max_length=20, choices=ApproachOutcome.choices, default=ApproachOutcome.AWAITING)
    next_step = models.CharField(max_length=300, blank=True)
    next_step_by = models.DateField(null=True, blank=True)
    letter = models.CharField(max_length=40, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    text_gate = TextGate(
        gated={},
        exempt={
            "made_by": "The name of the facilitator or sponsor who approached an agency: a professional fact.",
            "next_step": RECRUITMENT_NOTE,
            "letter": "The code of a toolkit document, set from a fixed list.",
        },
    )

    class Meta:
        ordering = ["-approached_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.agency} on {self.approached_on:%d/%m/%Y}"


class SeniorSponsor(models.Model):
    """The named senior sponsor of a site: someone senior in the host organisation (or a partner agency) who opens
    doors to managers. One per site; replacing them keeps no history here (the audit log has it)."""

    site = models.OneToOneField("sites.Site", on_delete=models.CASCADE, related_name="senior_sponsor")
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=200)
    agency = models.CharField(max_length=200)
    agreed_on = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    text_gate = TextGate(
        gated={},
        exempt={"name": PROFESSIONAL_CONTACT, "role": PROFESSIONAL_CONTACT, "agency": PROFESSIONAL_CONTACT},
    )

    def __str__(self) -> str:
        return f"{self.name}, {self.role} ({self.agency})"
