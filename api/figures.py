"""Programme figures for the API, shaped from the evaluation dashboard's services: counts and rates per site
and across the sites the person may see, never anyone's name."""

from __future__ import annotations

from cases.models import Outcome
from evaluation.dashboard import Period, attendance_by_meeting, programme_dashboard
from evaluation.selectors import Rate, SurveyResults


def _rate(rate: Rate | None) -> dict | None:
    if rate is None:
        return None
    return {"part": rate.part, "whole": rate.whole, "percent": rate.percent}


def survey_results_data(results: SurveyResults) -> dict:
    return {
        "survey": results.survey,
        "withheld": results.withheld,
        "withheld_message": results.withheld_message if results.withheld else "",
        "response_rate": None if results.withheld else _rate(results.rate),
        "sites": [
            {
                "code": site_rate.site.code,
                "withheld": site_rate.withheld,
                "response_rate": None if site_rate.withheld else _rate(site_rate.rate),
            }
            for site_rate in results.site_rates
        ],
        "statements": [
            {
                "statement": s.question.text,
                "withheld": s.withheld,
                "answered": None if s.withheld else s.answered,
                "agree": None if s.withheld else _rate(s.agreeing),
                "neither": None if s.withheld else _rate(s.neither),
                "disagree": None if s.withheld else _rate(s.disagreeing),
            }
            for s in results.statements
        ],
    }


def programme_figures(user, *, period: Period) -> dict:
    figures = programme_dashboard(user, period=period, every_site=True)
    sites = figures["sites"]
    members, meetings, cases = figures["members"], figures["meetings"], figures["cases"]
    by_meeting = [row for row in attendance_by_meeting(sites, period=period) if not row["cancelled"]]
    site_rows = []
    for site, member_row, meeting_row, case_row in zip(
        sites, members["rows"], meetings["rows"], cases["rows"], strict=True
    ):
        registers = [row for row in by_meeting if row["site"].pk == site.pk]
        present = sum(row["present"] for row in registers)
        counted = sum(row["rate"].whole for row in registers)
        site_rows.append(
            {
                "code": site.code,
                "town": site.town,
                "status": site.status,
                "members": member_row["total"],
                "members_by_sector": [
                    {"sector": sector, "members": n}
                    for sector, n in zip(members["sectors"], member_row["counts"], strict=True)
                ],
                "meetings_held": meeting_row["held"],
                "meetings_expected": meeting_row["expected"],
                "attendance": _rate(Rate(present, counted)),
                "cases_discussed": case_row["discussed"],
                "cases_followed_up": case_row["followed_up"],
            }
        )
    outcome_labels = dict(Outcome.choices)
    label_to_value = {label: value for value, label in outcome_labels.items()}
    survey = figures["survey"]
    return {
        "period": {"start": period.start, "end": period.end},
        "sites": site_rows,
        "attendance_by_month": [
            {"month": f"{row['month']:%Y-%m}", "attendance": _rate(row["rate"])}
            for row in figures["attendance"]["rows"]
        ],
        "attendance_overall": _rate(figures["attendance"]["overall"]),
        "outcomes": [
            {"outcome": label_to_value[label], "label": label, "follow_ups": n}
            for label, n in figures["outcomes"]["rows"]
        ],
        "follow_ups_without_outcome": figures["outcomes"]["none_yet"],
        "latest_survey": survey_results_data(survey["results"]) if survey else None,
    }
