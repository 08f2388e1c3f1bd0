"""Personal data the sites app holds (collected by members.data_rights): a person's memberships, attendance and the
invitations sent to their address; erasure waits until they are no longer a current member."""

from django.core.exceptions import ValidationError

from members.data_rights import plain
from sites.models import FacilitatorTraining, GroundRulesAgreement, Invitation, MeetingReply, Membership


def export_personal_data(person) -> dict:
    return {
        "memberships": [
            {
                "site": m.site.code,
                "role": m.role,
                "joined": plain(m.joined),
                "left": plain(m.left),
                "left_reason": m.left_reason,
                "ground_rules_agreed_on": plain(m.ground_rules_agreed_on),
            }
            for m in Membership.objects.filter(person=person).select_related("site")
        ],
        "attendance": [
            {
                "site": a.meeting.site.code,
                "meeting": plain(a.meeting.starts_at),
                "status": a.status,
                "guest": a.is_guest,
            }
            for a in person.attendances.select_related("meeting__site").order_by("meeting__starts_at")
        ],
        "meeting_replies": [
            {
                "site": r.meeting.site.code,
                "meeting": plain(r.meeting.starts_at),
                "answer": r.answer,
                "note": r.note,
                "replied": plain(r.replied_at),
            }
            for r in MeetingReply.objects.filter(person=person).select_related("meeting__site").order_by("pk")
        ],
        "ground_rules_agreements": [
            {
                "site": a.version.site.code,
                "version": a.version.number,
                "agreed": plain(a.agreed_at),
                "how": a.get_source_display(),
            }
            for a in GroundRulesAgreement.objects.filter(person=person).select_related("version__site").order_by("pk")
        ],
        "invitations_received": [
            {
                "role": i.role,
                "site": i.site.code if i.site else None,
                "sent": plain(i.created_at),
                "accepted": plain(i.accepted_at),
            }
            for i in Invitation.objects.filter(email__iexact=person.email).select_related("site")
        ],
        "facilitator_training": [
            {"kind": t.get_kind_display(), "held_on": plain(t.held_on), "notes": t.notes}
            for t in FacilitatorTraining.objects.filter(person=person).order_by("held_on", "pk")
        ],
    }


def check_erasable(person) -> None:
    if Membership.objects.current().filter(person=person).exists():
        raise ValidationError("This person is still a current member of a site: end their membership first.")


def erase_personal_data(person, pseudonym: str) -> None:
    """Memberships and attendance stay (the matrix and the counts hold); invitations lose the address; the notes
    sent with meeting replies are emptied (the replies themselves stay, as the counts of a past meeting)."""
    MeetingReply.objects.filter(person=person).exclude(note="").update(note="")
    Invitation.objects.filter(email__iexact=person.email).update(email=f"erased-{person.pk}@invalid.example")
