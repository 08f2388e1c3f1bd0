"""`{% commissioner_responses case %}`: commissioners' responses to a case's issues, for the case page."""

from django import template

from digests.selectors import responses_for

register = template.Library()


@register.inclusion_tag("digests/_case_responses.html")
def commissioner_responses(case):
    return {"responses": responses_for(case)}
