"""Reads for the experts-by-experience page: consents and payments of a site."""

from django.db.models import QuerySet

from members.models import User
from sites.models import ExpertConsent, ExpertPayment, Membership, Site


def experts_of(site: Site) -> QuerySet[User]:
    """The site's current members who are experts by experience."""
    ids = Membership.objects.current().filter(site=site).values_list("person_id", flat=True)
    return User.objects.filter(pk__in=ids, expert_by_experience=True).order_by("name")


def experts_page(site: Site) -> dict:
    return {
        "consents": ExpertConsent.objects.filter(site=site).select_related("expert"),
        "payments": ExpertPayment.objects.filter(expense__site=site)
        .select_related("expert", "expense")
        .order_by("-expense__spent_on", "-pk"),
    }
