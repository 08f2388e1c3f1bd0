import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditAction, AuditEvent
from members.data_rights import erase_person
from sites.models import Membership
from tests.factories import AttendanceFactory, MeetingFactory, MembershipFactory, at


@pytest.mark.django_db
def test_a_person_downloads_everything_held_about_them(client, member, site):
    meeting = MeetingFactory(site=site, starts_at=at(timezone.localdate().replace(day=1)))
    AttendanceFactory(meeting=meeting, person=member)
    client.force_login(member)
    response = client.get(reverse("members:my_data_download"))
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["profile"]["email"] == member.email and data["profile"]["name"] == member.name
    assert data["memberships"][0]["site"] == "CP1"
    assert data["attendance"][0]["status"] == "present"
    assert AuditEvent.objects.filter(actor_id=member.pk, action=AuditAction.EXPORTED).exists()


@pytest.mark.django_db
def test_erasure_replaces_name_and_email_but_keeps_attendance(client, programme_admin, member, site):
    meeting = MeetingFactory(site=site)
    AttendanceFactory(meeting=meeting, person=member)
    membership = Membership.objects.get(person=member)
    with pytest.raises(ValidationError):
        erase_person(person=member, erased_by=programme_admin)  # still a current member
    membership.left = timezone.localdate()
    membership.left_reason = "moved job"
    membership.save()

    client.force_login(programme_admin)
    response = client.post(reverse("members:erase", args=[member.pk]))
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.name == f"Former member {member.pk:05d}"
    assert member.email.endswith("@invalid.example") and not member.is_active and not member.has_usable_password()
    assert member.attendances.count() == 1 and member.job_title
    assert AuditEvent.objects.filter(action=AuditAction.ERASED, target_id=str(member.pk)).exists()


@pytest.mark.django_db
def test_only_programme_admins_can_erase(client, facilitator, member):
    client.force_login(facilitator)
    assert client.post(reverse("members:erase", args=[member.pk])).status_code == 404


@pytest.mark.django_db
def test_privacy_notice_is_public(client):
    response = client.get(reverse("privacy"))
    assert response.status_code == 200 and "UK GDPR" in response.content.decode()


# A person's copy holds everything they wrote, and erasure leaves their name nowhere.
def _written_by(member, colleague, site):
    """A member who presented a case, asked about it, posted and was mentioned in the forum, and answered a survey
    beside a colleague."""
    from datetime import timedelta

    from cases.services import evidence, lifecycle
    from evaluation import services as evaluation_services
    from forum import services as forum_services
    from tests.evaluation.conftest import answer

    case = lifecycle.create_case(site=site, by=member, title="Weekend crises", presentation="A&E every weekend.")
    lifecycle.share_case(case=case, by=member)
    evidence.ask_question(case=case, by=member, text="Is there evidence on weekend crisis plans?")
    post = forum_services.start_topic(by=member, title="Dual diagnosis", body="Anyone found a way into services?")
    reply = forum_services.add_post(thread=post.thread, by=colleague, body=f"@{member.name} try the recovery hub.")
    forum_services.edit_post(post=reply, by=colleague, body=f"@{member.name} try the recovery hub on Tuesdays.")
    survey = evaluation_services.start_report_survey(created_by=colleague)
    today = timezone.localdate()
    evaluation_services.open_survey(survey=survey, sites=[site], opens_on=today, closes_on=today + timedelta(days=7))
    answer(survey, member, text="My own answer about networks")
    answer(survey, colleague, text="A colleague's answer")
    return case


@pytest.mark.django_db
def test_my_data_has_my_posts_cases_questions_and_only_my_survey_answers(client, member, site):
    _written_by(member, MembershipFactory(site=site, person__name="Cole Colleague").person, site)
    client.force_login(member)
    data = json.loads(client.get(reverse("members:my_data_download")).content)
    assert [p["text"] for p in data["forum_posts"]] == ["Anyone found a way into services?"]
    assert [c["title"] for c in data["presented_cases"]] == ["Weekend crises"]
    assert data["presented_cases"][0]["presentation"] == "A&E every weekend."
    assert [q["question"] for q in data["questions_asked"]] == ["Is there evidence on weekend crisis plans?"]
    texts = [a["text"] for a in data["survey_answers"] if a["text"]]
    assert texts and set(texts) == {"My own answer about networks"}
    assert "A colleague's answer" not in json.dumps(data) and "recovery hub" not in json.dumps(data)


