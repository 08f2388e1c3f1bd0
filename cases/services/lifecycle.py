"""The lifecycle of a case: draft -> shared -> discussed -> followed up -> written up -> published -> public.

Each move is a deliberate action by someone the rules allow to make it, validated here and recorded as a
CaseTransition in the same transaction. Refused moves raise PermissionDenied (not allowed to) or ValidationError
(not now, or not like this) with a message that says what to do next.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from cases import search
from cases.models import (
    ActionItem,
    ActionStatus,
    Case,
    CaseKind,
    CaseRevision,
    CaseStatus,
    CaseTransition,
    FollowUp,
    Outcome,
    Theme,
    child_field,
    field_label,
)
from cases.services import gate, issues
from core.text_gate import check_reason, gated_texts
from sites.models import Meeting, MeetingStatus, Membership, Site

TEXT_FIELDS = tuple(Case.text_gate.gated)


class PersonalDataError(ValidationError):
    """Text refused because it may hold personal data; carries what was found, by field, for highlighting."""

    def __init__(self, message: str, *, found: dict[str, list[gate.Detected]]):
        super().__init__(message)
        self.found = found


def _require(user, perm: str, obj, message: str) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied(message)


def _move(case: Case, *, to: str, by, allowed_from: Iterable[str], refusal: str, **changes) -> Case:
    """Move the case to `to` if it is still in one of `allowed_from`, and record who did it and when."""
    allowed_from = tuple(allowed_from)
    from_status = case.status
    if from_status not in allowed_from:
        raise ValidationError(refusal)
    now = timezone.now()
    updated = Case.objects.filter(pk=case.pk, status=from_status).update(status=to, updated_at=now, **changes)
    if updated != 1:
        raise ValidationError("Someone else has just changed this case. Reload the page and try again.")
    case.status, case.updated_at = to, now
    for name, value in changes.items():
        setattr(case, name, value)
    CaseTransition.objects.create(case=case, from_status=from_status, to_status=to, by=by, at=now)
    record_event(actor=by, action=AuditAction.MOVED, target=case, detail=f"{from_status} to {to}")
    return case


def _current_members(site: Site) -> set[int]:
    return set(Membership.objects.current(timezone.localdate()).filter(site=site).values_list("person_id", flat=True))


def _check_presenters(site: Site, presenters) -> list:
    presenters = list(presenters)
    if not presenters:
        raise ValidationError("A case needs at least one presenter.")
    members = _current_members(site)
    outside = [p for p in presenters if p.pk not in members]
    if outside:
        names = ", ".join(p.name for p in outside)
        raise ValidationError(f"Presenters must be current members of {site.code}: {names} is not.")
    return presenters


def refuse_personal_data(case: Case, texts: dict[str, str]) -> None:
    """Once others can see a case, an edit that adds possible personal data is refused (nothing is saved).

    Findings dismissed before for the same field and text do not count.
    """
    found = {}
    for field, text in texts.items():
        detected = [d for d in gate.detect(text) if not gate.dismissed_match(case, field, d)]
        if detected:
            found[field] = detected
    if found:
        listed = "; ".join(f"{d.kind_label} at '{field_label(field)}'" for field, ds in found.items() for d in ds)
        raise PersonalDataError(
            f"Your changes were not saved: others can already see this case and the new text may contain personal "
            f"data ({listed}). Remove it and save again.",
            found=found,
        )


def snapshot(case: Case) -> dict:
    return {
        **{name: getattr(case, name) for name in TEXT_FIELDS},
        "kind": case.kind,
        "themes": sorted(case.themes.values_list("name", flat=True)),
        "next_steps": [{"text": a.text, "status": a.status, "note": a.note} for a in case.actions.all()],
    }


def _record_revision(case: Case, by) -> None:
    record_event(actor=by, action=AuditAction.CHANGED if case.revisions.exists() else AuditAction.CREATED, target=case)
    CaseRevision.objects.create(case=case, by=by, snapshot=snapshot(case))


@transaction.atomic
def create_case(
    *,
    site: Site,
    by,
    title: str,
    presentation: str,
    kind: str = CaseKind.CHALLENGING,
    learning: str = "",
    commissioner_issues: str = "",
    themes: Iterable[Theme] = (),
    presenters: Iterable | None = None,
) -> Case:
    """A new draft, presented by `by` (and any co-presenters from the same site)."""
    _require(by, "cases.add_case_at_site", site, "Only members of this site can add a case to it.")
    presenters = _check_presenters(site, presenters if presenters is not None else [by])
    case = Case.objects.create(
        site=site,
        created_by=by,
        title=title.strip(),
        kind=kind,
        presentation=presentation,
        learning=learning,
        commissioner_issues=commissioner_issues,
    )
    case.presenters.set(presenters)
    case.themes.set(themes)
    _record_revision(case, by)
    gate.check_case(case=case)
    search.update_search_document(case)  # a draft is found by its presenters and facilitators from the first save
    return case


class CaseChanged(ValidationError):
    """Someone else saved the case after this person opened it for editing: saving would silently undo theirs."""


def edit_stamp(case: Case) -> str:
    """Which saved version of the case an edit form was opened on (every save moves updated_at)."""
    return str(int(case.updated_at.timestamp() * 1_000_000))


@transaction.atomic
def update_case(
    *, case: Case, by, themes: Iterable[Theme] | None = None, presenters=None, based_on: str | None = None, **fields
) -> Case:
    """Save edits to the case's text, kind, themes or presenters; the gate checks the text again.

    based_on is the edit_stamp the form was opened with: if the case was saved since, nothing is saved and
    CaseChanged is raised (two people editing the same case at once)."""
    _require(by, "cases.change_case", case, "You cannot edit this case now.")
    saved = Case.objects.select_for_update().only("updated_at").get(pk=case.pk)  # one save at a time per case
    if based_on and based_on != edit_stamp(saved):
        raise CaseChanged(
            "Someone else saved this case while you were editing it, so your changes were not saved. Your text "
            "is still in the form below and what they saved is shown above it: combine the two and save again."
        )
    unknown = set(fields) - set(TEXT_FIELDS) - {"kind"}
    if unknown:
        raise TypeError(f"Unknown case fields: {', '.join(sorted(unknown))}")
    if "summary" in fields and not by.has_perm("cases.write_up_case", case):
        raise PermissionDenied("Only the site's facilitators write a case up.")
    changed_text = {
        name: value for name, value in fields.items() if name in TEXT_FIELDS and value != getattr(case, name)
    }
    if not case.is_draft:
        refuse_personal_data(case, changed_text)
    for name, value in fields.items():
        setattr(case, name, value.strip() if name == "title" else value)
    case.updated_at = timezone.now()
    case.save(update_fields=[*fields, "updated_at"])
    if themes is not None:
        case.themes.set(themes)
    if presenters is not None:
        case.presenters.set(_check_presenters(case.site, presenters))
        case.__dict__.pop("_cop_presenter_ids", None)  # cases/rules.py caches who presents
    _record_revision(case, by)
    for name in changed_text:
        gate.check_field(case=case, field=name, text=getattr(case, name))
    issues.track_issue(case=case)  # issues for commissioners added to a shared case are tracked from now
    search.update_search_document(case)
    return case


def _action_texts(action: ActionItem, pk) -> dict[str, str]:
    """A next step's gated texts by gate field name (the step, the agency responsible, the note)."""
    return {child_field("action", pk, ActionItem, name): text for name, text in gated_texts(action).items()}


