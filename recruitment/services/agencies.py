"""A site's recruitment work: the agencies it approaches, their managers, each approach (with a toolkit letter sent,
if any) and the senior sponsor. Every change is in the audit log."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from members.models import User
from recruitment.models import Agency, AgencyManager, Approach, SeniorSponsor
from sites.models import Site, TargetDiscipline
from toolkit.documents import DOCUMENTS

REFUSAL = "Only this site's facilitators and programme admins can keep its recruitment records."


def _check(user: User, site: Site) -> None:
    if not user.has_perm("recruitment.manage_recruitment", site):
        raise PermissionDenied(REFUSAL)


def _check_disciplines(site: Site, disciplines) -> list[TargetDiscipline]:
    disciplines = list(disciplines)
    if any(d.site_id != site.pk for d in disciplines):
        raise ValidationError({"could_supply": "Choose target disciplines of this site only."})
    return disciplines


@transaction.atomic
def add_agency(*, site: Site, by: User, name: str, sector: str = "", could_supply=()) -> Agency:
    _check(by, site)
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": "Enter the agency's name."})
    if Agency.objects.filter(site=site, name__iexact=name).exists():
        raise ValidationError({"name": f"This site already has an agency called “{name}”."})
    agency = Agency.objects.create(site=site, name=name, sector=sector, added_by=by)
    agency.could_supply.set(_check_disciplines(site, could_supply))
    record_event(actor=by, action=AuditAction.CREATED, target=agency, detail=f"agency at {site.code}")
    return agency


@transaction.atomic
def update_agency(*, agency: Agency, by: User, name: str, sector: str = "", could_supply=()) -> Agency:
    _check(by, agency.site)
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": "Enter the agency's name."})
    if Agency.objects.filter(site=agency.site, name__iexact=name).exclude(pk=agency.pk).exists():
        raise ValidationError({"name": f"This site already has an agency called “{name}”."})
    agency.name, agency.sector = name, sector
    agency.save(update_fields=["name", "sector"])
    agency.could_supply.set(_check_disciplines(agency.site, could_supply))
    record_event(actor=by, action=AuditAction.CHANGED, target=agency, detail=f"agency at {agency.site.code}")
    return agency


@transaction.atomic
def add_agency_manager(
    *, agency: Agency, by: User, name: str, role: str = "", email: str = "", phone: str = ""
) -> AgencyManager:
    _check(by, agency.site)
    if not (email.strip() or phone.strip()):
        raise ValidationError({"email": "Enter an email address or a phone number, so the manager can be reached."})
    manager = AgencyManager.objects.create(
        agency=agency, name=name.strip(), role=role.strip(), email=email.strip(), phone=phone.strip()
    )
    record_event(actor=by, action=AuditAction.CREATED, target=manager, detail=f"manager at {agency.name}")
    return manager


def _approach_values(
    *,
    agency: Agency,
    by: User,
    approached_on: date,
    made_by: str,
    method: str,
    outcome: str,
    manager: AgencyManager | None = None,
    next_step: str = "",
    next_step_by: date | None = None,
    letter: str = "",
) -> dict:
    """An approach's fields, checked and tidied, for recording it or changing it."""
    errors = {}
    if manager is not None and manager.agency_id != agency.pk:
        errors["manager"] = "Choose a manager at this agency."
    if letter and letter not in DOCUMENTS:
        errors["letter"] = "Choose one of the toolkit's letters, or none."
    if approached_on > timezone.localdate():
        errors["approached_on"] = "The approach date cannot be in the future: record it once it has happened."
    if next_step_by and next_step_by < approached_on:
        errors["next_step_by"] = "The next step cannot be due before the approach was made."
    if errors:
        raise ValidationError(errors)
    return {
        "approached_on": approached_on,
        "made_by": made_by.strip() or by.name,
        "method": method,
        "outcome": outcome,
        "manager": manager,
        "next_step": next_step.strip(),
        "next_step_by": next_step_by,
        "letter": letter,
    }


@transaction.atomic
def record_approach(*, agency: Agency, by: User, **fields) -> Approach:
    """One approach to an agency (`fields` as _approach_values takes them). A letter is one of the toolkit's
    documents, sent with the approach."""
    _check(by, agency.site)
    values = _approach_values(agency=agency, by=by, **fields)
    approach = Approach.objects.create(agency=agency, recorded_by=by, **values)
    record_event(actor=by, action=AuditAction.CREATED, target=approach, detail=f"approach to {agency.name}")
    return approach


@transaction.atomic
def update_approach(*, approach: Approach, by: User, **fields) -> Approach:
    """Correct an approach, or bring it up to date as the agency answers (the outcome, the next step). Who recorded
    it first stays; the audit log says who changed which fields."""
    agency = approach.agency
    _check(by, agency.site)
    values = _approach_values(agency=agency, by=by, **fields)
    changed = [name for name, value in values.items() if getattr(approach, name) != value]
    if not changed:
        return approach
    for name in changed:
        setattr(approach, name, values[name])
    approach.save(update_fields=changed)
    detail = f"approach to {agency.name}: {', '.join(changed)}"[:300]
    record_event(actor=by, action=AuditAction.CHANGED, target=approach, detail=detail)
    return approach


@transaction.atomic
def set_senior_sponsor(*, site: Site, by: User, name: str, role: str, agency: str, agreed_on: date) -> SeniorSponsor:
    """Name the site's senior sponsor (or replace the one named before)."""
    _check(by, site)
    if agreed_on > timezone.localdate():
        raise ValidationError(
            {"agreed_on": "Record the sponsor once they have agreed: the date cannot be in the future."}
        )
    sponsor, created = SeniorSponsor.objects.update_or_create(
        site=site,
        defaults={
            "name": name.strip(),
            "role": role.strip(),
            "agency": agency.strip(),
            "agreed_on": agreed_on,
            "recorded_by": by,
            "recorded_at": timezone.now(),
        },
    )
    record_event(
        actor=by,
        action=AuditAction.CREATED if created else AuditAction.CHANGED,
        target=sponsor,
        detail=f"senior sponsor at {site.code}",
    )
    return sponsor