# Every link from a table to a person: in their copy (the section named), or left out for the reason given.
EXPORTED = {
    "sites.Membership.person": "memberships", "sites.Attendance.person": "attendance",
    "sites.MeetingReply.person": "meeting_replies", "sites.GroundRulesAgreement.person": "ground_rules_agreements",
    "cpd.ReflectiveNote.person": "reflective_notes",
    "forum.Post.author": "forum_posts", "forum.PostReport.reported_by": "forum_reports_made",
    "cases.Case.presenters": "presented_cases", "cases.FollowUp.recorded_by": "follow_ups_reported",
    "cases.Question.asked_by": "questions_asked", "cases.ActionItem.owner": "case_actions_owned",
    "evaluation.Response.respondent": "survey_answers", "evaluation.Assessment.respondent": "self_assessments",
    "audit.AuditEvent.actor": "security", "mfa.Authenticator.user": "security",
    "socialaccount.SocialAccount.user": "security", "members.JobHistory.person": "job_history",
    "evaluation.ImprovementAction.owner": "improvement_actions_owned",
    "sites.FacilitatorTraining.person": "facilitator_training",
    "network.NetworkInvitee.person": "network_invitations", "network.NetworkAttendance.person": "network_attendance",
    "network.NetworkAgendaItem.proposed_by": "network_agenda_items_proposed",
    "network.NetworkAction.owner": "network_actions_owned",
    "cases.IssueUpdate.author": "issue_responses", "cycle.MeetingGuest.person": "meeting_invitations",
    "digests.CommissionerResponse.responder": "earlier_issue_responses",
}  # fmt: skip
NOT_EXPORTED = {
    "recorded as who did a task in their role (the audit log in the copy lists their actions)": [
        "api.ApiToken.revoked_by", "newsletters.NewsletterIssue.approved_by", "evaluation.FocusGroup.recorded_by",
        "evaluation.AssessmentRound.opened_by", "evaluation.Survey.created_by", "toolkit.SiteChecklistItem.updated_by",
        "toolkit.WarningThresholds.updated_by", "forum.Post.deleted_by", "forum.PostRevision.replaced_by",
        "forum.PostFinding.dismissed_by", "forum.PostReport.resolved_by", "cycle.AgendaPublication.published_by",
        "cycle.RecordVersion.approved_by", "cases.Case.created_by", "cases.CaseTransition.by", "cases.CaseRevision.by",
        "cases.Evidence.added_by", "cases.EvidenceLink.added_by", "cases.Question.answered_by",
        "cases.Finding.dismissed_by", "cases.Finding.reopened_by", "sites.Expense.recorded_by",
        "sites.ExpertConsent.recorded_by", "sites.MeetingChange.changed_by", "sites.MeetingSeries.created_by",
        "sites.GroundRulesVersion.created_by", "sites.MeetingPaper.added_by",
        "sites.Invitation.invited_by", "sites.Invitation.accepted_by", "admin.LogEntry.user",
        "digests.Digest.requested_by", "forum.Thread.started_by", "cases.KnownTerm.changed_by",
        "cases.Finding.confirmed_by", "forum.PostFinding.confirmed_by", "members.JobHistory.recorded_by",
        "recruitment.Agency.added_by", "recruitment.Approach.recorded_by", "recruitment.SeniorSponsor.recorded_by",
        "recruitment.HostSiteCall.opened_by", "recruitment.HostSiteApplication.decided_by",
        "recruitment.ApplicationScore.reviewer",
        "evaluation.ImprovementPlan.written_by", "sites.GuestSpeaker.added_by", "sites.FacilitatorTraining.recorded_by",
        "cases.IssueGroup.created_by", "cycle.MeetingGuest.invited_by", "network.NetworkMeeting.created_by",
        "network.NetworkInvitee.added_by", "network.NetworkRecord.approved_by",
        "toolkit.ClosingNotice.sent_by",
    ],
    "delivery bookkeeping: which emails were sent to them, not what they wrote": [
        "newsletters.Delivery.person", "forum.Delivery.recipient", "cycle.AgendaDelivery.person",
        "cycle.RecordDelivery.person", "sites.MeetingReminder.person", "cases.IssueUpdateDelivery.person",
        "toolkit.ClosingNotice.person",
    ],
    "settings and reading state, not personal records": [
        "api.ApiToken.user", "digests.DigestSubscription.person", "newsletters.NewsletterPreference.person",
        "forum.ThreadFollow.person", "forum.ReadMarker.person", "forum.ForumPreference.person",
        "account.EmailAddress.user", "forum.Post.mentions", "members.MeetingEmailPreference.person",
    ],
    "to do: not yet in the copy": [
        "cycle.RecordAction.owner", "cycle.RecordComment.author",
        "sites.ExpertConsent.expert", "sites.ExpertPayment.expert",
    ],
}  # fmt: skip


def _links_to_people() -> set[str]:
    from django.apps import apps
    from django.conf import settings

    user = apps.get_model(settings.AUTH_USER_MODEL)
    return {
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.is_relation and field.related_model is user and not field.auto_created
        and (field.many_to_one or field.many_to_many or field.one_to_one)
    }  # fmt: skip