@transaction.atomic
def add_action_item(*, case: Case, by, text: str, owner=None, owner_agency: str = "") -> ActionItem:
    """A next step suggested for the case."""
    _require(by, "cases.change_case", case, "You cannot add next steps to this case now.")
    if owner is not None and owner.pk not in _current_members(case.site):
        raise ValidationError("The person responsible must be a current member of the site.")
    action = ActionItem(case=case, text=text, owner=owner, owner_agency=owner_agency.strip())
    if not case.is_draft:
        refuse_personal_data(case, _action_texts(action, "new"))
    action.save()
    for field, text in _action_texts(action, action.pk).items():
        gate.check_field(case=case, field=field, text=text)
    _record_revision(case, by)
    search.update_search_document(case)
    return action


@transaction.atomic
def update_action_item(*, action: ActionItem, by, status: str, note: str = "") -> ActionItem:
    """Record whether a next step was tried and how it went."""
    case = action.case
    if not (by.has_perm("cases.change_case", case) or by.has_perm("cases.record_follow_up", case)):
        raise PermissionDenied("Only the case's presenters and the site's facilitators can update its next steps.")
    if not case.is_draft:
        refuse_personal_data(case, {f"action:{action.pk}:note": note})
    action.status, action.note = status, note
    action.save(update_fields=["status", "note"])
    gate.check_field(case=case, field=f"action:{action.pk}:note", text=note)
    _record_revision(case, by)
    return action


