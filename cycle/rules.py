"""Who may do what in the meeting cycle: agendas, the meeting record and actions (obj: a Meeting, a Site or anything
with a site_id). Facilitators run the cycle; the site's members read the published agenda and the approved record;
members who were present read the draft record and suggest corrections."""

import rules
from django.db.models import Exists, OuterRef, Q

from core.rules import is_commissioner, is_knowledge_broker, is_programme_admin, is_signed_in
from cycle.models import AgendaPublication, MeetingGuest, RecordStatus
from sites.models import Attendance, AttendanceStatus
from sites.rules import facilitated_site_ids, has_any_site, is_site_facilitator, is_site_member, meetings_visible_q


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


def records_visible_q(user, *, via: str = "") -> Q:
    """Meeting records whose text a person may read, as a filter on MeetingRecord, or through `via` ("record__") on
    what belongs to a record: approved records of the meetings they may open (cycle.view_record); draft ones only for
    programme admins, the site's facilitators and the people who were present (cycle.view_draft_record)."""
    visible = meetings_visible_q(user, via=f"{via}meeting__")
    if is_programme_admin(user):
        return visible
    # Asked of each row (EXISTS), not as "meeting IN (their attendances)": PostgreSQL then reads every record of the
    # programme to hash-join a search's 200 candidates (a broker's search: 10 ms to 6).
    present = Attendance.objects.filter(
        meeting_id=OuterRef(f"{via}meeting_id"), person_id=user.pk, status=AttendanceStatus.PRESENT
    )
    draft_readers = Q(Exists(present)) | _on_facilitated_sites_q(user, f"{via}meeting__site_id")
    return visible & (Q(**{f"{via}status": RecordStatus.APPROVED}) | draft_readers)


def _on_facilitated_sites_q(user, field: str) -> Q:
    """Rows of the sites a person facilitates; for someone who facilitates none, a filter that matches nothing and
    costs nothing (an empty "IN ()" would still join its table into the query: a broker's search, 10 ms)."""
    site_ids = list(facilitated_site_ids(user))
    return Q(**{f"{field}__in": site_ids}) if site_ids else Q(pk__in=[])


def agenda_items_visible_q(user) -> Q:
    """Agenda items a person may read on the meeting's agenda page, as a filter on AgendaItem: every item, the
    proposed ones before publication and the removed ones too, for those who run the meeting's cycle (programme
    admins and the site's facilitators: cycle.manage_meeting_cycle); for everyone else who may open the meeting, the
    items still on its agenda once it is published."""
    visible = meetings_visible_q(user, via="meeting__")
    if is_programme_admin(user):
        return visible
    published = Q(meeting__in=AgendaPublication.objects.values("meeting_id"), removed=False)
    return visible & (_on_facilitated_sites_q(user, "meeting__site_id") | published)
