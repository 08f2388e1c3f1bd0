"""Every email the product sends, built from records that carry hostile text: site names and towns, people's names,
titles, questions, agendas, actions, forum posts. The HTML part shows none of it as markup or as a link; the subject
and the plain-text part show it exactly as typed (plain text is text: no `&amp;`, no `&lt;`).

EMAILS names each email template (templates/<app>/emails/<name>_subject.txt) with what sends it; a template with no
entry fails test_every_email_is_walked.
"""

import html
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from tests.factories import MeetingFactory, MembershipFactory, at
from tests.security.hostile import MARKER, live_markup
from tests.security.matrix import digest_of_commissioner, issue_raised_in_shared_case

PAYLOADS = [
    f'CP1 <meta http-equiv="refresh" content="0;url=https://{MARKER}.example/"> & co',
    f"[read the notes](https://{MARKER}.example/login) <b>{MARKER}</b>",
]


@dataclass(frozen=True)
class Email:
    send: Callable  # (world, text) -> None: sends the email through the code that sends it for real
    shows_typed_text: bool = True  # False for emails that carry nothing anyone typed


def _question_answered(w, text):
    from cases.models import Question
    from cases.services import evidence

    question = w.question()
    Question.objects.filter(pk=question.pk).update(text=text)
    question.refresh_from_db()
    evidence.answer_question(question=question, by=w.people["broker"], reply="See the attached study.")


def _meeting_reminder(w, text):
    from cycle.services import agenda
    from sites.services.reminders import send_meeting_reminders

    meeting = MeetingFactory(site=w.site, starts_at=timezone.now() + timedelta(days=2), venue=text)
    agenda.add_agenda_item(meeting=meeting, added_by=w.people["facilitator"], title=text)  # the meeting's one agenda
    agenda.publish_agenda(meeting=meeting, published_by=w.people["facilitator"])
    send_meeting_reminders()


def _agenda(w, text):
    from cycle.services import agenda

    meeting = MeetingFactory(site=w.site, starts_at=timezone.now() + timedelta(days=2), venue=text)
    agenda.add_agenda_item(meeting=meeting, added_by=w.people["facilitator"], title=text)
    agenda.publish_agenda(meeting=meeting, published_by=w.people["facilitator"])
    agenda.send_due_agendas()


def _record(w, text):
    from cycle.models import AgendaItem
    from cycle.services import record

    meeting = MeetingFactory(site=w.site, starts_at=at(timezone.localdate() - timedelta(days=1)))
    AgendaItem.objects.create(meeting=meeting, position=1, kind="other", title=text)
    draft = record.open_record(meeting=meeting, opened_by=w.people["facilitator"])
    entry = draft.entries.get()
    record.record_discussion(entry=entry, written_by=w.people["facilitator"], discussion=text)
    record.add_record_action(entry=entry, added_by=w.people["facilitator"], text=text, owner=w.people["member"])
    record.approve_record(record=draft, approved_by=w.people["facilitator"])


def _action_reminder(w, text):
    from cycle.services.actions import send_action_reminders

    _record(w, text)
    mail.outbox.clear()
    MeetingFactory(site=w.site, starts_at=timezone.now() + timedelta(days=2))
    send_action_reminders()


def _digest_ready(w, text):
    from digests.models import Digest
    from digests.services.rendering import notify_requester

    digest = Digest.objects.get(pk=digest_of_commissioner(w)[0])
    notify_requester(digest=digest)


def _forum_post(w, text):
    from forum import services

    thread = services.start_topic(by=w.people["member"], title=text, body="Who has found a way in?").thread
    services.add_post(thread=thread, by=w.people["facilitator"], body=text)


def _forum_digest(w, text):
    from forum.emails import send_digests
    from forum.models import EmailChoice, ForumPreference

    for person in w.people.values():
        ForumPreference.objects.update_or_create(person=person, defaults={"email": EmailChoice.DAILY})
    _forum_post(w, text)
    mail.outbox.clear()
    send_digests(now=timezone.now() + timedelta(days=1))


def _subscription(w, text):
    from newsletters.services.subscribers import request_subscription

    request_subscription(email=f"reader-{uuid.uuid4().hex}@example.org")


def _already_subscribed(w, text):
    from newsletters.models import ExternalSubscriber
    from newsletters.services.subscribers import request_subscription

    email = f"reader-{uuid.uuid4().hex}@example.org"
    ExternalSubscriber.objects.create(email=email, confirmed_at=timezone.now())
    request_subscription(email=email)


def _newsletter(w, text):
    from newsletters.emails import build_issue_email
    from newsletters.models import Edition
    from tests.security.test_hostile_input import newsletter_with_titles

    issue = newsletter_with_titles(w, text)
    for edition in Edition.values:
        build_issue_email(issue, email="reader@example.org", edition=edition, unsubscribe_token="x").send()


def _invitation(w, text):
    from sites.services.invitations import invite_person

    invite_person(invited_by=w.people["admin"], email="new@example.org", role="member", site=w.site)


def _issue_update(w, text):
    from cases.models import Case, CommissionerIssue
    from cases.services import issues

    issue = CommissionerIssue.objects.get(pk=issue_raised_in_shared_case(w)[0])
    Case.objects.filter(pk=issue.case_id).update(title=text)
    issues.respond_to_issue(issue=issue, by=w.people["commissioner"], text="Being reviewed.", status="under_review")


