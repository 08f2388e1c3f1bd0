"""Charts and their data tables for the evaluation pages, built with core.charts (safe to render)."""

from __future__ import annotations

from django.utils.safestring import SafeString, mark_safe

from core import charts
from evaluation.models import LEARNING_CULTURES, Domain, Stage
from evaluation.selectors import RoundProfile, SurveyResults

# Agreement reads as it means: agree green and plain, neither grey and dotted, disagree red and hatched (the pattern
# and the legend's words tell them apart without colour).
AGREEMENT_COLOURS = ["#2e7d32", "#6c757d", "#c62828"]
AGREEMENT_PATTERNS = [None, "dots", "hatch"]


def _safe(html: str) -> SafeString:
    return mark_safe(html)  # noqa: S308 - core.charts escapes every label and value


def survey_chart(results: SurveyResults) -> dict | None:
    """Agreement per statement as stacked shares, with a data table; None while withheld."""
    statements = [s for s in results.statements if not s.withheld]
    if results.withheld or not statements:
        return None
    labels = [s.question.text for s in statements]
    series = [
        ("Agree or strongly agree", [s.agreeing.percent for s in statements]),
        ("Neither", [s.neither.percent for s in statements]),
        ("Disagree or strongly disagree", [s.disagreeing.percent for s in statements]),
    ]
    title = f"Agreement with each statement: {results.survey.title}"
    description = "; ".join(f"{s.question.text}: {s.agreeing} agree, {s.disagreeing} disagree" for s in statements)
    return {
        "svg": _safe(
            charts.stacked_bar_chart(
                title=title,
                description=description,
                labels=labels,
                series=series,
                unit="%",
                max_value=100,
                show_totals=False,
                colours=AGREEMENT_COLOURS,
                patterns=AGREEMENT_PATTERNS,
            )
        ),
        "table": _safe(
            charts.data_table(
                caption="Agreement with each statement (share of those who answered it)",
                headers=["Statement", "Agree or strongly agree", "Neither", "Disagree or strongly disagree"],
                rows=[[s.question.text, str(s.agreeing), str(s.neither), str(s.disagreeing)] for s in statements],
            )
        ),
    }


def question_charts(site_name: str, tables: list[dict], compare: bool) -> list:
    """For each domain, the mean rating per question (and the previous round's, when comparable)."""
    result = []
    for table in tables:
        rows = table["rows"]
        series = [("This round", [row["mean"] for row in rows])]
        if compare:
            series.append(("Previous round", [row["previous"] for row in rows]))
        description = "; ".join(
            f"{row['text']} {row['mean']}" + (f" (previous round {row['previous']})" if compare else "") for row in rows
        )
        result.append(
            _safe(
                charts.grouped_bar_chart(
                    title=f"{table['label']}: mean rating per question, {site_name} (1 to 5)",
                    description=description,
                    labels=[row["text"] for row in rows],
                    series=series,
                    max_value=5,
                )
            )
        )
    return result


def profile_chart(site_name: str, profile: RoundProfile, previous: RoundProfile | None) -> dict | None:
    """Mean rating per domain, this round against the previous one when both can be shown."""
    if profile.withheld:
        return None
    compare = previous is not None and not previous.withheld
    labels = [d.label for d in Domain]
    series = [("This round", [profile.domain_means.get(d.value) for d in Domain])]
    if compare:
        series.append(("Previous round", [previous.domain_means.get(d.value) for d in Domain]))
    description = "; ".join(
        f"{d.label}: {profile.domain_means.get(d.value)}"
        + (f" (previous round {previous.domain_means.get(d.value)})" if compare else "")
        for d in Domain
    )
    cultures = [label for _, label in LEARNING_CULTURES]
    culture_series = [("This round", [profile.culture_means.get(c) for c, _ in LEARNING_CULTURES])]
    if compare:
        culture_series.append(("Previous round", [previous.culture_means.get(c) for c, _ in LEARNING_CULTURES]))
    return {
        "domains_svg": _safe(
            charts.grouped_bar_chart(
                title=f"Mean rating per domain, {site_name} (1 to 5)",
                description=description,
                labels=labels,
                series=series,
                max_value=5,
            )
        ),
        "cultures_svg": _safe(
            charts.grouped_bar_chart(
                title=f"Learning-culture profile, {site_name} (mean rating, 1 to 5)",
                description="; ".join(f"{label}: {v}" for label, v in zip(cultures, culture_series[0][1], strict=True)),
                labels=cultures,
                series=culture_series,
                max_value=5,
            )
        ),
        "stages_svg": _safe(
            charts.bar_chart(
                title=f"Stage of group development chosen, {site_name}",
                description="; ".join(f"{s.label}: {profile.stages.get(s.value, 0)}" for s in Stage),
                labels=[s.label for s in Stage],
                values=[profile.stages.get(s.value, 0) for s in Stage],
            )
        ),
    }
