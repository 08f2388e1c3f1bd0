"""Reads for the digests pages, and the access lookups."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from cases.models import Case
from cop.rules import digests_listed_q
from newsletters.digest_models import CommissionerResponse, Digest, DigestSubscription


def access_digest(user, pk: int) -> Digest:
    """A digest its requester, commissioners or programme admins may see; 404 for everyone else."""
    digest = get_object_or_404(Digest.objects.select_related("requested_by", "subscription"), pk=pk)
    if not user.has_perm("newsletters.view_digest", digest):
        raise Http404
    return digest


def access_case_for_response(user, pk: int) -> Case:
    """A case whose issues a commissioner may respond to (shared or later, with issues); 404 otherwise."""
    case = get_object_or_404(Case.objects.select_related("site"), pk=pk)
    if not user.has_perm("newsletters.respond_to_issues", case):
        raise Http404
    return case


def digests_page(user) -> dict:
    digests = list(Digest.objects.filter(digests_listed_q(user)).prefetch_related("sites")[:50])
    subscription = DigestSubscription.objects.filter(person=user).first()
    return {
        "digests": digests,
        "subscribed": bool(subscription and subscription.is_active),
        "can_subscribe": user.has_perm("newsletters.subscribe_to_digests"),
    }


def commissioner_home(user) -> dict | None:
    """The commissioners' section of the home page: recent digests and where to go next."""
    if not user.has_perm("newsletters.use_digests"):
        return None
    return {"digests": list(Digest.objects.filter(digests_listed_q(user))[:3])}


def responses_for(case: Case) -> list[CommissionerResponse]:
    return list(CommissionerResponse.objects.filter(case=case).select_related("responder"))