@pytest.mark.django_db
def test_every_link_to_a_person_is_in_their_copy_or_left_out_for_a_reason(member):
    from members.data_rights import export_personal_data

    decided = set(EXPORTED) | {link for links in NOT_EXPORTED.values() for link in links}
    links = _links_to_people()
    assert sorted(links - decided) == [], "a new link to a person: add it to the copy, or say why not"
    assert sorted(decided - links) == []
    sections = export_personal_data(member)
    assert {section for section in EXPORTED.values() if section not in sections} == set()


def _texts_holding(name: str) -> list[str]:
    """Every text column of every table that holds `name` (the audit log is append-only and keeps its rows as they
    were written: it is the record of who did what)."""
    from django.apps import apps
    from django.db import models

    found = []
    for model in apps.get_models():
        if model._meta.label == "audit.AuditEvent":
            continue
        for field in model._meta.concrete_fields:
            text = isinstance(field, (models.CharField, models.TextField))
            if text and model._default_manager.filter(**{f"{field.name}__icontains": name}).exists():
                found.append(f"{model._meta.label}.{field.name}")
    return found


@pytest.mark.django_db
def test_erasure_leaves_the_name_in_no_text_anywhere(programme_admin, member, site):
    name = member.name
    _written_by(member, MembershipFactory(site=site, person__name="Cole Colleague").person, site)
    Membership.objects.filter(person=member).update(left=timezone.localdate(), left_reason="moved job")
    erase_person(person=member, erased_by=programme_admin)
    found = _texts_holding(name)
    assert found == [], f"the erased name is still in: {found}"


def _commissioner_at_work(commissioner, member, facilitator, site):
    """A commissioner who answered an issue raised at the site (and moved it on), answered in the retired table
    before that, and is invited to the site's next meeting."""
    from datetime import timedelta

    from cases.services import issues, lifecycle
    from cycle.services import guests
    from digests.models import CommissionerResponse

    case = lifecycle.create_case(site=site, by=member, title="Weekend crises", presentation="A&E every weekend.",
                                 commissioner_issues="No crisis cover at weekends.")  # fmt: skip
    lifecycle.share_case(case=case, by=member)
    issues.respond_to_issue(issue=case.commissioner_issue, by=commissioner, text="We are reviewing weekend cover.",
                            status="under_review")  # fmt: skip
    CommissionerResponse.objects.create(case=case, responder=commissioner, text="Noted at the quarterly review.")
    meeting = MeetingFactory(site=site, starts_at=at(timezone.localdate() + timedelta(days=7)))
    return guests.invite_commissioner(meeting=meeting, person=commissioner, invited_by=facilitator)


@pytest.mark.django_db
def test_a_commissioners_copy_holds_their_responses_and_the_meetings_they_were_invited_to(
    client, commissioner, member, facilitator, site
):
    guest = _commissioner_at_work(commissioner, member, facilitator, site)
    client.force_login(commissioner)
    data = json.loads(client.get(reverse("members:my_data_download")).content)
    [response] = data["issue_responses"]
    assert response["response"] == "We are reviewing weekend cover." and response["site"] == "CP1"
    assert (response["status_from"], response["status_to"]) == ("raised", "under_review")
    assert [r["response"] for r in data["earlier_issue_responses"]] == ["Noted at the quarterly review."]
    [invitation] = data["meeting_invitations"]
    assert invitation["site"] == "CP1" and invitation["invited_by"] == facilitator.name
    assert invitation["meeting"] == timezone.localtime(guest.meeting.starts_at).isoformat()
    assert invitation["withdrawn"] is None
    # The member's copy has none of the commissioner's writing.
    client.force_login(member)
    theirs = json.loads(client.get(reverse("members:my_data_download")).content)
    assert theirs["issue_responses"] == [] and theirs["meeting_invitations"] == []


@pytest.mark.django_db
def test_erasing_a_commissioner_withdraws_their_invitations_and_keeps_the_answers_under_the_pseudonym(
    client, programme_admin, commissioner, member, facilitator, site
):
    from cases.models import IssueUpdate
    from cycle.models import MeetingGuest

    name = commissioner.name
    guest = _commissioner_at_work(commissioner, member, facilitator, site)
    erase_person(person=commissioner, erased_by=programme_admin)
    assert _texts_holding(name) == []
    guest.refresh_from_db()
    assert guest.withdrawn_at is not None and not MeetingGuest.objects.standing().exists()
    update = IssueUpdate.objects.get(author=commissioner)
    assert update.text == "We are reviewing weekend cover."  # the site's record of the answer it got
    client.force_login(programme_admin)
    page = client.get(reverse("digests:issue", args=[update.issue_id])).content.decode()
    assert f"Former member {commissioner.pk:05d}" in page and name not in page
