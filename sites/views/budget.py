"""A site's budget: expense lines and the award."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.access import get_visible_or_404
from core.forms import add_service_error
from core.placed_messages import success_at
from sites.forms.sites import AwardForm, ExpenseForm
from sites.models import Expense, Site
from sites.services import budget as budget_services


@login_required
def expense_add(request, pk: int):
    site = get_visible_or_404(Site, request.user, "sites.view_site", pk=pk)
    if not request.user.has_perm("sites.add_expense", site):
        raise Http404
    form = ExpenseForm(request.POST or None)
    over_budget = None
    if request.method == "POST" and form.is_valid():
        try:
            expense = budget_services.add_expense(site=site, recorded_by=request.user, **form.service_arguments())
        except budget_services.BudgetWouldBeExceeded as problem:
            over_budget = str(problem)
            form.ask_for_confirmation()
        except ValidationError as problem:
            add_service_error(form, problem)
        else:
            success_at(request, "budget", f"Expense of {budget_services.format_pounds(expense.amount)} recorded.")
            return redirect(reverse("sites:detail", args=[site.pk]) + "#budget-heading")
    context = {"site": site, "form": form, "over_budget": over_budget, "budget": budget_services.budget_summary(site)}
    return render(request, "sites/expense_form.html", context)


@login_required
def award_change(request, pk: int):
    site = get_visible_or_404(Site, request.user, "sites.view_site", pk=pk)
    if not request.user.has_perm("sites.change_award", site):
        raise PermissionDenied("Only a programme admin can change a site's award.")
    form = AwardForm(request.POST or None, initial={"award": site.award})
    if request.method == "POST" and form.is_valid():
        budget_services.change_award(site=site, changed_by=request.user, award=form.cleaned_data["award"])
        messages.success(request, f"The award for {site.code} is now {budget_services.format_pounds(site.award)}.")
        return redirect("sites:detail", site.pk)
    return render(request, "sites/award_form.html", {"site": site, "form": form})


@login_required
@require_POST
def expense_remove(request, pk: int, expense_pk: int):
    site = get_visible_or_404(Site, request.user, "sites.view_site", pk=pk)
    if not request.user.has_perm("sites.add_expense", site):
        raise Http404
    expense = get_object_or_404(Expense, pk=expense_pk, site=site)
    budget_services.remove_expense(expense=expense, removed_by=request.user)
    success_at(request, "budget", f"Expense of {budget_services.format_pounds(expense.amount)} removed.")
    return redirect(reverse("sites:detail", args=[site.pk]) + "#budget-heading")
