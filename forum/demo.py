"""Demo forum: a question on the programme board from another site, answered from CP1, and a topic on CP1's board."""

from django.utils import timezone

from cases.demo import WEEKEND_TITLE
from cases.models import Case
from forum import services
from forum.models import Thread, ThreadKind
from members.models import User
from sites.models import Membership, MembershipRole, Site

STOKE_TITLE = "Anyone found a way into dual-diagnosis services in Stoke?"


def create_demo_forum() -> bool:
    site = Site.objects.filter(code="CP1").first()
    member = User.objects.filter(email="member@example.org").first()
    facilitator = User.objects.filter(email="facilitator@example.org").first()
    if site is None or member is None or Thread.objects.filter(title=STOKE_TITLE).exists():
        return False
    elsewhere = (
        Membership.objects.current(timezone.localdate())
        .exclude(site=site)
        .filter(role=MembershipRole.MEMBER)
        .select_related("person")
        .first()
    )
    asker = elsewhere.person if elsewhere else facilitator
    question = services.start_topic(
        by=asker,
        title=STOKE_TITLE,
        body="We keep being told the person must stop drinking before the mental health team will see them. "
        "Has anyone found a way in?",
    )
    services.add_post(
        thread=question.thread,
        by=member,
        body="In Brighton the **dual-diagnosis worker** takes referrals straight from housing support. Worth asking "
        "whether Stoke has the same post: it saved us months.",
    )
    services.start_topic(
        by=facilitator,
        site=site,
        title="Room for next month's meeting",
        body="The usual room is booked. Does anyone's agency have a room for twelve on the second Tuesday?",
    )
    weekend = Case.objects.filter(site=site, title=WEEKEND_TITLE).exclude(status="draft").first()
    if weekend is not None:
        thread = services.thread_for_case(case=weekend, kind=ThreadKind.CASE)
        services.add_post(
            thread=thread,
            by=facilitator,
            body="Since the meeting the liaison team has shared the weekend plan with the out-of-hours GP service.",
        )
    return True
