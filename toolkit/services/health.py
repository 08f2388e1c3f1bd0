"""Site health: run the early-warning rules, store the result, keep a history of changes, and alert
programme admins once each time a site becomes at risk."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from core.emails import send_email
from members.models import User
from sites.models import Site, SiteStatus
from toolkit.health_rules import SiteFacts, overall_status, run_health_rules
from toolkit.models import HealthStatus, SiteHealth, SiteHealthChange, WarningThresholds

CHECKED_STATUSES = [SiteStatus.ACTIVE, SiteStatus.SETTING_UP]


@transaction.atomic
def assess_site_health(
    *, site: Site, thresholds: WarningThresholds | None = None, now: datetime | None = None
) -> SiteHealth:
    """Work out the site's status now and store it; record a change row when the status differs."""
    now = now or timezone.now()
    facts = SiteFacts(site=site, thresholds=thresholds or WarningThresholds.current(), now=now)
    warnings = run_health_rules(facts)
    status = overall_status(warnings)
    reasons = [warning.as_json() for warning in warnings]

    health = SiteHealth.objects.select_for_update().filter(site=site).first()
    previous = health.status if health else ""
    if health is None:
        health = SiteHealth(site=site, changed_at=now)
    if status != previous:
        health.changed_at = now
        SiteHealthChange.objects.create(
            site=site, previous_status=previous, status=status, reasons=reasons, changed_at=now
        )
    health.status = status
    health.reasons = reasons
    health.computed_at = now
    health.save()
    return health


def assess_all_sites(*, now: datetime | None = None) -> int:
    """Check every active or setting-up site; returns how many were checked."""
    thresholds = WarningThresholds.current()
    sites = Site.objects.filter(status__in=CHECKED_STATUSES)
    for site in sites:
        assess_site_health(site=site, thresholds=thresholds, now=now)
    return len(sites)


def send_at_risk_alerts() -> int:
    """Email programme admins about each change to at risk not yet announced. Each change is claimed
    before sending, so a second run (or a parallel one) sends nothing more."""
    # A site that closed or failed since is left alone: its alert is not news any more.
    pending = SiteHealthChange.objects.filter(
        status=HealthStatus.AT_RISK, alert_sent_at__isnull=True, site__status__in=CHECKED_STATUSES
    )
    recipients = list(
        User.objects.filter(is_programme_admin=True, is_active=True).exclude(email="").values_list("email", flat=True)
    )
    sent = 0
    for change_id in pending.values_list("pk", flat=True):
        claimed = SiteHealthChange.objects.filter(pk=change_id, alert_sent_at__isnull=True).update(
            alert_sent_at=timezone.now()
        )
        if not claimed:
            continue
        change = SiteHealthChange.objects.select_related("site").get(pk=change_id)
        if not recipients:
            continue
        try:
            send_email("toolkit/emails/site_at_risk", to=recipients, context={"change": change, "site": change.site})
        except Exception:
            SiteHealthChange.objects.filter(pk=change_id).update(alert_sent_at=None)  # try again next run
            raise
        sent += 1
    return sent


@transaction.atomic
def update_warning_thresholds(*, by, values: dict) -> WarningThresholds:
    thresholds = WarningThresholds.current()
    for name, value in values.items():
        setattr(thresholds, name, value)
    thresholds.updated_by = by
    thresholds.updated_at = timezone.now()
    thresholds.full_clean()
    thresholds.save()
    return thresholds
