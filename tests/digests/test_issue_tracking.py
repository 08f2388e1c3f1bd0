"""Issues for commissioners as tracked items: tracked when a case passes the gate, responded to and moved through
their statuses with a history, grouped across sites, the site told once per change (email and the next meeting's
agenda), and the responses given before tracking copied into the histories."""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from audit.models import AuditEvent
from cases.models import CommissionerIssue, IssueGroup, IssueStatus, IssueUpdate, IssueUpdateDelivery
from cases.services import issues, lifecycle
from cycle.models import AgendaItem
from cycle.services import agenda
from digests.content import months_between, tracked_issues
from digests.models import CommissionerResponse
from tests.digests.conftest import CLEAN, ISSUE_HOUSING, ISSUE_WEEKEND
from tests.factories import MeetingFactory, MembershipFactory, UserFactory, at

pytestmark = pytest.mark.django_db


def item(case) -> CommissionerIssue:
    return CommissionerIssue.objects.get(case=case)


def test_a_case_raises_a_tracked_issue_when_it_is_shared_never_as_a_draft(site, member):
    case = lifecycle.create_case(site=site, by=member, title="Weekend", presentation=CLEAN, commissioner_issues="x")
    assert not CommissionerIssue.objects.filter(case=case).exists()
    lifecycle.share_case(case=case, by=member)
    assert item(case).status == IssueStatus.RAISED
    quiet = lifecycle.create_case(site=site, by=member, title="Quiet", presentation=CLEAN)
    lifecycle.share_case(case=quiet, by=member)
    assert not CommissionerIssue.objects.filter(case=quiet).exists(), "no issues, nothing to track"
    lifecycle.update_case(case=quiet, by=member, commissioner_issues=ISSUE_WEEKEND)  # added after sharing
    assert item(quiet).status == IssueStatus.RAISED


def test_the_history_keeps_every_response_and_status_in_order(programme, commissioner):
    issue = item(programme["housing"])
    other = UserFactory(is_commissioner=True, name="Sam Second")
    issues.respond_to_issue(issue=issue, by=commissioner, text="We have read this.", status="acknowledged")
    issues.respond_to_issue(issue=issue, by=other, status="under_review")
    issues.respond_to_issue(issue=issue, by=other, text="The panel will meet fortnightly from March.")
    issues.respond_to_issue(issue=issue, by=commissioner, status="action_taken")
    issue.refresh_from_db()
    steps = [(u.author, u.from_status, u.to_status, bool(u.text)) for u in issue.updates.all()]
    assert steps == [
        (commissioner, "raised", "acknowledged", True),
        (other, "acknowledged", "under_review", False),
        (other, "under_review", "under_review", True),
        (commissioner, "under_review", "action_taken", False),
    ]
    assert issue.status == "action_taken" and issue.first_response_at == issue.updates.first().created_at
    assert AuditEvent.objects.filter(target_type="cases.commissionerissue", target_id=str(issue.pk)).count() == 4


@pytest.mark.parametrize(
    ("text", "status", "message"),
    [
        ("", "no_action", "Give the reason"),
        ("", "raised", "Write a response or choose a new status"),
        ("Nothing to add", "nonsense", "Choose one of the statuses"),
    ],
)
def test_updates_that_say_nothing_or_lack_a_reason_are_refused(programme, commissioner, text, status, message):
    with pytest.raises(ValidationError, match=message):
        issues.respond_to_issue(issue=item(programme["housing"]), by=commissioner, text=text, status=status)
    assert IssueUpdate.objects.count() == 0


def test_an_issue_never_goes_back_to_raised_and_no_action_keeps_its_reason(programme, commissioner):
    issue = item(programme["housing"])
    issues.respond_to_issue(
        issue=issue, by=commissioner, text="Out of our remit: the council decides.", status="no_action"
    )
    with pytest.raises(ValidationError, match="cannot go back"):
        issues.respond_to_issue(issue=issue, by=commissioner, text="Reopened", status="raised")
    assert item(programme["housing"]).updates.get().text.startswith("Out of our remit")


def test_only_commissioners_respond(programme, member, facilitator, programme_admin):
    for person in (member, facilitator, programme_admin):
        with pytest.raises(PermissionDenied):
            issues.respond_to_issue(issue=item(programme["housing"]), by=person, text="Noted.", status="acknowledged")


def test_the_presenter_and_the_sites_facilitators_are_told_once_per_change(
    programme, commissioner, outsider, other_facilitator, mailoutbox, django_capture_on_commit_callbacks
):
    issue = item(programme["housing"])
    with django_capture_on_commit_callbacks(execute=True):
        update = issues.respond_to_issue(issue=issue, by=commissioner, text="Under way.", status="under_review")
    assert sorted(m.to[0] for m in mailoutbox) == sorted([outsider.email, other_facilitator.email])
    assert "Under review" in mailoutbox[0].subject and "Under way." in mailoutbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        assert issues.notify_site_of_update(update=update) == 0  # sent twice: no second email
    assert len(mailoutbox) == 2 and IssueUpdateDelivery.objects.count() == 2
    with django_capture_on_commit_callbacks(execute=True):  # a further change is a new email
        issues.respond_to_issue(issue=issue, by=commissioner, status="action_taken")
    assert len(mailoutbox) == 4 and "Action taken" in mailoutbox[-1].subject


