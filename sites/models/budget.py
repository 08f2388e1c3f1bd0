"""A site's budget: the award (on Site) and what was spent."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.text_gate import TextGate
from sites.models.sites import Site


class ExpenseCategory(models.TextChoices):
    ROOM_HIRE = "room_hire", "Room hire"
    REFRESHMENTS = "refreshments", "Refreshments"
    FACILITATOR_PAYMENT = "facilitator_payment", "Facilitator payment"
    EXPERT_PAYMENT = "expert_payment", "Expert by experience payment"
    TRAVEL = "travel", "Travel expenses"
    OTHER = "other", "Other"


class Expense(models.Model):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="expenses")
    category = models.CharField(max_length=32, choices=ExpenseCategory.choices)
    spent_on = models.DateField()
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    note = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    text_gate = TextGate(
        gated={}, exempt={"note": "A budget line (room hire, refreshments), seen only by facilitators and admins."}
    )

    class Meta:
        ordering = ["-spent_on", "-pk"]
        constraints = [models.CheckConstraint(condition=models.Q(amount__gt=0), name="expense_amount_positive")]

    def __str__(self) -> str:
        return f"{self.get_category_display()} £{self.amount} on {self.spent_on:%d/%m/%Y}"
