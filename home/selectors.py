"""What a person sees on their home page: their sites, next meetings and what waits for them."""

from django.utils import timezone

from cases.selectors.cases import cases_presented_by
from cases.selectors.evidence import broker_queue
from digests.selectors import commissioner_home
from evaluation.selectors import open_rounds_for, open_surveys_for
from forum.selectors import whats_new
from sites.models import Invitation, Membership
from sites.selectors.sites import upcoming_meetings_for


def home_page(user) -> dict:
    memberships = list(
        Membership.objects.current(timezone.localdate())
        .filter(person=user)
        .select_related("site")
        .order_by("site__code")
    )
    waiting = []
    facilitated = [m.site for m in memberships if m.is_facilitator]
    if facilitated:
        pending = Invitation.objects.pending().filter(site__in=facilitated).count()
        if pending:
            waiting.append(
                {
                    "label": f"{pending} invitation{'s' if pending != 1 else ''} not yet accepted",
                    "url_name": "memberships:invitations",
                }
            )
    return {
        "memberships": memberships,
        "next_meetings": upcoming_meetings_for(user),
        "waiting": waiting,
        "cases_i_present": cases_presented_by(user),
        "evaluation": {"surveys": open_surveys_for(user), "rounds": open_rounds_for(user)},
        "commissioner": commissioner_home(user),
        "forum": whats_new(user),
        "question_queue": broker_queue(user),
    }
