"""People: one account per person, with their programme-wide roles (site roles are memberships, in sites)."""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from core.text_gate import TextGate

OWN_DETAILS = "The account holder's own details, shown to the people they work with by design."


class Sector(models.TextChoices):
    VOLUNTARY = "voluntary", "Voluntary Sector"
    LOCAL_AUTHORITY = "local_authority", "Local Authority"
    NHS = "nhs", "NHS"
    CRIMINAL_JUSTICE = "criminal_justice", "Criminal Justice & Police"
    EXPERTS_BY_EXPERIENCE = "experts_by_experience", "Experts by Experience"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields):
        fields.update(is_superuser=True, is_programme_admin=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person: a practitioner, an expert by experience, a broker, a commissioner or the programme team.
    Imported members exist before they have a password; an invitation or password reset gives them one."""

    email = models.EmailField(unique=True)
    name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)
    agency = models.CharField(max_length=200, blank=True)
    sector = models.CharField(max_length=32, choices=Sector.choices, blank=True)
    expert_by_experience = models.BooleanField(default=False)

    # Programme-wide roles; site roles live on Membership.
    is_programme_admin = models.BooleanField(default=False)
    is_knowledge_broker = models.BooleanField(default=False)
    is_commissioner = models.BooleanField(default=False)

    is_active = models.BooleanField(default=True)
    # Secret for the personal iCalendar feed; resetting it breaks old subscriptions.
    calendar_token = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    text_gate = TextGate(
        gated={},
        exempt={
            "password": "A password hash, never shown.",
            "email": OWN_DETAILS,
            "name": OWN_DETAILS,
            "job_title": OWN_DETAILS,
            "agency": OWN_DETAILS,
            "calendar_token": "A secret for the person's calendar feed, set by the code.",
        },
    )

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self) -> str:
        return self.name or self.email

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name.split(" ")[0] if self.name else self.email

    @property
    def is_staff(self) -> bool:
        # The Django admin is for the programme team only.
        return self.is_programme_admin or self.is_superuser

    @property
    def programme_roles(self) -> list[str]:
        labels = []
        if self.is_programme_admin:
            labels.append("Programme admin")
        if self.is_knowledge_broker:
            labels.append("Knowledge broker")
        if self.is_commissioner:
            labels.append("Commissioner")
        return labels


class SignInFailure(models.Model):
    """A wrong password, kept in the database so that every web process counts the same failures (members.sign_in).
    `device` is the known-device id the browser showed for this account, or blank for a browser not yet trusted."""

    email = models.CharField(max_length=254)
    address = models.GenericIPAddressField()
    device = models.CharField(max_length=64, blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    text_gate = TextGate(
        gated={},
        exempt={
            "email": "The address typed at sign-in, kept briefly to limit guessing; read by no page.",
            "device": "A known-device id set by the code, never shown.",
        },
    )

    class Meta:
        indexes = [models.Index(fields=["email", "at"]), models.Index(fields=["address", "at"])]

    def __str__(self) -> str:
        return f"{self.email} from {self.address} at {self.at:%Y-%m-%d %H:%M}"


def parse_email_domains(text: str) -> list[str]:
    """The domains typed one per line (or separated by commas or spaces), lower case, without a leading @."""
    return sorted({part.strip().lstrip("@").lower() for part in text.replace(",", " ").split() if part.strip("@ ")})


class OrganisationSignIn(models.Model):
    """What one organisation's sign-in (an OpenID Connect provider, allauth's SocialApp) may do here: the email
    domains it vouches for, and whether its word that someone used two-factor sign-in (the `amr` claim) counts
    for the roles that need two-factor sign-in. Without this row the provider signs nobody in."""

    app = models.OneToOneField("socialaccount.SocialApp", on_delete=models.CASCADE, related_name="organisation_sign_in")
    email_domains = models.TextField(
        help_text="The email domains this organisation's sign-in is trusted for, one per line, for example "
        "nhs.net or brighton-hove.gov.uk. Only exact domains match: list each subdomain that is needed."
    )
    accepts_provider_mfa = models.BooleanField(
        "Accept this organisation's two-factor sign-in",
        default=False,
        help_text="Tick only if the organisation requires two-factor sign-in and says so in its sign-in (the amr "
        "claim). Then facilitators, knowledge brokers and programme admins who used it are not asked for "
        "their authenticator app code here as well.",
    )

    text_gate = TextGate(
        gated={},
        exempt={
            "email_domains": "Internet domain names a programme admin lists; they name organisations, not people.",
        },
    )

    class Meta:
        verbose_name = "organisation sign-in rules"
        verbose_name_plural = "organisation sign-in rules"

    def __str__(self) -> str:
        return f"{self.app.name}: {', '.join(self.domains)}"

    @property
    def domains(self) -> list[str]:
        return parse_email_domains(self.email_domains)

    def vouches_for(self, email: str) -> bool:
        return email.rpartition("@")[2].lower() in self.domains


class JobHistory(models.Model):
    """A person's job from a date on: title, agency and sector. A change of job adds a row (members.jobs), so the
    membership matrix of an earlier date shows the title held then; the person's own fields hold the latest."""

    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="job_history")
    job_title = models.CharField(max_length=200, blank=True)
    agency = models.CharField(max_length=200, blank=True)
    sector = models.CharField(max_length=32, choices=Sector.choices, blank=True)
    started_on = models.DateField()
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    text_gate = TextGate(gated={}, exempt={"job_title": OWN_DETAILS, "agency": OWN_DETAILS})

    class Meta:
        verbose_name_plural = "job history"
        ordering = ["person", "started_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["person", "started_on"], name="job_history_one_per_day")]

    def __str__(self) -> str:
        return f"{self.person}: {self.job_title} from {self.started_on:%d/%m/%Y}"


class MeetingEmailPreference(models.Model):
    """A person's choice of the meeting emails they get: the reminder before each meeting, the agenda when it is sent.
    No row means both (the default). The forum's and the newsletter's choices live with them (ForumPreference,
    NewsletterPreference); one page (home.preferences) shows and saves all four."""

    person = models.OneToOneField(User, on_delete=models.CASCADE, related_name="meeting_email_preference")
    reminders = models.BooleanField("Meeting reminders", default=True)
    agendas = models.BooleanField("Meeting agendas", default=True)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Meeting emails of {self.person_id}"
