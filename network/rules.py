"""Who may see and do what in the facilitators' network (obj: a NetworkMeeting). The network is the facilitators of
every site still running (not closed or failed) and the programme team (programme admins); a person a programme admin
names for one meeting (an advisory group member) sees that meeting only. Members, knowledge brokers and commissioners
see none of it. Programme admins schedule the meetings, take the register and write and approve the record;
everyone invited proposes agenda items and reads the approved record."""

import rules
from django.db.models import Q

from core.rules import is_programme_admin, is_signed_in
from network.models import NetworkInvitee
from sites.rules import running_facilitated_site_ids


def facilitates_a_running_site(user) -> bool:
    """A current facilitator of a site not closed or failed; cached on the user object."""
    if not getattr(user, "is_authenticated", False):
        return False
    cached = getattr(user, "_cop_network_facilitator", None)
    if cached is None:
        cached = bool(running_facilitated_site_ids(user))
        user._cop_network_facilitator = cached
    return cached


@rules.predicate
def is_network_facilitator(user) -> bool:
    return facilitates_a_running_site(user)


def may_be_named(user) -> bool:
    """Anyone signed in but a commissioner: commissioners never see discussion, even if named before they became one."""
    return getattr(user, "is_authenticated", False) and not getattr(user, "is_commissioner", False)


@rules.predicate
def is_named_invitee(user, meeting) -> bool:
    if meeting is None or not may_be_named(user):
        return False
    return NetworkInvitee.objects.filter(meeting_id=meeting.pk, person_id=user.pk).exists()


@rules.predicate
def is_named_anywhere(user) -> bool:
    return may_be_named(user) and NetworkInvitee.objects.filter(person_id=user.pk).exists()


in_network = is_signed_in & (is_programme_admin | is_network_facilitator)

# The list of network meetings (and the home page's panel): the network, and anyone named for a meeting.
rules.add_perm("network.view_network", in_network | (is_signed_in & is_named_anywhere))
rules.add_perm("network.view_meeting", in_network | (is_signed_in & is_named_invitee))
rules.add_perm("network.manage_meetings", is_signed_in & is_programme_admin)
rules.add_perm("network.view_draft_record", is_signed_in & is_programme_admin)


def network_meetings_visible_q(user) -> Q:
    """Network meetings the person may see, as a filter on NetworkMeeting."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Q(pk__in=[])
    if is_programme_admin(user) or facilitates_a_running_site(user):
        return Q()
    if not may_be_named(user):
        return Q(pk__in=[])
    return Q(invitees__person_id=user.pk)
