"""Who belongs to which site, in which role, from when to when; and invitations to a site role or a programme role.

Both tables kept the names they had when they lived in the members app (db_table), so moving them here moved no data."""

import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from core.text_gate import TextGate


class MembershipRole(models.TextChoices):
    MEMBER = "member", "Member"
    FACILITATOR = "facilitator", "Facilitator"


class MembershipQuerySet(models.QuerySet):
    def current(self, on=None):
        """Memberships in force on `on` (today). A commissioner's never counts: commissioners do not see members'
        discussion, so a membership they hold (refused by the services, but possible in older data) gives nothing."""
        on = on or timezone.localdate()
        return (
            self.filter(joined__lte=on)
            .filter(models.Q(left__isnull=True) | models.Q(left__gt=on))
            .exclude(person__is_commissioner=True)
        )

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

    text_gate = TextGate(
        gated={},
        exempt={"left_reason": "Why a member left, seen only by the site's facilitators and programme admins."},
    )

    class Meta:
        db_table = "members_membership"
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

    def clean(self):
        # The same rule as sites.services.memberships.check_may_hold_membership, for the Django admin's forms.
        if self.person_id and self.left is None and self.person.is_commissioner:
            raise ValidationError(
                {"person": "This person is a commissioner: commissioners cannot be members of a site."}
            )


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

    text_gate = TextGate(
        gated={},
        exempt={
            "email": "The invited person's own address, used only to invite them.",
            "token_hash": "A hash of the invitation token, set by the code, never shown.",
        },
    )

    class Meta:
        db_table = "members_invitation"
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
