"""The ground rules of a site, in versions, and each person's confirmation of them.

Before reading a site's shared cases (any case past draft, on the site's case pages), a person with a role at that
site (member or facilitator) confirms its current version in their own session; a new version asks again. Cases
raise GroundRulesRequired through require_ground_rules, and the project's middleware turns that into the
confirmation page, coming back afterwards. A site with no version at all (only data made outside the services:
create_site gives every new site version 1, and migration sites 0011 gave one to every site that existed) has
nothing to confirm."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from sites.models import DEFAULT_GROUND_RULES, AgreementSource, GroundRulesAgreement, GroundRulesVersion, Site
from sites.rules import site_roles

TEXT_MAX_LENGTH = 20_000


class GroundRulesRequired(Exception):
    """The person must confirm the site's current ground rules before this page."""

    def __init__(self, site_id: int):
        super().__init__(f"Ground rules of site {site_id} not confirmed")
        self.site_id = site_id


def current_version(site_id: int) -> GroundRulesVersion | None:
    return GroundRulesVersion.objects.filter(site_id=site_id).order_by("-number").first()


def needs_to_confirm(user, site_id: int) -> GroundRulesVersion | None:
    """The version the person still has to confirm before reading the site's shared cases, or None. Cached on the
    user object for the request."""
    if site_id not in site_roles(user):
        return None
    cache = user.__dict__.setdefault("_cop_ground_rules", {})
    if site_id not in cache:
        version = current_version(site_id)
        agreed = version is None or GroundRulesAgreement.objects.filter(version=version, person=user).exists()
        cache[site_id] = None if agreed else version
    return cache[site_id]


def require_ground_rules(user, site_id: int) -> None:
    if needs_to_confirm(user, site_id) is not None:
        raise GroundRulesRequired(site_id)


@transaction.atomic
def confirm_ground_rules(*, person, version: GroundRulesVersion) -> GroundRulesAgreement:
    """Record that the person, in their own session, read and agreed this version. Only the current version of a
    site where they hold a role can be confirmed; confirming twice keeps the first."""
    if version.site_id not in site_roles(person):
        raise PermissionDenied("Only the site's members confirm its ground rules.")
    current = current_version(version.site_id)
    if current is None or current.pk != version.pk:
        raise ValidationError("The ground rules changed while you were reading them: read the new version.")
    try:
        with transaction.atomic():
            agreement, _ = GroundRulesAgreement.objects.get_or_create(version=version, person=person)
    except IntegrityError:  # the same person confirming in two tabs at once
        agreement = GroundRulesAgreement.objects.get(version=version, person=person)
    person.__dict__.pop("_cop_ground_rules", None)
    return agreement


@transaction.atomic
def publish_ground_rules(*, site: Site, written_by, text: str, agreed_on: date) -> GroundRulesVersion:
    """A new version of the site's ground rules (the text as the group agreed it on `agreed_on`). Every member is
    asked to confirm it before reading shared cases again; the facilitator who wrote it has agreed it."""
    if not written_by.has_perm("sites.manage_ground_rules", site):
        raise PermissionDenied("Only this site's facilitators can change its ground rules.")
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": "Write the ground rules the group agreed."})
    if len(text) > TEXT_MAX_LENGTH:
        raise ValidationError({"text": f"Keep the ground rules under {TEXT_MAX_LENGTH:,} characters."})
    if agreed_on > timezone.localdate():
        raise ValidationError({"agreed_on": "The date the group agreed them cannot be in the future."})
    list(Site.objects.select_for_update().filter(pk=site.pk).values_list("pk", flat=True))
    latest = GroundRulesVersion.objects.filter(site=site).aggregate(n=Max("number"))["n"] or 0
    current = current_version(site.pk)
    if current is not None and current.text.strip() == text and current.agreed_on == agreed_on:
        raise ValidationError({"text": "Nothing changed: this is the current version."})
    version = GroundRulesVersion.objects.create(
        site=site, number=latest + 1, text=text, agreed_on=agreed_on, created_by=written_by
    )
    if site.pk in site_roles(written_by):
        GroundRulesAgreement.objects.create(version=version, person=written_by, source=AgreementSource.WROTE_THEM)
    record_event(
        actor=written_by, action=AuditAction.CHANGED, target=site, detail=f"ground rules version {version.number}"
    )
    written_by.__dict__.pop("_cop_ground_rules", None)
    return version


def start_ground_rules(*, site: Site) -> GroundRulesVersion:
    """Version 1 of a new site's ground rules: the toolkit's standard text, until the group agrees its own."""
    return GroundRulesVersion.objects.create(
        site=site, number=1, text=DEFAULT_GROUND_RULES, agreed_on=min(site.start_date, timezone.localdate())
    )
