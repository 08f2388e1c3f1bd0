from django import template

from cycle import selectors

register = template.Library()


@register.simple_tag
def meeting_agenda(meeting, user=None) -> selectors.MeetingAgenda:
    """`{% meeting_agenda meeting user as agenda %}`: the meeting's one agenda, for pages and emails of lower apps."""
    return selectors.meeting_agenda(meeting, user)


@register.filter
def agenda_heading(item) -> str:
    """An agenda item's heading, with its case's title only when the case is not a draft (site members
    may read shared cases; a draft is for its presenters and facilitators only)."""
    case = getattr(item, "case", None)
    if case is not None and not case.is_draft:
        return f"{item.title}: {case.title}"
    return item.title
