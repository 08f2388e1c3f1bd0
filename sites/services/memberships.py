"""Memberships: facilitators add people to their site, end memberships and change roles."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from members.jobs import record_job_change
from members.models import User
from sites.models import Membership, MembershipRole

PERSON_FIELDS = ("name", "job_title", "agency", "sector", "expert_by_experience")


def check_may_hold_membership(person: User | None) -> None:
    """Commissioners read the issues raised, never members' discussion or who said what, so a programme role that
    must not see the discussion cannot hold a site role (a membership) as well."""
    if person is not None and person.is_commissioner:
        raise ValidationError(
            f"{person.name or person.email} is a commissioner. Commissioners read the issues raised in digests, "
            "not the members' discussion, so they cannot be members of a site. Ask a programme admin if their role "
            "has changed."
        )


def check_may_become_commissioner(person: User) -> None:
    """The other way round: a current member or facilitator becomes a commissioner only after leaving their sites."""
    if Membership.objects.current().filter(person=person).exists():
        raise ValidationError(
            f"{person.name or person.email} is a current member of a site. End their memberships before making "
            "them a commissioner: commissioners do not see the members' discussion."
        )


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
    check_may_hold_membership(person)
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


@transaction.atomic
def record_member_job_change(
    *, membership: Membership, changed_by: User, job_title: str, agency: str, sector: str, started_on, request=None
):
    """A member of the site has a new job (title, agency or sector) from `started_on`: recorded in their job history,
    so the membership matrix of an earlier date still shows the job they held then."""
    if not changed_by.has_perm("sites.manage_members", membership.site):
        raise PermissionDenied("Only this site's facilitators or a programme admin can record a member's new job.")
    if started_on < membership.joined:
        raise ValidationError({"started_on": "Give a date from when they joined this site: "
                                             f"{membership.joined:%d/%m/%Y} or later."})  # fmt: skip
    try:
        return record_job_change(person=membership.person, job_title=job_title, agency=agency, sector=sector,
                                 on=started_on, by=changed_by, request=request)  # fmt: skip
    except ValidationError as problem:
        raise ValidationError({"started_on": problem.messages}) from None
