from django.db.models import QuerySet

from cop.rules import sites_managed_q
from members.models import Invitation
from sites.models import Site


def sites_user_can_invite_to(user) -> QuerySet[Site]:
    return Site.objects.filter(sites_managed_q(user)).order_by("code")


def invitations_visible_to(user) -> QuerySet[Invitation]:
    invitations = Invitation.objects.select_related("site", "invited_by", "accepted_by")
    if user.has_perm("members.invite_programme_role"):
        return invitations
    return invitations.filter(site__in=sites_user_can_invite_to(user))