@transaction.atomic
def remove_action_item(*, action: ActionItem, by) -> None:
    case = action.case
    _require(by, "cases.change_case", case, "You cannot remove next steps from this case now.")
    case.findings.filter(field__startswith=f"action:{action.pk}").delete()
    action.delete()
    _record_revision(case, by)
    search.update_search_document(case)


@transaction.atomic
def share_case(*, case: Case, by) -> Case:
    """Share a draft with the site before the meeting; refused while it may contain personal data."""
    _require(by, "cases.share_case", case, "Only the case's presenters or the site's facilitators can share a draft.")
    gate.check_case(case=case)
    gate.ensure_no_open_findings(case, action="shared")
    _move(
        case,
        to=CaseStatus.SHARED,
        by=by,
        allowed_from=[CaseStatus.DRAFT],
        refusal="Only a draft can be shared.",
    )
    issues.track_issue(case=case)  # its issues for commissioners become a tracked item
    return case


def _check_meeting(case: Case, meeting: Meeting) -> None:
    if meeting.site_id != case.site_id:
        raise ValidationError("Choose a meeting of the case's own site.")
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("That meeting was cancelled: choose the meeting where the case was discussed.")
    if meeting.starts_at > timezone.now():
        raise ValidationError("That meeting has not happened yet: record this after the meeting.")


@transaction.atomic
def record_discussion(*, case: Case, by, meeting: Meeting) -> Case:
    """The facilitator records the meeting where the shared case was discussed."""
    _require(by, "cases.record_discussion", case, "Only the site's facilitators record a discussion.")
    _check_meeting(case, meeting)
    gate.ensure_no_open_findings(case, action="discussed")
    return _move(
        case,
        to=CaseStatus.DISCUSSED,
        by=by,
        allowed_from=[CaseStatus.SHARED],
        refusal="Only a case shared with the site can be recorded as discussed.",
        meeting=meeting,
    )


link_case_to_meeting = record_discussion


@transaction.atomic
def record_follow_up(
    *,
    case: Case,
    by,
    meeting: Meeting,
    what_happened: str,
    outcome: str = Outcome.NONE_YET,
    helpful_actions: Iterable[ActionItem] = (),
    not_personal_data_reason: str = "",
) -> FollowUp:
    """Feedback at a later meeting: what happened, which next steps helped, and the outcome.

    The follow-up text goes through the gate before it is saved: if it may contain personal data it is refused,
    unless the person recording it says in the same form why it is not personal data (recorded on each finding).
    """
    _require(by, "cases.record_follow_up", case, "Only the case's presenters or the site's facilitators can do that.")
    if case.status not in (CaseStatus.DISCUSSED, CaseStatus.FOLLOWED_UP):
        raise ValidationError("Follow-up is recorded after the case has been discussed, before it is written up.")
    _check_meeting(case, meeting)
    if case.meeting_id and meeting.starts_at <= case.meeting.starts_at:
        raise ValidationError("Choose a meeting after the one where the case was discussed.")
    helpful_actions = list(helpful_actions)
    if any(action.case_id != case.pk for action in helpful_actions):
        raise ValidationError("Choose next steps of this case.")
    found = gate.detect(what_happened)
    reason = not_personal_data_reason.strip()
    if found and not reason:
        raise PersonalDataError(
            "The follow-up was not saved: it may contain personal data ("
            + "; ".join(d.kind_label for d in found)
            + "). Remove it, or say why it is not personal data.",
            found={"followup:new": found},
        )
    if found:
        try:
            reason = check_reason(reason)
        except ValidationError as error:
            raise ValidationError({"not_personal_data_reason": error.messages}) from None
    follow_up = FollowUp.objects.create(
        case=case, meeting=meeting, recorded_by=by, what_happened=what_happened, outcome=outcome
    )
    follow_up.helpful_actions.set(helpful_actions)
    for finding in gate.check_field(case=case, field=f"followup:{follow_up.pk}", text=what_happened):
        gate.dismiss_finding(finding=finding, by=by, reason=reason)
    ActionItem.objects.filter(pk__in=[a.pk for a in helpful_actions]).update(status=ActionStatus.TRIED_HELPFUL)
    Case.objects.filter(pk=case.pk).update(outcome=outcome)
    case.outcome = outcome
    if case.status == CaseStatus.DISCUSSED:
        _move(case, to=CaseStatus.FOLLOWED_UP, by=by, allowed_from=[CaseStatus.DISCUSSED], refusal="")
    return follow_up


