import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone


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


class MembershipRole(models.TextChoices):
    MEMBER = "member", "Member"
    FACILITATOR = "facilitator", "Facilitator"


class MembershipQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(joined__lte=on).filter(models.Q(left__isnull=True) | models.Q(left__gt=on))

    def facilitators(self):
        return self.filter(role=MembershipRole.FACILITATOR)


class Membership(models.Model):
    site = models.ForeignKey("sites.Site", on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=16, choices=MembershipRole.choices, default=MembershipRole.MEMBER)
    joined = models.DateField(default=timezone.localdate)
    left = models.DateField(null=True, blank=True)
    left_reason = models.CharField(max_length=300, blank=True)
    ground_rules_agreed_on = models.DateField(null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["site", "person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "person"],
                condition=models.Q(left__isnull=True),
                name="membership_one_open_per_site_person",
            ),
            models.CheckConstraint(
                condition=models.Q(left__isnull=True) | models.Q(left__gte=models.F("joined")),
                name="membership_left_not_before_joined",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()}, {self.site_id})"

    @property
    def is_facilitator(self) -> bool:
        return self.role == MembershipRole.FACILITATOR


class InvitationRole(models.TextChoices):
    MEMBER = "member", "Member"
    FACILITATOR = "facilitator", "Facilitator"
    PROGRAMME_ADMIN = "programme_admin", "Programme admin"
    KNOWLEDGE_BROKER = "knowledge_broker", "Knowledge broker"
    COMMISSIONER = "commissioner", "Commissioner"


SITE_ROLES = {InvitationRole.MEMBER, InvitationRole.FACILITATOR}


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An email address invited to a site with a role, or to a programme-wide role.
    Only a hash of the token is stored; the link carries the token itself."""

    email = models.EmailField()
    site = models.ForeignKey("sites.Site", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    role = models.CharField(max_length=20, choices=InvitationRole.choices)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=["member", "facilitator"], site__isnull=False)
                | models.Q(role__in=["programme_admin", "knowledge_broker", "commissioner"], site__isnull=True),
                name="invitation_site_matches_role",
            )
        ]

    def __str__(self) -> str:
        where = f" at {self.site}" if self.site_id else ""
        return f"{self.email} as {self.get_role_display()}{where}"

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(32)

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_used(self) -> bool:
        return self.accepted_at is not None
