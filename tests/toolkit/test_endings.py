"""Closing a site: the steps, the refusals while a step that must come first is not done, what closing does (status,
memberships, invitations, audit) and what stops for a closed site (reminders, series, health alerts, writing)."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditAction, AuditEvent
from cases.models import Case, CaseStatus
from cases.services import lifecycle
from evaluation.dashboard import Period, programme_dashboard
from sites.models import Invitation, Meeting, MeetingReminder, MeetingSeries, Membership, MembershipRole, SiteStatus
from sites.services.invitations import invite_person
from sites.services.reminders import send_meeting_reminders
from sites.services.series import plan_series_meetings
from tests.factories import MeetingFactory, MembershipFactory, SiteFactory, at
from tests.html import parse, select, text
from tests.security.world import build_case
from toolkit.models import ClosingNotice, ClosingNoticeKind, HealthStatus, SiteHealthChange
from toolkit.selectors import health_overview
from toolkit.services import endings, health

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


@pytest.fixture
def held(site):
    """The site's last meeting, held a week ago."""
    return MeetingFactory(site=site, starts_at=at(TODAY() - timedelta(days=7)))


@pytest.fixture
def draft(site, member):
    return lifecycle.create_case(site=site, by=member, title="Weekend crises", presentation="A man in his forties.")


def page(client, site):
    response = client.get(reverse("toolkit:close_site", args=[site.pk]))
    assert response.status_code == 200
    return parse(response.content)


def step_text(tree, step: str) -> str:
    return text(select(tree, f"#step-{step}")[0])


def links_to(tree, url: str) -> bool:
    return bool(select(tree, f'a[href="{url}"]'))


def ready_to_close(site, by, *, now=None):
    endings.send_closing_thanks(site=site, by=by, now=now)
    if endings.closing_state(site, now=now).presenters_to_tell:
        endings.tell_draft_presenters(site=site, by=by, now=now)


# The steps
def test_the_page_shows_each_step_with_its_state(client, programme_admin, site, member, facilitator, held, draft):
    upcoming = MeetingFactory(site=site, starts_at=at(TODAY() + timedelta(days=10)))
    client.force_login(programme_admin)
    tree = page(client, site)
    meeting = step_text(tree, "meeting")
    assert "To do first" in meeting and "1 meeting is still scheduled" in meeting
    assert links_to(tree, reverse("sites:meeting_cancel", args=[upcoming.pk]))
    assert "2 people have not been thanked yet" in step_text(tree, "thanks")
    cases = step_text(tree, "drafts")
    assert "Drafts never shared: 1" in cases and "Tell the presenters first: Morgan Member" in cases
    assert "deleted automatically 365 days after their last change" in cases
    members = step_text(tree, "members")
    assert "2 memberships end on the closing date" in members
    assert "0 of the current members and facilitators belong to another site" in members
    close = step_text(tree, "close")
    assert "Not ready to close yet" in close and "1 meeting is still scheduled" in close


def test_closing_is_refused_while_a_meeting_is_still_scheduled_and_nothing_is_lost(
    client, programme_admin, site, member, facilitator, held
):
    upcoming = MeetingFactory(site=site, starts_at=at(TODAY() + timedelta(days=10)))
    ready_to_close(site, programme_admin)
    client.force_login(programme_admin)
    response = client.post(
        reverse("toolkit:close_site", args=[site.pk]), {"ended_on": TODAY().isoformat(), "reason": "Funding ended."}
    )
    assert response.status_code == 200
    tree = parse(response.content)
    assert "cannot close yet. 1 meeting is still scheduled" in text(tree)
    assert text(select(tree, 'textarea[name="reason"]')[0]) == "Funding ended."  # what was typed is kept
    site.refresh_from_db()
    upcoming.refresh_from_db()
    assert site.status == SiteStatus.ACTIVE and site.ended_on is None
    assert not upcoming.is_cancelled
    assert Membership.objects.filter(site=site, left__isnull=True).count() == 2


def test_closing_is_refused_until_members_are_thanked_and_presenters_told(programme_admin, site, member, held, draft):
    with pytest.raises(ValidationError) as refused:
        endings.close_site(site=site, closed_by=programme_admin, ended_on=TODAY(), reason="Funding ended.")
    message = " ".join(refused.value.messages)
    assert "have not been thanked" in message and "presenters of draft cases have not been told" in message
    endings.send_closing_thanks(site=site, by=programme_admin)
    with pytest.raises(ValidationError, match="presenters of draft cases"):
        endings.close_site(site=site, closed_by=programme_admin, ended_on=TODAY(), reason="Funding ended.")
    site.refresh_from_db()
    assert site.status == SiteStatus.ACTIVE