@transaction.atomic
def update_follow_up(*, follow_up: FollowUp, by, what_happened: str) -> FollowUp:
    """Correct the text of a follow-up (for example after a facilitator reopened a finding in it)."""
    case = follow_up.case
    _require(by, "cases.record_follow_up", case, "Only the case's presenters or the site's facilitators can do that.")
    if case.is_learning_object:
        raise ValidationError("This case is published: withdraw it from the repository before changing its follow-up.")
    field = f"followup:{follow_up.pk}"
    refuse_personal_data(case, {field: what_happened})
    follow_up.what_happened = what_happened
    follow_up.save(update_fields=["what_happened"])
    gate.check_field(case=case, field=field, text=what_happened)
    _record_revision(case, by)
    return follow_up


@transaction.atomic
def write_up_case(*, case: Case, by, summary: str) -> Case:
    """The facilitator writes the followed-up case up as a learning object."""
    _require(by, "cases.write_up_case", case, "Only the site's facilitators write a case up.")
    if case.status != CaseStatus.FOLLOWED_UP:
        raise ValidationError("A case is written up after its follow-up has been recorded.")
    if not summary.strip():
        raise ValidationError("Write a short summary of the learning.")
    refuse_personal_data(case, {"summary": summary})
    gate.ensure_no_open_findings(case, action="written up")
    Case.objects.filter(pk=case.pk).update(summary=summary)
    case.summary = summary
    _move(case, to=CaseStatus.WRITTEN_UP, by=by, allowed_from=[CaseStatus.FOLLOWED_UP], refusal="")
    _record_revision(case, by)
    search.update_search_document(case)  # the summary
    return case


@transaction.atomic
def publish_case(*, case: Case, by) -> Case:
    """Deposit the learning object in the programme's repository (every signed-in person can read it)."""
    _require(by, "cases.publish_case", case, "Only the site's facilitators or a programme admin can publish a case.")
    gate.check_case(case=case)
    gate.ensure_no_open_findings(case, action="published")
    _move(
        case,
        to=CaseStatus.PUBLISHED,
        by=by,
        allowed_from=[CaseStatus.WRITTEN_UP],
        refusal="Only a written-up case can be published.",
        published_at=case.published_at or timezone.now(),
    )
    search.update_search_document(case)
    return case


@transaction.atomic
def make_case_public(*, case: Case, by) -> Case:
    """Publish the learning object openly: anyone can read it at /repository/ without signing in."""
    _require(by, "cases.make_case_public", case, "Only the site's facilitators or a programme admin can do that.")
    gate.ensure_no_open_findings(case, action="made public")
    return _move(
        case,
        to=CaseStatus.PUBLIC,
        by=by,
        allowed_from=[CaseStatus.PUBLISHED],
        refusal="Only a case published to the repository can be made public.",
    )


@transaction.atomic
def withdraw_case(*, case: Case, by) -> Case:
    """One step back: a public learning object goes back to the signed-in repository; a published one is
    taken out of the repository (written up again)."""
    _require(by, "cases.withdraw_case", case, "Only the site's facilitators or a programme admin can do that.")
    back = {CaseStatus.PUBLIC: CaseStatus.PUBLISHED, CaseStatus.PUBLISHED: CaseStatus.WRITTEN_UP}
    if case.status not in back:
        raise ValidationError("Only a published case can be withdrawn.")
    return _move(case, to=back[case.status], by=by, allowed_from=[case.status], refusal="")
