"""Leading at each stage of group development: the paper's advice, in our words, for the stage a site's members say
their group has reached.

Source: "Leading communities of practice" (../shared/seeds/leading-communities-of-practice.txt, the paper behind the
self-assessment). It draws on Tuckman (1965) for the stages a group goes through, on Hersey and Blanchard's
situational leadership (1993) for leading differently at each, and on Adair (1983) for the three domains."""

from dataclasses import dataclass

from evaluation.models import Stage

CITATION = (
    "Drawn from “Leading communities of practice”: group development after Tuckman (1965), situational "
    "leadership after Hersey and Blanchard (1993), Adair’s action-centred leadership (1983)."
)


@dataclass(frozen=True)
class StageAdvice:
    stage: str
    label: str
    summary: str
    points: tuple[str, ...]


ADVICE = {
    Stage.FORMING: StageAdvice(
        Stage.FORMING,
        "Forming",
        "A new group may not yet share the purpose of the work or have the skills for it: lead from the front.",
        (
            "Explain the purpose of the community and what each meeting is for; do not assume it is understood.",
            "Give clear structure and close support: the case template, ground rules, who does what.",
            "Start building trusting relationships and positive regard between members from different agencies.",
        ),
    ),
    Stage.STORMING: StageAdvice(
        Stage.STORMING,
        "Storming",
        "Disagreement is part of a group developing: build the team as well as getting the task done.",
        (
            "Create a climate where problems can be raised and practice challenged, safely.",
            "Agree ways of working that resolve conflict, and keep to the ground rules on confidentiality.",
            "Keep coaching: explain decisions and invite views, while still steering the group.",
        ),
    ),
    Stage.NORMING: StageAdvice(
        Stage.NORMING,
        "Norming",
        "The group knows its purpose and is motivated: let members take a larger part in leading it.",
        (
            "Invite members to take part in managing and developing practice: chairing, presenting, follow-up.",
            "Delegate tasks such as finding evidence or writing up learning, and support people as they do them.",
            "Use supervision and the self-assessment to develop each member, not only the group.",
        ),
    ),
    Stage.PERFORMING: StageAdvice(
        Stage.PERFORMING,
        "Performing",
        "A developed group needs minimal facilitation: look outwards.",
        (
            "Step back: delegate and facilitate lightly, and let the group lead its own development.",
            "Manage the group's external relationships: other teams, agencies and commissioners.",
            "Involve people who use services fully: the paper sees this as the mark of an advanced community.",
        ),
    ),
}


def advice_for(stage: str | None) -> StageAdvice | None:
    return ADVICE.get(stage) if stage else None


def leading_stage(stage_counts: dict[str, int]) -> str | None:
    """The stage most members chose (the earlier stage on a tie: lead for where the group may still be)."""
    best = None
    for stage in Stage:
        count = stage_counts.get(stage.value, 0)
        if count and (best is None or count > stage_counts[best]):
            best = stage.value
    return best
