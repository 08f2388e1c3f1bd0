"""UK GDPR rights: a person's copy of everything held about them, and erasure when a member leaves.

Each app that holds personal data may define `<app>/privacy.py` with any of
`export_personal_data(person) -> dict` (sections added to the person's copy), `check_erasable(person) -> None`
(raises ValidationError to refuse) and `erase_personal_data(person, pseudonym: str) -> None`; they are collected
here, so an app above this one joins by adding that module (sites/privacy.py: memberships, attendance, invitations)."""

import importlib
from datetime import date, datetime
from decimal import Decimal

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from audit.models import AuditAction, AuditEvent
from audit.services import record_event
from members.models import SignInFailure, User


def _app_privacy_modules():
    for config in apps.get_app_configs():
        try:
            yield config.label, importlib.import_module(f"{config.name}.privacy")
        except ModuleNotFoundError as missing:
            if missing.name != f"{config.name}.privacy":
                raise


def plain(value):
    """A value as JSON shows it: dates in ISO form (local time), amounts as strings."""
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
        "profile": {field: plain(getattr(person, field)) for field in profile_fields},
        "job_history": [
            {"from": plain(job.started_on), "job_title": job.job_title, "agency": job.agency, "sector": job.sector}
            for job in person.job_history.order_by("started_on", "pk")
        ],
    }
    for _label, module in _app_privacy_modules():
        if hasattr(module, "export_personal_data"):
            data.update(module.export_personal_data(person))
    data["security"] = {
        "two_factor_methods": list(Authenticator.objects.filter(user=person).values_list("type", flat=True)),
        "organisation_sign_ins": [
            {"provider": a.provider, "uid": a.uid, "linked_at": plain(a.date_joined), "last_used": plain(a.last_login)}
            for a in SocialAccount.objects.filter(user=person)
        ],
        "audit_events": [
            {"at": plain(e.at), "action": e.action, "object": e.target_label, "ip_address": e.ip_address}
            for e in AuditEvent.objects.filter(actor_id=person.pk)[:5000]
        ],
    }
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
    for _label, module in _app_privacy_modules():
        if hasattr(module, "check_erasable"):
            module.check_erasable(person)
    pseudonym = pseudonym_for(person)
    for _label, module in _app_privacy_modules():
        if hasattr(module, "erase_personal_data"):
            module.erase_personal_data(person, pseudonym)
    EmailAddress.objects.filter(user=person).delete()
    Authenticator.objects.filter(user=person).delete()
    SocialAccount.objects.filter(user=person).delete()  # organisation sign-ins: their ids and claims
    SignInFailure.objects.filter(email=person.email.lower()).delete()
    person.name = pseudonym
    person.email = f"erased-{person.pk}@invalid.example"
    person.is_active = False
    person.calendar_token = None
    person.set_unusable_password()
    person.save(update_fields=["name", "email", "is_active", "calendar_token", "password"])
    record_event(actor=erased_by, action=AuditAction.ERASED, target=person, request=request)
    return person
