"""Experts by experience: what each agreed to share, and their involvement payments."""

from django.conf import settings
from django.db import models

from core.text_gate import TextGate
from sites.models.budget import Expense
from sites.models.sites import Site


class ExpertConsent(models.Model):
    """What an expert by experience agreed to share and how they may be contacted."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="expert_consents")
    expert = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="expert_consents")
    agreed_to_share = models.TextField()
    contact_by = models.CharField(max_length=300)
    given_on = models.DateField()
    withdrawn_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    text_gate = TextGate(
        gated={},
        exempt={
            "agreed_to_share": "The expert by experience's own consent record, seen only by the site's facilitators.",
            "contact_by": "The expert by experience's own consent record, seen only by the site's facilitators.",
        },
    )

    class Meta:
        ordering = ["site", "-given_on", "pk"]

    def __str__(self) -> str:
        return f"Consent of {self.expert} at {self.site.code}"


class ExpertPayment(models.Model):
    """An involvement payment or travel expense for an expert by experience (the amount is the Expense)."""

    expert = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="expert_payments")
    expense = models.OneToOneField(Expense, on_delete=models.CASCADE, related_name="expert_payment")

    def __str__(self) -> str:
        return f"{self.expense} to {self.expert}"