@pytest.mark.parametrize(
    ("days", "reason", "problem"),
    [(1, "Funding ended.", "cannot be in the future"), (-8, "Funding ended.", "before the last meeting"),
     (0, "  ", "Say why the site is closing")],
)  # fmt: skip
def test_closing_date_and_reason_are_checked(programme_admin, site, held, days, reason, problem):
    with pytest.raises(ValidationError, match=problem):
        endings.close_site(site=site, closed_by=programme_admin, ended_on=TODAY() + timedelta(days=days), reason=reason)


def test_the_thank_you_is_sent_once_to_each_current_member(
    programme_admin, site, member, facilitator, held, django_capture_on_commit_callbacks
):
    MembershipFactory(site=site, left=TODAY() - timedelta(days=30))  # left already: not thanked
    with django_capture_on_commit_callbacks(execute=True):
        assert endings.send_closing_thanks(site=site, by=facilitator) == 2
    assert sorted(message.to[0] for message in mail.outbox) == sorted([member.email, facilitator.email])
    assert "Thank you from the Brighton Community of Practice" in mail.outbox[0].subject
    with pytest.raises(ValidationError, match="Everyone has been thanked already"):
        endings.send_closing_thanks(site=site, by=programme_admin)
    newcomer = MembershipFactory(site=site, person__name="Nia Newcomer").person
    with django_capture_on_commit_callbacks(execute=True):
        assert endings.send_closing_thanks(site=site, by=programme_admin) == 1  # only the person not yet thanked
    assert [message.to for message in mail.outbox[2:]] == [[newcomer.email]]
    assert ClosingNotice.objects.filter(site=site, kind=ClosingNoticeKind.THANKS).count() == 3


