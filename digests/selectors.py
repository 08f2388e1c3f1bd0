"""Reads for the digests pages and the commissioners' part of the home page."""

from __future__ import annotations

from cases.models import Case
from digests.content import open_issues_by_theme
from digests.models import CommissionerResponse, Digest, DigestSubscription
from digests.rules import digests_listed_q


def digests_page(user) -> dict:
    digests = list(Digest.objects.filter(digests_listed_q(user)).prefetch_related("sites")[:50])
    subscription = DigestSubscription.objects.filter(person=user).first()
    return {
        "digests": digests,
        "subscribed": bool(subscription and subscription.is_active),
        "can_subscribe": user.has_perm("digests.subscribe_to_digests"),
    }


def commissioner_home(user) -> dict | None:
    """The commissioners' section of the home page: recent digests and where to go next."""
    if not user.has_perm("digests.use_digests"):
        return None
    home = {"digests": list(Digest.objects.filter(digests_listed_q(user))[:3])}
    if user.is_commissioner:  # what waits for a commissioner's response leads their home page
        issues = open_issues_by_theme()
        home["open_cases"] = sum(len(theme["cases"]) for theme in issues["themes"])
        home["top_themes"] = [(theme["name"], theme["raised"]) for theme in issues["themes"][:3]]
    return home


def responses_for(case: Case) -> list[CommissionerResponse]:
    return list(CommissionerResponse.objects.filter(case=case).select_related("responder"))
