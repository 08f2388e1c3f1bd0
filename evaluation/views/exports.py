"""Spreadsheet downloads of the evaluation's tables (XLSX or CSV), checked and scoped exactly as the pages,
and audited."""

from django.contrib.auth.decorators import login_required
from django.http import Http404

from audit.models import AuditAction
from audit.services import record_event
from core.access import get_visible_or_404
from core.spreadsheets import FORMATS, spreadsheet_response
from evaluation import exports, selectors
from evaluation.dashboard import Period
from evaluation.forms import PeriodForm
from evaluation.models import Survey, SurveyStatus
from evaluation.rules import survey_results_site_ids

OPENED_SURVEYS = Survey.objects.exclude(status=SurveyStatus.DRAFT)


def _format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise Http404
    return fmt


def _period(request) -> Period:
    form = PeriodForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return Period(form.cleaned_data["start"], form.cleaned_data["end"])
    return Period()


def _record(request, what: str, sheet, fmt: str, target=None) -> None:
    record_event(
        actor=request.user,
        action=AuditAction.EXPORTED,
        target=target,
        detail=f"{what} {fmt.upper()} ({sheet.period}; {', '.join(sheet.sites) or 'no sites'})",
        request=request,
    )


@login_required
def dashboard_export(request, fmt: str):
    if not request.user.has_perm("evaluation.view_dashboard"):
        raise Http404
    fmt = _format(fmt)
    sheet = exports.dashboard_spreadsheet(request.user, period=_period(request))
    _record(request, "programme dashboard", sheet, fmt)
    return spreadsheet_response(sheet, fmt=fmt, filename="programme-dashboard")


@login_required
def attendance_export(request, fmt: str):
    if not request.user.has_perm("evaluation.view_dashboard"):
        raise Http404
    fmt = _format(fmt)
    sheet = exports.attendance_spreadsheet(request.user, period=_period(request))
    _record(request, "attendance per site and meeting", sheet, fmt)
    return spreadsheet_response(sheet, fmt=fmt, filename="attendance-per-meeting")


@login_required
def survey_results_export(request, pk: int, fmt: str):
    survey = get_visible_or_404(OPENED_SURVEYS, request.user, "evaluation.view_survey_results", pk=pk)
    site_ids = survey_results_site_ids(request.user, survey)
    fmt = _format(fmt)
    sheet = exports.survey_spreadsheet(survey, selectors.survey_results(survey, site_ids=site_ids))
    _record(request, "survey results", sheet, fmt, target=survey)
    return spreadsheet_response(sheet, fmt=fmt, filename=f"survey-{survey.pk}-results")