def test_presenters_of_drafts_are_told_what_happens_to_them(
    programme_admin, site, member, held, draft, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert endings.tell_draft_presenters(site=site, by=programme_admin) == 1
    (message,) = mail.outbox
    assert message.to == [member.email]
    assert "Weekend crises" in message.body and "deleted automatically 365 days after the last change" in message.body
    assert "can no longer be shared" in message.body


# Closing
def test_closing_sets_the_status_ends_memberships_withdraws_invitations_and_is_audited(
    client, programme_admin, site, other_site, member, facilitator, held, draft
):
    MembershipFactory(site=other_site, person=member)  # carries on at another site
    invite_person(invited_by=programme_admin, email="new@example.org", role=MembershipRole.MEMBER, site=site)
    ready_to_close(site, programme_admin)
    client.force_login(programme_admin)
    assert "1 of the current members and facilitators belong to another site" in step_text(
        page(client, site), "members"
    )
    response = client.post(
        reverse("toolkit:close_site", args=[site.pk]), {"ended_on": TODAY().isoformat(), "reason": "Funding ended."}
    )
    assert response.status_code == 302
    site.refresh_from_db()
    assert (site.status, site.ended_on, site.ended_reason) == (SiteStatus.CLOSED, TODAY(), "Funding ended.")
    assert set(Membership.objects.filter(site=site).values_list("left", "left_reason")) == {
        (TODAY(), "The site closed.")
    }
    assert Membership.objects.current().filter(site=other_site, person=member).exists()  # the other site is untouched
    assert not Invitation.objects.pending().filter(site=site).exists()
    event = AuditEvent.objects.filter(action=AuditAction.CHANGED, target_id=str(site.pk)).latest("pk")
    assert event.actor_id == programme_admin.pk
    assert event.detail == f"closed on {TODAY().isoformat()}: 2 memberships ended, 1 invitations withdrawn"
    assert member.__class__.objects.filter(pk=member.pk, is_active=True).exists()  # accounts are kept
    assert Case.objects.filter(pk=draft.pk, status=CaseStatus.DRAFT).exists()  # the draft stays, for its presenter
    tree = page(client, site)
    assert "This site closed on" in text(tree) and not select(tree, "form.closing-form")


def test_cases_after_closing(client, programme_admin, broker, site, member, facilitator, held):
    world = SimpleNamespace(site=site, people={"member": member, "facilitator": facilitator})
    shared, published = build_case(world, "shared"), build_case(world, "published")
    draft = lifecycle.create_case(site=site, by=member, title="Still a draft", presentation="A woman in her fifties.")
    ready_to_close(site, programme_admin)
    endings.close_site(site=site, closed_by=programme_admin, ended_on=TODAY(), reason="Funding ended.")
    member, draft = member.__class__.objects.get(pk=member.pk), Case.objects.get(pk=draft.pk)  # as a new request
    client.force_login(member)
    assert client.get(reverse("cases:detail", args=[shared.pk])).status_code == 404  # former members: gone
    assert client.get(reverse("repository:detail", args=[published.pk])).status_code == 200  # stays in the repository
    assert client.get(reverse("cases:detail", args=[draft.pk])).status_code == 200  # the presenter still reads it
    assert not member.has_perm("cases.share_case", draft) and not member.has_perm("cases.change_case", draft)
    with pytest.raises(PermissionDenied):
        lifecycle.share_case(case=draft, by=member)
    client.force_login(broker)
    assert client.get(reverse("cases:detail", args=[shared.pk])).status_code == 200
    assert not broker.has_perm("cases.attach_evidence", shared)  # read-only for brokers too
    assert programme_admin.has_perm("cases.publish_case", shared.__class__.objects.get(pk=shared.pk))


def test_a_closed_site_is_read_only_for_everyone_but_programme_admins(programme_admin, site, member, facilitator, held):
    ready_to_close(site, programme_admin)
    endings.close_site(site=site, closed_by=programme_admin, ended_on=TODAY(), reason="Funding ended.")
    MembershipFactory(site=site, person=facilitator, role=MembershipRole.FACILITATOR)  # even with a role added since
    facilitator = facilitator.__class__.objects.get(pk=facilitator.pk)
    site.refresh_from_db()
    for perm in ("sites.manage_meetings", "sites.manage_members", "sites.add_expense", "sites.manage_ground_rules",
                 "toolkit.tick_checklist", "toolkit.prepare_closing"):  # fmt: skip
        assert not facilitator.has_perm(perm, site), perm
        assert programme_admin.has_perm(perm, site) or perm == "toolkit.prepare_closing", perm
    assert facilitator.has_perm("sites.view_site", site)
    assert not programme_admin.has_perm("toolkit.close_site", site)  # already closed


def test_reminders_series_and_health_alerts_stop_for_a_closed_site(programme_admin, site, member, facilitator, held):
    series = MeetingSeries.objects.create(
        site=site, weekday=1, starts_on=TODAY() + timedelta(days=60), start_time="14:00", end_time="16:00"
    )
    SiteHealthChange.objects.create(site=site, status=HealthStatus.AT_RISK)  # not yet announced
    ready_to_close(site, programme_admin)
    endings.close_site(site=site, closed_by=programme_admin, ended_on=TODAY(), reason="Funding ended.")
    site.refresh_from_db()
    assert plan_series_meetings(series=series) == []
    Meeting.objects.create(
        site=site, starts_at=at(TODAY() + timedelta(days=1)), ends_at=at(TODAY() + timedelta(days=1), 16)
    )
    assert send_meeting_reminders() == 0 and not MeetingReminder.objects.exists()
    assert health.assess_all_sites() == 0
    assert health.send_at_risk_alerts() == 0 and not mail.outbox


def test_only_a_programme_admin_closes_and_a_facilitator_prepares(
    client, programme_admin, site, member, facilitator, broker, outsider, held
):
    url = reverse("toolkit:close_site", args=[site.pk])
    form = {"ended_on": TODAY().isoformat(), "reason": "Funding ended."}
    client.force_login(facilitator)
    tree = page(client, site)
    assert select(tree, f'form[action="{reverse("toolkit:closing_step", args=[site.pk, "thanks"])}"]')
    assert not select(tree, "form.closing-form")
    assert client.post(url, form).status_code == 403
    assert client.post(reverse("toolkit:closing_step", args=[site.pk, "thanks"])).status_code == 302
    for person, expected in ((member, 403), (broker, 403), (outsider, 404)):
        client.force_login(person)
        assert client.get(url).status_code == expected
        assert client.post(reverse("toolkit:closing_step", args=[site.pk, "drafts"])).status_code == expected
    with pytest.raises(PermissionDenied):
        endings.close_site(site=site, closed_by=facilitator, ended_on=TODAY(), reason="Funding ended.")
    site.refresh_from_db()
    assert site.status == SiteStatus.ACTIVE


def test_the_site_page_links_to_closing_for_admins_and_facilitators_only(
    client, programme_admin, site, member, facilitator
):
    link = reverse("toolkit:close_site", args=[site.pk])
    for person, shown in ((programme_admin, True), (facilitator, True), (member, False)):
        client.force_login(person)
        assert links_to(parse(client.get(reverse("sites:detail", args=[site.pk])).content), link) is shown


def test_a_site_without_members_or_meetings_can_close(programme_admin):
    site = SiteFactory(code="CP9")
    closed = endings.close_site(site=site, closed_by=programme_admin, ended_on=TODAY(), reason="Never recruited.")
    assert closed.status == SiteStatus.CLOSED


def test_a_closed_site_leaves_the_active_lists_but_stays_in_the_dashboards_history(programme_admin, site, member, held):
    ready_to_close(site, programme_admin)
    endings.close_site(site=site, closed_by=programme_admin, ended_on=TODAY(), reason="Funding ended.")
    assert site.pk not in [each.pk for each in health_overview()]
    rows = programme_dashboard(programme_admin, period=Period())["meetings"]["rows"]
    assert [(row["site"].code, row["held"]) for row in rows] == [("CP1", 1)]
