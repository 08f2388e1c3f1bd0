from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import Outcome
from cases.services import evidence as evidence_services
from cases.services import lifecycle
from tests.factories import MeetingFactory, at


@pytest.mark.django_db
def test_dashboard_counts_cases_discussed_followed_up_and_outcomes_never_drafts(client, site, member, facilitator):
    today = timezone.localdate()
    first = MeetingFactory(site=site, starts_at=at(today - timedelta(days=40)))
    second = MeetingFactory(site=site, starts_at=at(today - timedelta(days=10)))
    for outcome in (Outcome.MAINTENANCE, Outcome.PREVENTION):
        case = lifecycle.create_case(
            site=site, by=member, title=f"Case {outcome}", presentation="A woman in her thirties."
        )
        lifecycle.share_case(case=case, by=member)
        lifecycle.record_discussion(case=case, by=facilitator, meeting=first)
        lifecycle.record_follow_up(case=case, by=member, meeting=second, what_happened="Stable.", outcome=outcome)
    lifecycle.create_case(site=site, by=member, title="A draft", presentation="Not shared.")

    client.force_login(facilitator)
    context = client.get(reverse("evaluation:dashboard")).context
    assert context["cases"]["total_discussed"] == 2 and context["cases"]["total_followed_up"] == 2
    assert dict(context["outcomes"]["rows"]) == {
        "Recovery: things changed for the better": 0,
        "Maintenance: stable, not worse": 1,
        "Prevention: a crisis was avoided": 1,
    }


@pytest.mark.django_db
def test_dashboard_counts_evidence_added_and_attached_to_the_sites_cases(client, site, member, facilitator, broker):
    case = lifecycle.create_case(site=site, by=member, title="Weekend crises", presentation="A man in his forties.")
    lifecycle.share_case(case=case, by=member)
    first = evidence_services.add_evidence(by=broker, title="Crisis plans that work")
    evidence_services.add_evidence(by=broker, title="Housing first in England")
    evidence_services.attach_evidence(case=case, evidence=first, by=broker)
    client.force_login(facilitator)
    assert client.get(reverse("evaluation:dashboard")).context["evidence"] == {"added": 2, "linked": 1}
