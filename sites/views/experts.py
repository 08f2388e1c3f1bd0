"""Experts by experience at a site: what each agreed to share, and their involvement payments (in the budget)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.access import get_visible_or_404
from core.forms import add_service_error
from sites.forms.experts import ConsentForm, PaymentForm
from sites.models import ExpertConsent, Site
from sites.selectors.experts import experts_of, experts_page
from sites.services import experts as expert_services


def _access_site_experts(user, pk: int) -> Site:
    """Consents and payments: hidden entirely (404) from everyone but the site's facilitators and admins."""
    return get_visible_or_404(Site, user, "sites.manage_experts", pk=pk)


def _experts_page(request, site, *, experts, consent_form=None, payment_form=None):
    if consent_form is None:
        consent_form = ConsentForm(experts=experts, prefix="consent")
    if payment_form is None:
        payment_form = PaymentForm(experts=experts, prefix="payment")
    context = {"site": site, "consent_form": consent_form, "payment_form": payment_form, **experts_page(site)}
    return render(request, "sites/experts.html", context)


@login_required
def experts(request, pk: int):
    site = _access_site_experts(request.user, pk)
    experts = experts_of(site)
    consent_form = ConsentForm(request.POST or None, experts=experts, prefix="consent")
    if request.method == "POST" and consent_form.is_valid():
        try:
            expert_services.record_expert_consent(site=site, recorded_by=request.user, **consent_form.cleaned_data)
        except ValidationError as error:
            add_service_error(consent_form, error)
        else:
            messages.success(request, "Consent recorded.")
            return redirect("sites:experts", site.pk)
    return _experts_page(request, site, experts=experts, consent_form=consent_form)


@login_required
def expert_payment_add(request, pk: int):
    site = _access_site_experts(request.user, pk)
    experts = experts_of(site)
    payment_form = PaymentForm(request.POST or None, experts=experts, prefix="payment")
    if request.method == "POST" and payment_form.is_valid():
        try:
            expert_services.record_expert_payment(site=site, recorded_by=request.user, **payment_form.cleaned_data)
        except ValidationError as error:
            add_service_error(payment_form, error)
        else:
            messages.success(request, "Payment recorded in the site's budget.")
            return redirect("sites:experts", site.pk)
    return _experts_page(request, site, experts=experts, payment_form=payment_form)


@login_required
@require_POST
def expert_consent_withdraw(request, pk: int, consent_pk: int):
    site = _access_site_experts(request.user, pk)
    consent = get_object_or_404(ExpertConsent, pk=consent_pk, site=site)
    expert_services.withdraw_expert_consent(consent=consent, withdrawn_by=request.user)
    messages.success(request, "Consent marked as withdrawn today.")
    return redirect("sites:experts", site.pk)
