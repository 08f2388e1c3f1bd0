"""Personal data the network app holds (collected by members.data_rights): the network meetings a person was named
for, their lines on the registers, the agenda items they proposed and the actions they own. Erasure changes their name
on the user row, which these point to, so nothing else needs rewriting."""

from members.data_rights import plain
from network.models import NetworkAction, NetworkAgendaItem, NetworkAttendance, NetworkInvitee


def export_personal_data(person) -> dict:
    return {
        "network_invitations": [
            {"meeting": str(i.meeting), "invited_at": plain(i.added_at)}
            for i in NetworkInvitee.objects.filter(person=person).select_related("meeting").order_by("added_at")
        ],
        "network_attendance": [
            {"meeting": str(a.meeting), "status": a.status}
            for a in NetworkAttendance.objects.filter(person=person)
            .select_related("meeting")
            .order_by("meeting__starts_at")
        ],
        "network_agenda_items_proposed": [
            {"meeting": str(i.meeting), "title": i.title, "proposed_at": plain(i.created_at)}
            for i in NetworkAgendaItem.objects.filter(proposed_by=person)
            .select_related("meeting")
            .order_by("created_at")
        ],
        "network_actions_owned": [
            {"action": a.text, "due_on": plain(a.due_on), "meeting": str(a.entry.record.meeting)}
            for a in NetworkAction.objects.filter(owner=person)
            .select_related("entry__record__meeting")
            .order_by("created_at")
        ],
    }
