"""Who may do what with commissioner digests (PDF reports of the issues raised), the quarterly subscription, and
commissioners' responses to the issues raised in a case. Commissioners never see drafts or who said what: they read
the issues through the digests app, which shows only screened text, never names."""

import rules
from django.db.models import Q

from core.rules import is_commissioner, is_programme_admin, is_signed_in


@rules.predicate
def is_digest_requester(user, digest) -> bool:
    return digest is not None and getattr(digest, "requested_by_id", None) == user.pk


@rules.predicate
def is_shared_digest(user, digest) -> bool:
    return digest is not None and getattr(digest, "shared_at", None) is not None


rules.add_perm("digests.use_digests", is_commissioner | is_programme_admin)
rules.add_perm("digests.request_digest", is_commissioner | is_programme_admin)
# obj: a Digest. A digest belongs to the commissioner who asked for it (or whose subscription produced it) and is
# read by the programme admins; another commissioner cannot open it, even by its number, unless its owner shared it.
can_read_digest = is_signed_in & (is_digest_requester | is_programme_admin | (is_commissioner & is_shared_digest))
rules.add_perm("digests.view_digest", can_read_digest)
rules.add_perm("digests.share_digest", is_signed_in & is_digest_requester)
rules.add_perm("digests.retry_digest", is_signed_in & (is_digest_requester | is_programme_admin))
rules.add_perm("digests.download_digest", can_read_digest)
rules.add_perm("digests.subscribe_to_digests", is_commissioner)
rules.add_perm("digests.view_open_issues", is_commissioner | is_programme_admin)
# Each tracked issue: cases.view_commissioner_issue, cases.respond_to_issue and cases.group_issues (cases/rules.py).


def digests_listed_q(user) -> Q:
    """Digests on a person's digests page: the ones they asked for or were sent, and for commissioners the ones
    other commissioners shared."""
    if is_commissioner(user):
        return Q(requested_by_id=user.pk) | Q(shared_at__isnull=False)
    return Q(requested_by_id=user.pk)
