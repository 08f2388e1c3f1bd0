"""Every free-text field of every model of the product is either gated or exempt with a reason (core/text_gate.py).

A field with choices is not free text (its values are fixed by the code), so it is not listed.
"""

import pytest
from django.apps import apps
from django.db import models

from core.text_gate import text_gate_of

PROJECT_APPS = ("cop", "api", "home", "demo", "digests", "newsletters", "evaluation", "toolkit", "forum", "cycle")
PROJECT_APPS += ("cases", "sites", "members", "audit", "core")

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
        ("sites.Meeting", "agenda"),
        ("sites.Meeting", "notes"),
    ],
)
def test_fields_that_reach_shared_output_are_gated(label, field):
    assert field in text_gate_of(apps.get_model(label)).gated
