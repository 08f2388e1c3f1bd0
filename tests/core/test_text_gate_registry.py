"""Every free-text field of every model of the product is either gated or exempt with a reason (core/text_gate.py).

A field with choices is not free text (its values are fixed by the code), so it is not listed.
"""

import importlib

import pytest
from django.apps import apps
from django.db import models

from core.text_gate import text_gate_of

PROJECT_APPS = ("cop", "api", "home", "demo", "search", "digests", "newsletters", "evaluation", "toolkit", "forum")
PROJECT_APPS += ("network", "cycle", "cases", "sites", "members", "audit", "core")

# The models the issue names: each must exist and gate at least one field.
NAMED = (
    "cases.Case",
    "cases.ActionItem",
    "cases.FollowUp",
    "cases.Question",
    "forum.Post",
    "cycle.RecordEntry",
    "cycle.RecordAction",
    "evaluation.FocusGroup",
    "newsletters.NewsletterItem",
)


def project_models():
    return [m for m in apps.get_models() if m.__module__.split(".")[0] in PROJECT_APPS]


def free_text_fields(model) -> list[str]:
    return [
        f.name
        for f in model._meta.get_fields()
        if isinstance(f, (models.CharField, models.TextField)) and not f.choices and f.concrete
    ]


def test_every_free_text_field_is_gated_or_exempt_with_a_reason():
    unlisted, no_reason, both, stale = [], [], [], []
    for model in project_models():
        fields = free_text_fields(model)
        gate = text_gate_of(model)
        if gate is None:
            unlisted += [f"{model._meta.label}.{name}" for name in fields]
            continue
        for name in fields:
            if name not in gate.gated and name not in gate.exempt:
                unlisted.append(f"{model._meta.label}.{name}")
        no_reason += [f"{model._meta.label}.{n}" for n, why in gate.exempt.items() if len(why.split()) < 4]
        both += [f"{model._meta.label}.{n}" for n in set(gate.gated) & set(gate.exempt)]
        stale += [f"{model._meta.label}.{n}" for n in [*gate.gated, *gate.exempt] if n not in fields]
    assert not unlisted, (
        f"Free-text fields neither gated nor exempt (declare them in the model's text_gate): {unlisted}"
    )
    assert not no_reason, f"Exempt without a real reason: {no_reason}"
    assert not both, f"Both gated and exempt: {both}"
    assert not stale, f"Listed but not a free-text field of the model: {stale}"


@pytest.mark.parametrize("label", NAMED)
def test_the_models_the_issue_names_gate_their_text(label):
    gate = text_gate_of(apps.get_model(label))
    assert gate is not None and gate.gated, f"{label} gates none of its fields"


def test_the_walk_sees_the_models_it_must():
    labels = {m._meta.label for m in project_models()}
    assert set(NAMED) <= labels
    assert len(labels) > 40


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("cases.ActionItem", "owner_agency"),
        ("cycle.RecordAction", "owner_agency"),
        ("cycle.RecordAction", "done_note"),
        ("newsletters.NewsletterIssue", "introduction"),
        ("sites.Meeting", "notes"),
    ],
)
def test_fields_that_reach_shared_output_are_gated(label, field):
    assert field in text_gate_of(apps.get_model(label)).gated


