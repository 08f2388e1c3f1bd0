"""`{% commissioner_responses case %}`: the status of a case's issues for commissioners and the commissioners'
updates to them, for the case page."""

from django import template

from digests.selectors import history_of, issue_of

register = template.Library()


@register.inclusion_tag("digests/_case_responses.html")
def commissioner_responses(case):
    issue = issue_of(case)
    return {"issue": issue, "updates": history_of(issue)}
