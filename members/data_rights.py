"""UK GDPR rights: a person's copy of everything held about them, and erasure when a member leaves.

Each app that holds personal data may define `<app>/privacy.py` with
`export_personal_data(person) -> dict` and `erase_personal_data(person, pseudonym: str) -> None`;
both are collected here, so a new app joins by adding that module."""

import importlib
from datetime import date, datetime
from decimal import Decimal

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from audit.models import AuditAction, AuditEvent
from audit.services import record_event
from members.models import Invitation, Membership, User


def _app_privacy_modules():
    for config in apps.get_app_configs():
        try:
            yield config.label, importlib.import_module(f"{config.name}.privacy")
        except ModuleNotFoundError as missing:
            if missing.name != f"{config.name}.privacy":
                raise


def _plain(value):
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def export_personal_data(person: User) -> dict:
    profile_fields = [
        "email",
        "name",
        "job_title",
        "agency",
        "sector",
        "expert_by_experience",
        "is_programme_admin",
        "is_knowledge_broker",
        "is_commissioner",
        "date_joined",
        "last_login",
    ]
    data = {
        "exported_at": timezone.localtime().isoformat(),
        "profile": {field: _plain(getattr(person, field)) for field in profile_fields},
        "memberships": [
            {
                "site": m.site.code,
                "role": m.role,
                "joined": _plain(m.joined),
                "left": _plain(m.left),
                "left_reason": m.left_reason,
                "ground_rules_agreed_on": _plain(m.ground_rules_agreed_on),
            }
            for m in Membership.objects.filter(person=person).select_related("site")
        ],
        "attendance": [
            {
                "site": a.meeting.site.code,
                "meeting": _plain(a.meeting.starts_at),
                "status": a.status,
                "guest": a.is_guest,
            }
            for a in person.attendances.select_related("meeting__site").order_by("meeting__starts_at")
        ],
        "invitations_received": [
            {
                "role": i.role,
                "site": i.site.code if i.site else None,
                "sent": _plain(i.created_at),
                "accepted": _plain(i.accepted_at),
            }
            for i in Invitation.objects.filter(email__iexact=person.email).select_related("site")
        ],
        "security": {
            "two_factor_methods": list(Authenticator.objects.filter(user=person).values_list("type", flat=True)),
            "audit_events": [
                {"at": _plain(e.at), "action": e.action, "object": e.target_label, "ip_address": e.ip_address}
                for e in AuditEvent.objects.filter(actor_id=person.pk)[:5000]
            ],
        },
    }
    for label, module in _app_privacy_modules():
        if hasattr(module, "export_personal_data"):
            data[label] = module.export_personal_data(person)
    return data


def pseudonym_for(person: User) -> str:
    return f"Former member {person.pk:05d}"


@transaction.atomic
def erase_person(*, person: User, erased_by: User, request=None) -> User:
    """Replace a person's name, email and the free text they wrote outside cases with a pseudonym.
    Memberships, attendance and job title stay, so the matrix, attendance counts and aggregates hold."""
    if not erased_by.has_perm("members.erase_person", person):
        raise PermissionDenied("Only a programme admin can erase a person's data.")
    if person.pk == erased_by.pk:
        raise ValidationError("You cannot erase your own account.")
    if Membership.objects.current().filter(person=person).exists():
        raise ValidationError("This person is still a current member of a site: end their membership first.")
    pseudonym = pseudonym_for(person)
    for _label, module in _app_privacy_modules():
        if hasattr(module, "erase_personal_data"):
            module.erase_personal_data(person, pseudonym)
    Invitation.objects.filter(email__iexact=person.email).update(email=f"erased-{person.pk}@invalid.example")
    EmailAddress.objects.filter(user=person).delete()
    Authenticator.objects.filter(user=person).delete()
    person.name = pseudonym
    person.email = f"erased-{person.pk}@invalid.example"
    person.is_active = False
    person.calendar_token = None
    person.set_unusable_password()
    person.save(update_fields=["name", "email", "is_active", "calendar_token", "password"])
    record_event(actor=erased_by, action=AuditAction.ERASED, target=person, request=request)
    return person