BYPASSES = "tests.cases.test_gate_bypasses"
PATHS = "tests.core.test_text_gate_paths"
# Every gated field, and the test that submits personal data to it through its real write path and sees it refused
# or held. A field newly gated must be given one here.
WRITE_PATH_TESTS = {
    "cases.Case.title": (BYPASSES, "test_a_disguised_identifier_in_a_new_case_stops_it_being_shared"),
    "cases.Case.presentation": (BYPASSES, "test_a_disguised_identifier_in_a_new_case_stops_it_being_shared"),
    "cases.Case.learning": (BYPASSES, "test_a_disguised_identifier_in_a_new_case_stops_it_being_shared"),
    "cases.Case.commissioner_issues": (BYPASSES, "test_a_disguised_identifier_in_a_new_case_stops_it_being_shared"),
    "cases.Case.summary": (
        BYPASSES,
        "test_a_disguised_identifier_in_the_facilitators_write_up_never_reaches_the_repository",
    ),
    "cases.ActionItem.text": (BYPASSES, "test_a_disguised_identifier_in_a_next_step_stops_the_case_being_shared"),
    "cases.ActionItem.owner_agency": (
        BYPASSES,
        "test_a_disguised_agency_on_a_published_learning_object_never_reaches_the_repository",
    ),
    "cases.ActionItem.note": (BYPASSES, "test_a_disguised_identifier_in_a_next_steps_note_stops_the_case_being_shared"),
    "cases.FollowUp.what_happened": (BYPASSES, "test_a_disguised_identifier_in_a_follow_up_is_refused"),
    "cases.Evidence.summary": (PATHS, "test_an_evidence_summary_is_refused"),
    "cases.EvidenceLink.note": (PATHS, "test_why_evidence_matters_for_a_case_is_refused"),
    "cases.Question.text": (
        "tests.cases.test_evidence_questions",
        "test_personal_data_in_a_question_is_refused_with_the_findings_shown",
    ),
    "cases.Question.reply": ("tests.cases.test_evidence_questions", "test_personal_data_in_a_reply_is_refused"),
    "cycle.AgendaItem.title": (BYPASSES, "test_a_disguised_identifier_in_a_meetings_notes_or_agenda_is_refused"),
    "cycle.RecordEntry.discussion": (BYPASSES, "test_a_disguised_identifier_in_the_meeting_record_is_refused"),
    "cycle.RecordEntry.follow_ups": (BYPASSES, "test_a_disguised_identifier_in_the_meeting_record_is_refused"),
    "cycle.RecordAction.text": (BYPASSES, "test_a_disguised_identifier_in_a_meeting_action_is_refused"),
    "cycle.RecordAction.owner_agency": (BYPASSES, "test_a_disguised_identifier_in_a_meeting_action_is_refused"),
    "cycle.RecordAction.done_note": (PATHS, "test_a_meeting_actions_done_note_is_refused"),
    "cycle.RecordComment.text": (PATHS, "test_a_correction_to_the_record_is_refused"),
    "forum.Thread.title": (BYPASSES, "test_a_disguised_identifier_in_a_forum_topic_title_is_refused"),
    "forum.Post.body": (BYPASSES, "test_a_disguised_identifier_in_a_forum_post_holds_it_from_everyone_else"),
    "newsletters.NewsletterIssue.introduction": (
        PATHS,
        "test_the_newsletter_introduction_is_refused_and_the_saved_one_kept",
    ),
    "newsletters.NewsletterItem.title": (
        PATHS,
        "test_an_issue_is_not_approved_while_an_item_may_hold_personal_data",
    ),
    "newsletters.NewsletterItem.body": (
        PATHS,
        "test_an_issue_is_not_approved_while_an_item_may_hold_personal_data",
    ),
    "evaluation.FocusGroup.themes": (BYPASSES, "test_a_disguised_identifier_in_a_focus_group_is_refused"),
    "evaluation.FocusGroup.quotes": (BYPASSES, "test_a_disguised_identifier_in_a_focus_group_is_refused"),
    "evaluation.AssessmentRating.comment": (PATHS, "test_a_self_assessment_comment_is_refused"),
    "evaluation.Answer.text": (PATHS, "test_a_survey_answer_is_refused_and_nothing_saved"),
    "evaluation.ImprovementAction.action": (
        "tests.evaluation.test_improvement_plan",
        "test_the_plan_is_refused_while_the_round_is_open_to_outsiders_and_with_personal_data",
    ),
    "cases.IssueUpdate.text": (
        "tests.digests.test_digest_pages",
        "test_a_response_with_personal_data_is_refused_and_kept_in_the_form",
    ),
    "sites.GuestSpeaker.topic": (
        "tests.sites.test_guest_speakers",
        "test_a_topic_that_could_identify_someone_is_refused_and_kept_in_the_form",
    ),
    "sites.FacilitatorTraining.notes": (
        "tests.sites.test_training",
        "test_missing_or_future_dates_and_personal_data_are_refused_and_kept",
    ),
    "network.NetworkAgendaItem.title": (
        "tests.network.test_network",
        "test_personal_data_in_an_agenda_item_is_refused",
    ),
    "network.NetworkRecordEntry.discussion": (
        "tests.network.test_network",
        "test_personal_data_in_the_record_is_refused_and_kept_in_the_form",
    ),
    "network.NetworkRecordEntry.decisions": (
        "tests.network.test_network",
        "test_personal_data_in_the_record_is_refused_and_kept_in_the_form",
    ),
    "network.NetworkAction.text": ("tests.network.test_network", "test_personal_data_in_an_action_is_refused"),
    "sites.Meeting.notes": (BYPASSES, "test_a_disguised_identifier_in_a_meetings_notes_or_agenda_is_refused"),
    "sites.MeetingPaper.title": (
        "tests.security.test_meeting_papers",
        "test_a_text_paper_that_could_identify_someone_is_refused",
    ),
    "sites.MeetingPaper.text": (
        "tests.security.test_meeting_papers",
        "test_a_text_paper_that_could_identify_someone_is_refused",
    ),
}


def test_every_gated_field_has_a_write_path_test():
    gated = {
        f"{model._meta.label}.{name}"
        for model in project_models()
        if text_gate_of(model) is not None
        for name in text_gate_of(model).gated
    }
    assert gated == set(WRITE_PATH_TESTS), (
        f"Gated without a write-path test: {sorted(gated - set(WRITE_PATH_TESTS))}; "
        f"listed but not gated: {sorted(set(WRITE_PATH_TESTS) - gated)}"
    )
    for field, (module, test) in WRITE_PATH_TESTS.items():
        assert callable(getattr(importlib.import_module(module), test, None)), (field, module, test)
