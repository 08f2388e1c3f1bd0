"""The toolkit's periodic job (celery beat)."""

from celery import shared_task

from toolkit.services import health


@shared_task
def check_site_health() -> int:
    """Daily: check every active or setting-up site, then alert programme admins about sites newly at risk.
    Running it twice sends nothing twice: alerts go out once per change of status."""
    checked = health.assess_all_sites()
    health.send_at_risk_alerts()
    return checked
