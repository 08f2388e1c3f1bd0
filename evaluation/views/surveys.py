from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.access import get_visible_or_404
from evaluation import selectors, services
from evaluation.charts import survey_chart
from evaluation.forms import AnswerSurveyForm, OpenSurveyForm, QuestionForm, SurveyForm
from evaluation.models import MIN_RESPONSES, Question, Survey, SurveyStatus
from evaluation.rules import survey_results_site_ids

OPENED_SURVEYS = Survey.objects.exclude(status=SurveyStatus.DRAFT)


def _error(problem: ValidationError) -> str:
    return " ".join(problem.messages)


@login_required
def survey_list(request):
    if not request.user.has_perm("evaluation.manage_surveys"):
        raise Http404
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        survey = services.create_survey(created_by=request.user, **form.cleaned_data)
        messages.success(request, "Survey created. Add its statements and questions, then open it.")
        return redirect("evaluation:survey_detail", survey.pk)
    return render(
        request,
        "evaluation/survey_list.html",
        {"surveys": selectors.surveys_for_admin(), "form": form, "min_responses": MIN_RESPONSES},
    )


@login_required
@require_POST
def survey_from_report(request):
    if not request.user.has_perm("evaluation.manage_surveys"):
        raise Http404
    survey = services.start_report_survey(created_by=request.user)
    messages.success(request, "Draft survey created from the report's evaluation survey. Check it, then open it.")
    return redirect("evaluation:survey_detail", survey.pk)


@login_required
def survey_detail(request, pk: int):
    survey = get_visible_or_404(Survey, request.user, "evaluation.manage_surveys", pk=pk)
    context = {
        "survey": survey,
        "question_form": QuestionForm(),
        "open_form": OpenSurveyForm(),
        **selectors.survey_page(survey),
    }
    return render(request, "evaluation/survey_detail.html", context)


@login_required
@require_POST
def add_question(request, pk: int):
    survey = get_visible_or_404(Survey, request.user, "evaluation.manage_surveys", pk=pk)
    form = QuestionForm(request.POST)
    if form.is_valid():
        try:
            services.add_question(survey=survey, **form.cleaned_data)
        except ValidationError as problem:
            messages.error(request, _error(problem))
        else:
            messages.success(request, "Question added.")
    else:
        messages.error(request, "Write the statement or question before adding it.")
    return redirect("evaluation:survey_detail", survey.pk)


@login_required
@require_POST
def remove_question(request, pk: int, question_pk: int):
    survey = get_visible_or_404(Survey, request.user, "evaluation.manage_surveys", pk=pk)
    question = get_object_or_404(Question, pk=question_pk, survey=survey)
    try:
        services.remove_question(question=question)
    except ValidationError as problem:
        messages.error(request, _error(problem))
    else:
        messages.success(request, "Question removed.")
    return redirect("evaluation:survey_detail", survey.pk)


@login_required
def open_survey(request, pk: int):
    survey = get_visible_or_404(Survey, request.user, "evaluation.manage_surveys", pk=pk)
    form = OpenSurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.open_survey(survey=survey, **form.cleaned_data)
        except ValidationError as problem:
            form.add_error(None, _error(problem))
        else:
            messages.success(
                request, f"Survey open to {survey.invited_count} members until {survey.closes_on:%d/%m/%Y}."
            )
            return redirect("evaluation:survey_detail", survey.pk)
    context = {"survey": survey, "question_form": QuestionForm(), "open_form": form, **selectors.survey_page(survey)}
    return render(request, "evaluation/survey_detail.html", context, status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def close_survey(request, pk: int):
    survey = get_visible_or_404(Survey, request.user, "evaluation.manage_surveys", pk=pk)
    try:
        services.close_survey(survey=survey)
    except ValidationError as problem:
        messages.error(request, _error(problem))
    else:
        messages.success(request, "Survey closed. No more answers can be given or changed.")
    return redirect("evaluation:survey_detail", survey.pk)


@login_required
def answer_survey(request, pk: int):
    survey = get_visible_or_404(OPENED_SURVEYS, request.user, "evaluation.answer_survey", pk=pk)
    questions = list(survey.questions.all())
    agreements, texts = selectors.existing_answers(survey, request.user)
    initial = {f"q{q}": v for q, v in agreements.items()} | {f"q{q}": v for q, v in texts.items()}
    answered = bool(initial)
    if not survey.accepts_answers():
        return render(
            request, "evaluation/survey_not_open.html", {"survey": survey, "today": timezone.localdate()}, status=403
        )
    form = AnswerSurveyForm(request.POST or None, questions=questions, initial=initial)
    if request.method == "POST" and form.is_valid():
        agreements, texts = form.answers()
        try:
            services.submit_survey_response(survey=survey, respondent=request.user, agreements=agreements, texts=texts)
        except (ValidationError, PermissionDenied) as problem:
            form.add_error(None, " ".join(getattr(problem, "messages", [str(problem)])))
        else:
            messages.success(
                request,
                f"Thank you: your answers are saved. You can change them until {survey.closes_on:%d/%m/%Y}.",
            )
            return redirect("home")
    return render(request, "evaluation/survey_answer.html", {"survey": survey, "form": form, "answered": answered})


@login_required
def survey_results(request, pk: int):
    survey = get_visible_or_404(OPENED_SURVEYS, request.user, "evaluation.view_survey_results", pk=pk)
    site_ids = survey_results_site_ids(request.user, survey)
    results = selectors.survey_results(survey, site_ids=site_ids)
    return render(
        request,
        "evaluation/survey_results.html",
        {"survey": survey, "results": results, "chart": survey_chart(results), "all_sites": site_ids is None},
    )