def _guest(withdraw: bool = False):
    """A commissioner invited to a meeting whose venue is the hostile text (then the invitation withdrawn, if asked)."""

    def send(w, text):
        from cycle.services import guests

        meeting = MeetingFactory(site=w.site, starts_at=timezone.now() + timedelta(days=2), venue=text)
        guest = guests.invite_commissioner(
            meeting=meeting, person=w.people["commissioner"], invited_by=w.people["facilitator"]
        )
        if withdraw:
            guests.withdraw_invitation(guest=guest, withdrawn_by=w.people["facilitator"])

    return send


def _site_at_risk(w, text):
    from toolkit.models import HealthStatus, SiteHealthChange
    from toolkit.services.health import send_at_risk_alerts

    SiteHealthChange.objects.create(site=w.site, status=HealthStatus.AT_RISK, reasons=[{"text": "No meetings"}])
    send_at_risk_alerts()


def _closing_thanks(w, text):
    from toolkit.services.endings import send_closing_thanks

    send_closing_thanks(site=w.site, by=w.people["admin"])


def _closing_drafts(w, text):
    from cases.services import lifecycle
    from toolkit.services.endings import tell_draft_presenters

    lifecycle.create_case(site=w.site, by=w.people["member"], title=text, presentation="A man in his forties.")
    tell_draft_presenters(site=w.site, by=w.people["admin"])


def _host_site_application(decision: str = ""):
    """An application to host a site, every answer the hostile text; then awarded or refused if asked."""

    def send(w, text):
        from recruitment.services import calls

        application = calls.submit_application(
            call=w.host_site_call(), organisation=text, town=text, contact_name=text, venue=text,
            contact_email=f"applicant-{uuid.uuid4().hex}@example.org", facilitator_name=text,
            facilitator_email=f"facilitator-{uuid.uuid4().hex}@example.org", facilitator_experience=text,
            sectors=["nhs"], sponsor_name=text, sponsor_role=text,
        )  # fmt: skip
        if decision:
            mail.outbox.clear()
            decide = calls.award_application if decision == "award" else calls.refuse_application
            decide(application=application, by=w.people["admin"])

    return send


EMAILS: dict[str, Email] = {
    "recruitment/emails/application_received": Email(_host_site_application()),
    "recruitment/emails/application_awarded": Email(_host_site_application("award")),
    "recruitment/emails/application_refused": Email(_host_site_application("refuse")),
    "cases/emails/question_answered": Email(_question_answered),
    "cases/emails/issue_update": Email(_issue_update),
    "sites/emails/meeting_reminder": Email(_meeting_reminder),
    "sites/emails/invitation": Email(_invitation),
    "cycle/emails/agenda": Email(_agenda),
    "cycle/emails/record": Email(_record),
    "cycle/emails/action_reminder": Email(_action_reminder),
    "cycle/emails/guest_invited": Email(_guest()),
    "cycle/emails/guest_withdrawn": Email(_guest(withdraw=True)),
    "digests/emails/digest_ready": Email(_digest_ready, shows_typed_text=False),
    "forum/emails/post": Email(_forum_post),
    "forum/emails/digest": Email(_forum_digest),
    "newsletters/emails/confirm_subscription": Email(_subscription, shows_typed_text=False),
    "newsletters/emails/already_subscribed": Email(_already_subscribed, shows_typed_text=False),
    "newsletters/emails/issue": Email(_newsletter),
    "toolkit/emails/site_at_risk": Email(_site_at_risk),
    "toolkit/emails/closing_thanks": Email(_closing_thanks),
    "toolkit/emails/closing_drafts": Email(_closing_drafts),
}


def email_templates() -> set[str]:
    root = Path(settings.BASE_DIR) / "templates"
    return {str(p.relative_to(root)).removesuffix("_subject.txt") for p in root.glob("*/emails/*_subject.txt")}


def test_every_email_is_walked():
    assert email_templates() - set(EMAILS) == set(), "add the new email to EMAILS in this file"
    assert len(email_templates()) >= 14


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("http-equiv"):
            self.live.append(f"<meta http-equiv={attrs['http-equiv']!r}>")
        if tag == "a" and MARKER in (attrs.get("href") or ""):
            self.live.append(f"<a href={attrs['href']!r}>")
        if tag == "b":
            self.live.append("<b>")


def _hostile_world(w, text: str) -> None:
    """The site and everyone in it named with the hostile text, as whatever let it in would have stored it."""
    from members.models import User
    from sites.models import Site

    Site.objects.filter(pk=w.site.pk).update(name=text, town=text, host_organisation=text)
    User.objects.filter(pk__in=[p.pk for p in w.people.values()]).update(name=text)
    for person in w.people.values():
        person.refresh_from_db()
    w.site.refresh_from_db()


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("template", sorted(EMAILS))
def test_emails_show_typed_text_as_text(world, template, payload, django_capture_on_commit_callbacks):
    entry = EMAILS[template]
    MembershipFactory(site=world.site, person__email="second@example.org")
    _hostile_world(world, payload)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        entry.send(world, payload)
    assert mail.outbox, f"{template}: nothing was sent"
    for message in mail.outbox:
        html_part = message.alternatives[0].content
        links = _Links()
        links.feed(html_part)
        assert live_markup(html_part) + links.live == [], template
        text = message.subject + "\n" + message.body
        assert html.escape(payload) not in text and "&lt;" not in text and "&amp;" not in text, template
        if entry.shows_typed_text:
            assert payload in text, f"{template}: the typed text is not shown as typed"
