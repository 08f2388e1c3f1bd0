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
from members.models import (
    SITE_ROLES,
    Invitation,
    InvitationRole,
    Membership,
    MembershipRole,
    User,
    hash_token,
)


@dataclass(frozen=True)
class SentInvitation:
    invitation: Invitation
    url: str


def invitation_url(token: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("members:accept_invitation", args=[token])


@transaction.atomic
def invite_person(*, invited_by: User, email: str, role: str, site=None) -> SentInvitation:
    """Invite an email address to a site role or a programme role and email them the link."""
    email = email.strip().lower()
    if role in SITE_ROLES:
        if site is None:
            raise ValidationError("Choose the site this person is invited to.")
        if not invited_by.has_perm("members.invite_to_site", site):
            raise PermissionDenied("You can only invite people to a site you facilitate.")
    else:
        site = None
        if not invited_by.has_perm("members.invite_programme_role"):
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
            "members/emails/invitation",
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
    setattr(user, field, True)
    user.save(update_fields=[field])


@transaction.atomic
def accept_invitation(*, invitation: Invitation, user: User | None = None, details: dict | None = None) -> User:
    """Use an invitation once. With `user`, add the role to that existing account; otherwise create
    the account (or give an imported person, who has no password yet, their password)."""
    claimed = Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True, expires_at__gt=timezone.now())
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
    if claimed.update(accepted_at=timezone.now(), accepted_by=user) != 1:
        raise InvitationInvalid("This invitation has already been used or has expired.")
    grant_role(user=user, role=invitation.role, site=invitation.site, granted_by=invitation.invited_by)
    return user


# Memberships: facilitators add people to their site, end memberships and change roles.
PERSON_FIELDS = ("name", "job_title", "agency", "sector", "expert_by_experience")


def find_person(email: str) -> User | None:
    return User.objects.filter(email__iexact=email.strip()).first()


@transaction.atomic
def add_member(
    *,
    site,
    added_by: User,
    email: str,
    role: str = MembershipRole.MEMBER,
    joined=None,
    details: dict | None = None,
) -> Membership:
    """Add a person to a site. An existing person is found by email; someone new is created from
    `details` (name, job title, agency, sector, expert by experience) without a password: an invitation
    or a password reset lets them sign in later."""
    if not added_by.has_perm("sites.manage_members", site):
        raise PermissionDenied("Only this site's facilitators or a programme admin can add members.")
    email = email.strip().lower()
    joined = joined or timezone.localdate()
    person = find_person(email)
    if person is None:
        details = details or {}
        if not (details.get("name") or "").strip():
            raise ValidationError({"name": "Enter the person's name: nobody with that email is registered yet."})
        person = User.objects.create_user(email, **{f: details[f] for f in PERSON_FIELDS if f in details})
    if Membership.objects.filter(site=site, person=person, left__isnull=True).exists():
        raise ValidationError(f"{person.name or person.email} is already a member of {site.code}.")
    membership = Membership.objects.create(site=site, person=person, role=role, joined=joined)
    record_event(
        actor=added_by, action=AuditAction.ROLE_CHANGED, target=person, detail=f"added as {role} at {site.code}"
    )
    return membership


@transaction.atomic
def end_membership(*, membership: Membership, ended_by: User, left, reason: str) -> Membership:
    """Record that someone left the site (for example, moved job). Their attendance history stays."""
    if not ended_by.has_perm("sites.manage_members", membership.site):
        raise PermissionDenied("Only this site's facilitators or a programme admin can end a membership.")
    if membership.left is not None:
        raise ValidationError(f"This membership already ended on {membership.left:%d/%m/%Y}.")
    if left < membership.joined:
        raise ValidationError(
            {"left": f"The date they left cannot be before they joined ({membership.joined:%d/%m/%Y})."}
        )
    if not reason.strip():
        raise ValidationError({"reason": "Say why they left, for example “moved job”."})
    membership.left = left
    membership.left_reason = reason.strip()
    membership.save(update_fields=["left", "left_reason"])
    record_event(
        actor=ended_by,
        action=AuditAction.ROLE_CHANGED,
        target=membership.person,
        detail=f"membership of {membership.site.code} ended",
    )
    return membership


@transaction.atomic
def change_membership_role(*, membership: Membership, changed_by: User, role: str) -> Membership:
    if not changed_by.has_perm("sites.manage_members", membership.site):
        raise PermissionDenied("Only this site's facilitators or a programme admin can change roles.")
    if role not in MembershipRole.values:
        raise ValidationError("Choose member or facilitator.")
    if membership.role == MembershipRole.FACILITATOR and role != MembershipRole.FACILITATOR:
        others = (
            Membership.objects.current()
            .filter(site_id=membership.site_id, role=MembershipRole.FACILITATOR)
            .exclude(pk=membership.pk)
        )
        if not others.exists() and not changed_by.is_programme_admin:
            raise ValidationError("A site needs at least one facilitator. Make someone else facilitator first.")
    membership.role = role
    membership.save(update_fields=["role"])
    record_event(
        actor=changed_by,
        action=AuditAction.ROLE_CHANGED,
        target=membership.person,
        detail=f"now {role} at {membership.site.code}",
    )
    return membership
