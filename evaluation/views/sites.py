"""A site's evaluation: focus groups and the team self-assessment rounds."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.access import get_visible_or_404
from evaluation import selectors, services
from evaluation.charts import profile_chart, question_charts
from evaluation.forms import FocusGroupForm, ImprovementPlanForm, SelfAssessmentForm
from evaluation.models import LEARNING_CULTURES, AssessmentRound
from evaluation.stages import CITATION, advice_for, leading_stage
from sites.models import Site

ROUNDS = AssessmentRound.objects.select_related("site")


@login_required
def site_evaluation(request, site_pk: int):
    site = get_visible_or_404(Site, request.user, "evaluation.manage_site_evaluation", pk=site_pk)
    page = selectors.site_evaluation_page(site)
    latest = next((r for r in page["rounds"] if r.response_count >= page["min_responses"]), None)
    stage = leading_stage(selectors.round_profile(latest).stages) if latest else None
    context = {"site": site, **page, "stage_round": latest, "stage_advice": advice_for(stage), "citation": CITATION}
    return render(request, "evaluation/site_evaluation.html", context)


@login_required
def record_focus_group(request, site_pk: int):
    site = get_visible_or_404(Site, request.user, "evaluation.manage_site_evaluation", pk=site_pk)
    form = FocusGroupForm(request.POST or None)
    findings = []
    if request.method == "POST" and form.is_valid():
        try:
            services.record_focus_group(site=site, recorded_by=request.user, **form.cleaned_data)
        except services.PersonalDataFound as problem:
            findings = problem.locations
            for location in findings:
                form.add_error(location.field, str(location))
        except ValidationError as problem:
            form.add_error(None, " ".join(problem.messages))
        else:
            messages.success(request, "Focus group recorded.")
            return redirect("evaluation:site", site.pk)
    return render(request, "evaluation/focus_group_form.html", {"site": site, "form": form, "findings": findings})


@login_required
@require_POST
def open_round(request, site_pk: int):
    site = get_visible_or_404(Site, request.user, "evaluation.manage_site_evaluation", pk=site_pk)
    try:
        services.open_assessment_round(site=site, opened_by=request.user)
    except ValidationError as problem:
        messages.error(request, " ".join(problem.messages))
    else:
        messages.success(request, "Self-assessment round opened. Members see it on their home page.")
    return redirect("evaluation:site", site.pk)


@login_required
@require_POST
def close_round(request, pk: int):
    assessment_round = get_visible_or_404(ROUNDS, request.user, "evaluation.manage_site_evaluation", pk=pk)
    try:
        services.close_assessment_round(assessment_round=assessment_round)
    except ValidationError as problem:
        messages.error(request, " ".join(problem.messages))
    else:
        messages.success(request, "Self-assessment round closed.")
    return redirect("evaluation:round", assessment_round.pk)


@login_required
def round_profile(request, pk: int):
    assessment_round = get_visible_or_404(ROUNDS, request.user, "evaluation.manage_site_evaluation", pk=pk)
    profile = selectors.round_profile(assessment_round)
    previous_round = selectors.previous_round(assessment_round)
    previous = selectors.round_profile(previous_round) if previous_round else None
    tables = selectors.profile_tables(profile, previous)
    compare = previous is not None and not previous.withheld
    previous_plan = selectors.plan_of(previous_round)
    if not profile.withheld:
        for table, chart in zip(tables, question_charts(assessment_round.site.name, tables, compare), strict=True):
            table["svg"] = chart
    context = {
        "site": assessment_round.site,
        "assessment_round": assessment_round,
        "profile": profile,
        "previous_round": previous_round,
        "previous": previous,
        "chart": profile_chart(assessment_round.site.name, profile, previous),
        "tables": tables,
        "compare": compare,
        "plan": selectors.plan_of(assessment_round),
        "previous_plan": previous_plan,
        "plan_rows": selectors.plan_comparison(previous_plan, previous, profile),
        "stage_advice": advice_for(leading_stage(profile.stages)),
        "citation": CITATION,
    }
    return render(request, "evaluation/round_profile.html", context)


@login_required
def improvement_plan(request, pk: int):
    assessment_round = get_visible_or_404(ROUNDS, request.user, "evaluation.manage_site_evaluation", pk=pk)
    profile = selectors.round_profile(assessment_round)
    questions = selectors.weakest_questions(profile)
    plan = selectors.plan_of(assessment_round)
    initial = {}
    for action in plan.action_list if plan else []:
        initial |= {
            f"action_{action.question_id}": action.action,
            f"owner_{action.question_id}": action.owner_id,
            f"review_{action.question_id}": action.review_on,
        }
    owners = selectors.plan_owner_choices(assessment_round.site)
    data = request.POST if request.method == "POST" else None
    form = ImprovementPlanForm(data, questions=questions, owners=owners, initial=initial)
    if request.method == "POST" and questions and form.is_valid():
        try:
            services.write_improvement_plan(
                assessment_round=assessment_round,
                written_by=request.user,
                actions=[services.PlannedAction(**row) for row in form.actions()],
            )
        except ValidationError as problem:
            form.add_error(None, " ".join(problem.messages))
        else:
            messages.success(request, "Improvement plan saved. The next round's results will be compared with it.")
            return redirect("evaluation:round", assessment_round.pk)
    means = profile.question_means
    rows = [(question, means.get(question.pk), *(form[name] for name in names)) for question, *names in form.rows]
    context = {"site": assessment_round.site, "assessment_round": assessment_round, "profile": profile}
    context |= {"form": form, "rows": rows, "plan": plan}
    return render(request, "evaluation/improvement_plan.html", context)


@login_required
def answer_round(request, pk: int):
    assessment_round = get_visible_or_404(ROUNDS, request.user, "evaluation.answer_self_assessment", pk=pk)
    if not assessment_round.is_open:
        context = {"problem": "This self-assessment round has closed."}
        return render(request, "evaluation/round_closed.html", context, status=403)
    existing = selectors.existing_assessment(assessment_round, request.user)
    initial = {}
    if existing:
        initial["stage"] = existing.stage
        initial |= {f"culture_{c}": getattr(existing, c) for c, _ in LEARNING_CULTURES}
        for rating in existing.ratings.all():
            initial[f"rating_{rating.question_id}"] = rating.rating
            initial[f"comment_{rating.question_id}"] = rating.comment
    form = SelfAssessmentForm(request.POST or None, domains=selectors.assessment_questions_by_domain(), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_self_assessment(
                assessment_round=assessment_round,
                respondent=request.user,
                stage=form.cleaned_data["stage"],
                cultures=form.cultures(),
                ratings=form.ratings(),
            )
        except ValidationError as problem:
            form.add_error(None, " ".join(problem.messages))
        else:
            messages.success(
                request, "Thank you: your self-assessment is saved. You can change it while the round is open."
            )
            return redirect("home")
    context = {"assessment_round": assessment_round, "form": form, "answered": existing is not None}
    return render(request, "evaluation/round_answer.html", context)
