"""Who may do what in the meeting cycle: agendas, the meeting record and actions (obj: a Meeting, a Site or anything
with a site_id). Facilitators run the cycle; the site's members read the published agenda and the approved record;
members who were present read the draft record and suggest corrections."""

import rules

from core.rules import is_commissioner, is_knowledge_broker, is_programme_admin, is_signed_in
from cycle.models import MeetingGuest
from sites.models import AttendanceStatus
from sites.rules import has_any_site, is_site_facilitator, is_site_member


@rules.predicate
def was_present_at_meeting(user, meeting) -> bool:
    if meeting is None or not getattr(user, "is_authenticated", False) or not hasattr(meeting, "attendances"):
        return False
    return meeting.attendances.filter(person_id=user.pk, status=AttendanceStatus.PRESENT).exists()


@rules.predicate
def is_invited_to_meeting(user, meeting) -> bool:
    """A commissioner with a standing invitation to this meeting (obj: a Meeting)."""
    if meeting is None or not hasattr(meeting, "starts_at") or not getattr(user, "is_authenticated", False):
        return False
    return MeetingGuest.objects.standing().filter(meeting_id=meeting.pk, person_id=user.pk).exists()


rules.add_perm("cycle.manage_meeting_cycle", is_programme_admin | is_site_facilitator)
# A commissioner invited to one meeting reads its agenda and the screened cases on it while invited; the site's
# facilitators and programme admins see the same page, to know what the guest sees.
rules.add_perm(
    "cycle.view_as_guest", (is_commissioner & is_invited_to_meeting) | is_site_facilitator | is_programme_admin
)
rules.add_perm("cycle.view_agenda", is_programme_admin | is_knowledge_broker | is_site_member)
rules.add_perm("cycle.view_record", is_programme_admin | is_knowledge_broker | is_site_member)
rules.add_perm("cycle.view_draft_record", is_programme_admin | is_site_facilitator | was_present_at_meeting)
rules.add_perm("cycle.comment_on_record", is_site_member & was_present_at_meeting)
rules.add_perm("cycle.view_my_actions", is_signed_in)
# The menu entry: people with a site membership, and programme admins (whose menu is otherwise all allowed, so
# no permission check falls through to Django's model backend and its two extra queries on every page).
rules.add_perm("cycle.view_my_actions_menu", has_any_site | is_programme_admin)
rules.add_perm("cycle.view_site_actions", is_site_facilitator)