def test_the_next_meeting_of_the_site_carries_the_update_on_its_agenda(programme, commissioner, other_site):
    housing = programme["housing"]
    upcoming = MeetingFactory(site=other_site, starts_at=at(timezone.localdate() + timedelta(days=10)))
    agenda.refresh_agenda(meeting=upcoming)
    assert not AgendaItem.objects.filter(meeting=upcoming, kind="issue").exists(), "nothing new to hear yet"
    issues.respond_to_issue(issue=item(housing), by=commissioner, text="Reviewing.", status="under_review")
    agenda.refresh_agenda(meeting=upcoming)
    added = AgendaItem.objects.get(meeting=upcoming, kind="issue")
    assert added.case == housing and added.title == "Commissioners: under review"
    cp1 = MeetingFactory(site=programme["weekend"].site, starts_at=upcoming.starts_at)
    agenda.refresh_agenda(meeting=cp1)
    assert not AgendaItem.objects.filter(meeting=cp1, kind="issue").exists(), "another site hears nothing"


def test_the_same_issue_at_several_sites_is_grouped_by_theme_and_by_hand(programme, commissioner, programme_admin):
    listing = tracked_issues()
    by_name = {group["name"]: group for group in listing["groups"]}
    accommodation = by_name["Lack of suitable accommodation"]
    assert {e["site"] for e in accommodation["entries"]} == {"CP1", "CP3"}
    assert accommodation["span"].startswith("raised at 2 sites over")
    shared = item(programme["shared"])  # no theme: listed apart until grouped by hand
    group = issues.group_issues(issue=shared, with_issue=item(programme["housing"]), by=programme_admin)
    assert group.name == "Lack of suitable accommodation"
    assert set(group.issues.values_list("case__title", flat=True)) == {
        "Day centre hours",
        "Waiting for supported housing",
    }
    # Grouping with an item of another group brings that whole group along.
    issues.group_issues(issue=item(programme["weekend"]), with_issue=shared, by=commissioner)
    assert IssueGroup.objects.get(pk=group.pk).issues.count() == 3
    listing = tracked_issues()
    grouped = next(g for g in listing["groups"] if g["kind"] == "Grouped by hand")
    assert len(grouped["entries"]) == 3 and grouped["site_count"] == 2
    issues.ungroup_issue(issue=shared, by=commissioner)
    assert item(programme["shared"]).group is None


def test_grouping_is_refused_to_people_who_do_not_follow_issues(programme, member):
    with pytest.raises(PermissionDenied):
        issues.group_issues(issue=item(programme["shared"]), with_issue=item(programme["housing"]), by=member)


def test_the_list_filters_by_status_and_theme(programme, commissioner):
    issues.respond_to_issue(issue=item(programme["housing"]), by=commissioner, text="Done.", status="closed")
    texts = lambda listing: {e["issues"] for g in listing["groups"] for e in g["entries"]}  # noqa: E731
    assert ISSUE_HOUSING not in texts(tracked_issues())  # open only by default
    assert (
        ISSUE_HOUSING in texts(tracked_issues(status="closed")) and len(tracked_issues(status="closed")["groups"]) == 1
    )
    assert ISSUE_HOUSING in texts(tracked_issues(status="all"))
    theme = programme["housing"].themes.get()
    assert texts(tracked_issues(status="all", theme_id=theme.pk)) == {ISSUE_HOUSING, ISSUE_WEEKEND}


def test_months_are_counted_by_calendar_month():
    d = timezone.localdate().replace(day=1)
    assert months_between(d, d) == 1
    assert months_between(d.replace(year=2026, month=1), d.replace(year=2026, month=7)) == 7


def test_the_migration_copies_every_earlier_response_into_the_history(programme, commissioner):
    """The responses written before issues were tracked (digests 0004): every one is kept, in order, and the first
    acknowledges its item."""
    CommissionerIssue.objects.all().delete()
    colleague = UserFactory(is_commissioner=True)
    now = timezone.now()
    first = CommissionerResponse.objects.create(
        case=programme["housing"], responder=commissioner, text="First.", created_at=now - timedelta(days=3)
    )
    CommissionerResponse.objects.create(
        case=programme["housing"], responder=colleague, text="Second.", created_at=now - timedelta(days=1)
    )
    CommissionerResponse.objects.create(case=programme["weekend"], responder=commissioner, text="Weekend reply.")
    migration = importlib.import_module("digests.migrations.0004_responses_into_issue_histories")
    migration.track_and_copy(apps, None)
    housing = item(programme["housing"])
    assert [(u.author, u.text, u.from_status, u.to_status) for u in housing.updates.all()] == [
        (commissioner, "First.", "raised", "acknowledged"),
        (colleague, "Second.", "acknowledged", "acknowledged"),
    ]
    assert housing.status == "acknowledged" and housing.first_response_at == first.created_at
    assert item(programme["weekend"]).updates.get().text == "Weekend reply."
    assert item(programme["shared"]).status == "raised" and not item(programme["shared"]).updates.exists()
    assert not CommissionerIssue.objects.filter(case=programme["draft"]).exists()
    assert CommissionerResponse.objects.count() == 3, "the old rows are kept"
    migration.track_and_copy(apps, None)  # run again: nothing doubles
    assert IssueUpdate.objects.count() == 3


def test_a_facilitator_who_left_is_not_told(
    programme, commissioner, other_site, mailoutbox, django_capture_on_commit_callbacks
):
    left = MembershipFactory(site=other_site, role="facilitator", left=timezone.localdate() - timedelta(days=1)).person
    with django_capture_on_commit_callbacks(execute=True):
        issues.respond_to_issue(issue=item(programme["housing"]), by=commissioner, text="Noted.", status="acknowledged")
    assert left.email not in {m.to[0] for m in mailoutbox}
