"""Recruitment at a site: the agencies it approaches, their managers, each approach and the toolkit letters sent,
and the senior sponsor in the host organisation (CP2's lesson: a junior facilitator needs one to reach managers).
And the call for host sites: the applications organisations make, reviewers' scores, the notices sent."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone

from core.text_gate import TextGate
from members.models import Sector
from sites.models import DEFAULT_AWARD

PROFESSIONAL_CONTACT = (
    "A manager's or sponsor's professional details at their agency, kept by the site's facilitators and programme "
    "admins to arrange the release of staff; never shown to members or commissioners."
)
CALL_TEXT = "The programme's call for host sites, written by programme admins and published."
APPLICANT_DETAILS = (
    "What an organisation wrote to apply to host a site, about the organisation and the professionals it proposes; "
    "seen only by programme admins."
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
        exempt={
            "name": PROFESSIONAL_CONTACT,
            "role": PROFESSIONAL_CONTACT,
            "email": PROFESSIONAL_CONTACT,
            "phone": PROFESSIONAL_CONTACT,
        },
    )

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


# The call for host sites: the programme chose its hosts by competitive tender (the report).
class HostSiteCall(models.Model):
    """A call inviting organisations to host and facilitate a community of practice."""

    title = models.CharField(max_length=200)
    introduction = models.TextField(blank=True)
    criteria = models.TextField(help_text="One criterion a line; reviewers score each from 0 to 5.")
    closes_on = models.DateField()
    award = models.DecimalField(max_digits=10, decimal_places=2, default=DEFAULT_AWARD)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    opened_at = models.DateTimeField(default=timezone.now)

    text_gate = TextGate(
        gated={},
        exempt={
            "title": CALL_TEXT,
            "introduction": CALL_TEXT,
            "criteria": CALL_TEXT,
        },
    )

    class Meta:
        ordering = ["-closes_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(award__gte=0), name="host_site_call_award_not_negative")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def criteria_list(self) -> list[str]:
        return [line.strip() for line in self.criteria.splitlines() if line.strip()]

    def is_open(self, on=None) -> bool:
        return (on or timezone.localdate()) <= self.closes_on


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", "Submitted"
    AWARDED = "awarded", "Awarded"
    REFUSED = "refused", "Not awarded"


class HostSiteApplication(models.Model):
    """An organisation's application to host a community of practice, made through the public form."""

    call = models.ForeignKey(HostSiteCall, on_delete=models.PROTECT, related_name="applications")
    organisation = models.CharField(max_length=200)
    town = models.CharField(max_length=100)
    contact_name = models.CharField(max_length=200)
    contact_email = models.EmailField()
    facilitator_name = models.CharField(max_length=200)
    facilitator_email = models.EmailField()
    facilitator_experience = models.TextField()
    sectors = models.JSONField(default=list)  # Sector values the organisation can reach
    sponsor_name = models.CharField(max_length=200)
    sponsor_role = models.CharField(max_length=200)
    venue = models.CharField(max_length=300)
    submitted_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=16, choices=ApplicationStatus.choices, default=ApplicationStatus.SUBMITTED)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    site = models.OneToOneField(
        "sites.Site", on_delete=models.SET_NULL, null=True, blank=True, related_name="host_application"
    )

    text_gate = TextGate(
        gated={},
        exempt={
            "organisation": APPLICANT_DETAILS,
            "town": APPLICANT_DETAILS,
            "contact_name": APPLICANT_DETAILS,
            "contact_email": APPLICANT_DETAILS,
            "facilitator_name": APPLICANT_DETAILS,
            "facilitator_email": APPLICANT_DETAILS,
            "facilitator_experience": APPLICANT_DETAILS,
            "sponsor_name": APPLICANT_DETAILS,
            "sponsor_role": APPLICANT_DETAILS,
            "venue": APPLICANT_DETAILS,
        },
    )

    class Meta:
        ordering = ["call", "submitted_at", "pk"]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.call})"

    @property
    def sector_labels(self) -> list[str]:
        labels = dict(Sector.choices)
        return [labels.get(value, value) for value in self.sectors]


class ApplicationScore(models.Model):
    """A reviewer's score of an application against one criterion of its call (by position), 0 to 5."""

    application = models.ForeignKey(HostSiteApplication, on_delete=models.CASCADE, related_name="scores")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    criterion = models.PositiveSmallIntegerField()
    score = models.PositiveSmallIntegerField(validators=[MaxValueValidator(5)])
    scored_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer", "criterion"], name="application_score_once"),
            models.CheckConstraint(condition=models.Q(score__lte=5), name="application_score_at_most_five"),
        ]

    def __str__(self) -> str:
        return f"{self.score} for criterion {self.criterion + 1} of {self.application_id}"


class ApplicationNoticeKind(models.TextChoices):
    RECEIVED = "received", "Application received"
    OUTCOME = "outcome", "Outcome"


class ApplicationNotice(models.Model):
    """One row per email to an applicant (the outbox claim): the confirmation, and the outcome, each sent once."""

    application = models.ForeignKey(HostSiteApplication, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=16, choices=ApplicationNoticeKind.choices)
    claimed_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["application", "kind"], name="application_notice_once")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to application {self.application_id}"
