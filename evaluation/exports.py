"""The evaluation's tables as spreadsheets: the programme dashboard, attendance per site and meeting, and a
survey's aggregates. Built from the same services as the pages, so a download shows what the page shows."""

from __future__ import annotations

from core.spreadsheets import Spreadsheet, Table, describe_period
from evaluation.dashboard import Period, attendance_by_meeting, programme_dashboard
from evaluation.models import WITHHELD, Survey
from evaluation.selectors import SurveyResults, evaluation_sites_for


def _site(site) -> str:
    return f"{site.code} {site.town}"


def survey_tables(results: SurveyResults) -> list[Table]:
    rates = Table(title="Response rate", headers=["Response rate", "Responses", "Members asked", "Rate"])
    overall = [results.rate.part, results.rate.whole, str(results.rate)]
    rates.rows.append(["All sites shown", *(overall if not results.withheld else ["", "", results.withheld_message])])
    for site_rate in results.site_rates:
        figures = [site_rate.rate.part, site_rate.rate.whole, str(site_rate.rate)]
        rates.rows.append([site_rate.site.code, *(figures if not site_rate.withheld else ["", "", WITHHELD])])
    statements = Table(
        title="Statements",
        headers=["Statement", "Answered", "Agree or strongly agree", "Neither", "Disagree or strongly disagree"],
    )
    if results.withheld:
        statements.rows.append([results.withheld_message])
    for statement in results.statements:
        if statement.withheld:
            statements.rows.append([statement.question.text, "", WITHHELD])
        else:
            statements.rows.append(
                [
                    statement.question.text,
                    statement.answered,
                    str(statement.agreeing),
                    str(statement.neither),
                    str(statement.disagreeing),
                ]
            )
    return [rates, statements]


def survey_spreadsheet(survey: Survey, results: SurveyResults) -> Spreadsheet:
    return Spreadsheet(
        title=f"Survey results: {survey.title}",
        period=describe_period(survey.opens_on, survey.closes_on),
        sites=[_site(s.site) for s in results.site_rates],
        tables=survey_tables(results),
    )


def dashboard_spreadsheet(user, *, period: Period) -> Spreadsheet:
    figures = programme_dashboard(user, period=period, every_site=True)
    members, meetings, attendance = figures["members"], figures["meetings"], figures["attendance"]
    tables = [
        Table(
            title="Members by sector",
            headers=["Site", *members["sectors"], "Total"],
            rows=[[_site(row["site"]), *row["counts"], row["total"]] for row in members["rows"]],
        ),
        Table(
            title="Meetings held",
            headers=["Site", "Meetings held", "Expected", "Expected number reached"],
            rows=[[_site(r["site"]), r["held"], r["expected"], "Yes" if r["met"] else "No"] for r in meetings["rows"]],
        ),
        Table(
            title="Attendance by month",
            headers=["Month", "Present", "On the register", "Attendance rate (%)"],
            rows=[
                [f"{r['month']:%b %Y}", r["rate"].part, r["rate"].whole, r["rate"].percent]
                for r in attendance["rows"]
            ],
            note=f"Overall: {attendance['overall']}",
        ),
        Table(
            title="Budget",
            headers=["Site", "Spent", "Award", "Spent (%)"],
            rows=[[_site(r["site"]), r["spent"], r["award"], r["percent"]] for r in figures["budget"]["rows"]],
        ),
        Table(
            title="Cases",
            headers=["Site", "Discussed", "Followed up"],
            rows=[[_site(r["site"]), r["discussed"], r["followed_up"]] for r in figures["cases"]["rows"]],
        ),
        Table(
            title="Outcomes",
            headers=["Outcome reported at follow-up", "Follow-ups"],
            rows=[[label, n] for label, n in figures["outcomes"]["rows"]],
            note=f"Follow-ups with no outcome yet: {figures['outcomes']['none_yet']}",
        ),
        Table(
            title="Evidence",
            headers=["Evidence items added", "Attached to these sites' cases"],
            rows=[[figures["evidence"]["added"], figures["evidence"]["linked"]]],
        ),
    ]
    if figures["survey"] is not None:
        results = figures["survey"]["results"]
        for table in survey_tables(results):
            table.title = f"Survey {table.title.lower()}"
            table.note = f"Latest survey in the period: {results.survey.title}"
            tables.append(table)
    return Spreadsheet(
        title="Programme dashboard",
        period=describe_period(period.start, period.end),
        sites=[_site(s) for s in figures["sites"]],
        tables=tables,
    )


def attendance_spreadsheet(user, *, period: Period) -> Spreadsheet:
    sites = list(evaluation_sites_for(user))
    rows = attendance_by_meeting(sites, period=period)
    table = Table(
        title="Attendance per site and meeting",
        headers=["Site", "Meeting", "Cancelled", "Present", "Apologies", "Absent", "Attendance rate (%)"],
        rows=[
            [
                _site(r["site"]),
                r["meeting"].starts_at,
                "Yes" if r["cancelled"] else "No",
                r["present"],
                r["apologies"],
                r["absent"],
                r["rate"].percent if r["rate"].whole else "",
            ]
            for r in rows
        ],
    )
    return Spreadsheet(
        title="Attendance per site and meeting",
        period=describe_period(period.start, period.end),
        sites=[_site(s) for s in sites],
        tables=[table],
    )
