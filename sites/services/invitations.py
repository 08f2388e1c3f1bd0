"""Invitations: a link by email to a site role or a programme-wide role, used once; accepting it gives the role."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from core.emails import send_email
from members.models import User
from sites.models import SITE_ROLES, Invitation, InvitationRole, Membership, MembershipRole, hash_token
from sites.services.memberships import check_may_become_commissioner, check_may_hold_membership


@dataclass(frozen=True)
class SentInvitation:
    invitation: Invitation
    url: str


def invitation_url(token: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("memberships:accept_invitation", args=[token])


@transaction.atomic
def invite_person(*, invited_by: User, email: str, role: str, site=None) -> SentInvitation:
    """Invite an email address to a site role or a programme role and email them the link."""
    email = email.strip().lower()
    if role in SITE_ROLES:
        if site is None:
            raise ValidationError("Choose the site this person is invited to.")
        if not invited_by.has_perm("sites.invite_to_site", site):
            raise PermissionDenied("You can only invite people to a site you facilitate.")
        check_may_hold_membership(User.objects.filter(email__iexact=email).first())
    else:
        site = None
        if not invited_by.has_perm("sites.invite_programme_role"):
            raise PermissionDenied("Only a programme admin can invite to a programme-wide role.")
    token = Invitation.new_token()
    now = timezone.now()
    invitation = Invitation.objects.create(
        email=email,
        site=site,
        role=role,
        token_hash=hash_token(token),
        invited_by=invited_by,
        created_at=now,
        expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    url = invitation_url(token)
    transaction.on_commit(
        lambda: send_email(
            "sites/emails/invitation",
            to=[email],
            context={"invitation": invitation, "url": url, "valid_days": settings.INVITATION_VALID_DAYS},
        )
    )
    return SentInvitation(invitation=invitation, url=url)


class InvitationInvalid(Exception):
    """The link cannot be used; the message says why in the user's words."""


def find_invitation(token: str) -> Invitation:
    invitation = Invitation.objects.select_related("site", "invited_by").filter(token_hash=hash_token(token)).first()
    if invitation is None:
        raise InvitationInvalid(
            "This invitation link is not valid. Check you copied the whole link, or ask the person who "
            "invited you to send a new one."
        )
    if invitation.revoked_at:
        raise InvitationInvalid(
            "This invitation was withdrawn. Ask the person who invited you if you still need access."
        )
    if invitation.is_used:
        raise InvitationInvalid(
            "This invitation has already been used. Sign in with your email address and password, "
            "or reset your password if you have forgotten it."
        )
    if invitation.is_expired:
        raise InvitationInvalid(
            f"This invitation expired on {timezone.localtime(invitation.expires_at):%d/%m/%Y}. "
            "Invitations last 14 days: ask the person who invited you to send a new one."
        )
    return invitation


def grant_role(*, user: User, role: str, site=None, on=None, granted_by: User | None = None) -> None:
    """Give a person a site role (a membership) or a programme-wide role."""
    where = f" at {site.code}" if site is not None else ""
    record_event(
        actor=granted_by or user, action=AuditAction.ROLE_CHANGED, target=user, detail=f"given the role {role}{where}"
    )
    if role in SITE_ROLES:
        check_may_hold_membership(user)
        on = on or timezone.localdate()
        membership = Membership.objects.filter(site=site, person=user, left__isnull=True).first()
        if membership is None:
            Membership.objects.create(site=site, person=user, role=role, joined=on)
        elif role == MembershipRole.FACILITATOR and membership.role != role:
            membership.role = role
            membership.save(update_fields=["role"])
        return
    field = {
        InvitationRole.PROGRAMME_ADMIN: "is_programme_admin",
        InvitationRole.KNOWLEDGE_BROKER: "is_knowledge_broker",
        InvitationRole.COMMISSIONER: "is_commissioner",
    }[role]
    if role == InvitationRole.COMMISSIONER:
        check_may_become_commissioner(user)
    setattr(user, field, True)
    user.save(update_fields=[field])


@transaction.atomic
def accept_invitation(*, invitation: Invitation, user: User | None = None, details: dict | None = None) -> User:
    """Use an invitation once. With `user`, add the role to that existing account; otherwise create
    the account (or give an imported person, who has no password yet, their password)."""
    # Claimed first: of two submits at once (a double click, two tabs) the second waits for the first to commit,
    # then finds the invitation used and is told so, instead of creating the account a second time.
    claimed = Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True, expires_at__gt=timezone.now())
    if claimed.update(accepted_at=timezone.now()) != 1:
        raise InvitationInvalid("This invitation has already been used or has expired.")
    if user is None:
        details = details or {}
        user = User.objects.filter(email__iexact=invitation.email).first()
        if user is not None and user.has_usable_password():
            raise PermissionDenied("This email address already has an account: sign in to accept the invitation.")
        if user is None:
            user = User(email=invitation.email)
        for field in ("name", "job_title", "agency", "sector"):
            if details.get(field):
                setattr(user, field, details[field])
        validate_password(details["password"], user)
        user.set_password(details["password"])
        user.save()
    elif user.email.lower() != invitation.email.lower():
        raise PermissionDenied(f"This invitation is for {invitation.email}. Sign out and sign in as that person.")
    try:
        if invitation.role in SITE_ROLES:
            check_may_hold_membership(user)
        elif invitation.role == InvitationRole.COMMISSIONER:
            check_may_become_commissioner(user)
    except ValidationError as refused:
        raise InvitationInvalid(refused.messages[0]) from None  # the claim above is rolled back with the transaction
    Invitation.objects.filter(pk=invitation.pk).update(accepted_by=user)
    grant_role(user=user, role=invitation.role, site=invitation.site, granted_by=invitation.invited_by)
    return user


@transaction.atomic
def accept_invitation_with_organisation(*, invitation: Invitation, email: str, name: str = "") -> User:
    """Accept an invitation by signing in with an organisation's account whose verified address is `email`:
    the account is the one with that address, or a new one with no password (it signs in through the organisation,
    and can set a password later with "Forgotten your password?")."""
    if email.lower() != invitation.email.lower():
        raise PermissionDenied(
            f"This invitation is for {invitation.email}, but your organisation signed you in as {email}. "
            f"Sign in with the organisation account for {invitation.email}, or ask for an invitation for {email}."
        )
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(email=invitation.email, name=name.strip()[:200])
        user.set_unusable_password()
        user.save()
    return accept_invitation(invitation=invitation, user=user)
