"""Issues for commissioners as tracked items: the fourth part of a case's template, once the case has passed the
anonymisation gate, becomes an item with a theme, a status and a history of updates from commissioners. Items that
are the same blockage at several sites share their theme, or are merged by hand into a group.

An item holds no text of its own: it points at its case, whose (gated) issues for commissioners are shown screened.
Updates hold the commissioners' responses (gated) and every change of status."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from core.text_gate import TextGate


class IssueStatus(models.TextChoices):
    RAISED = "raised", "Raised"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    UNDER_REVIEW = "under_review", "Under review"
    ACTION_TAKEN = "action_taken", "Action taken"
    NO_ACTION = "no_action", "No action (with a reason)"
    CLOSED = "closed", "Closed"


OPEN_ISSUE_STATUSES = (IssueStatus.RAISED, IssueStatus.ACKNOWLEDGED, IssueStatus.UNDER_REVIEW)


class IssueGroup(models.Model):
    """Items a commissioner or programme admin judged to be the same issue, whatever their themes."""

    name = models.CharField(max_length=100)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    text_gate = TextGate(
        gated={}, exempt={"name": "Set by the code from a theme name on the programme's list, never typed."}
    )

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class CommissionerIssue(models.Model):
    """The issues for commissioners raised in one case, tracked from raised to closed."""

    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, related_name="commissioner_issue")
    theme = models.ForeignKey(
        "cases.Theme", on_delete=models.SET_NULL, null=True, blank=True, related_name="commissioner_issues"
    )
    group = models.ForeignKey(IssueGroup, on_delete=models.SET_NULL, null=True, blank=True, related_name="issues")
    status = models.CharField(max_length=16, choices=IssueStatus.choices, default=IssueStatus.RAISED)
    raised_at = models.DateTimeField(default=timezone.now)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    first_response_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-raised_at", "-pk"]
        indexes = [models.Index(fields=["status", "raised_at"])]

    def __str__(self) -> str:
        return f"Issues raised in case {self.case_id}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_ISSUE_STATUSES


class IssueUpdate(models.Model):
    """One step in an item's history: a commissioner's response, a change of status, or both. Moving to "no action"
    needs the reason, given as the text."""

    issue = models.ForeignKey(CommissionerIssue, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="issue_updates"
    )
    text = models.TextField("Response", blank=True)
    from_status = models.CharField(max_length=16, choices=IssueStatus.choices)
    to_status = models.CharField(max_length=16, choices=IssueStatus.choices)
    created_at = models.DateTimeField(default=timezone.now)

    text_gate = TextGate(gated={"text": "Response"})

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["issue", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(text="") | ~Q(from_status=models.F("to_status")), name="issue_update_changes_something"
            ),
            models.CheckConstraint(
                condition=~Q(to_status=IssueStatus.NO_ACTION) | ~Q(text="") | Q(from_status=IssueStatus.NO_ACTION),
                name="issue_no_action_has_a_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Update to {self.issue_id} on {self.created_at:%d/%m/%Y}"

    @property
    def changed_status(self) -> bool:
        return self.from_status != self.to_status


class IssueUpdateDelivery(models.Model):
    """One row per update and person told of it (the presenters and the site's facilitators): the email goes once."""

    update = models.ForeignKey(IssueUpdate, on_delete=models.CASCADE, related_name="deliveries")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["update", "person"], name="issue_update_delivery_once")]

    def __str__(self) -> str:
        return f"Update {self.update_id} to {self.person_id}"
