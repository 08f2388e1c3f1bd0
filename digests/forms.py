"""Forms of the commissioners' area: asking for a digest, the quarterly subscription, responding to issues."""

from datetime import date

from django import forms
from django.utils import timezone

from cases.models import CommissionerIssue, IssueStatus, Theme
from core.form_fields import SafeModelChoiceField, SafeModelMultipleChoiceField
from digests.content import Screen
from digests.services.requests import previous_quarter
from sites.models import Site

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class DigestRequestForm(forms.Form):
    period_start = forms.DateField(
        label="From",
        widget=DATE_WIDGET,
        input_formats=DATE_FORMATS,
        error_messages={
            "required": "Enter the first day of the period.",
            "invalid": "Enter a real date, such as 01/07/2026.",
        },
    )
    period_end = forms.DateField(
        label="To",
        widget=DATE_WIDGET,
        input_formats=DATE_FORMATS,
        error_messages={
            "required": "Enter the last day of the period.",
            "invalid": "Enter a real date, such as 30/09/2026.",
        },
    )
    sites = SafeModelMultipleChoiceField(
        label="Sites",
        queryset=Site.objects.order_by("code"),
        required=False,
        help_text="Tick the sites the digest covers, or leave them all unticked for a digest of every site.",
        widget=forms.CheckboxSelectMultiple(attrs={"data-picker": "Find a site"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            start, end = previous_quarter(timezone.localdate())
            self.initial.setdefault("period_start", start)
            self.initial.setdefault("period_end", end)
        self.fields["sites"].label_from_instance = lambda s: f"{s.code} {s.town}"

    def clean(self):
        cleaned = super().clean()
        start: date | None = cleaned.get("period_start")
        end: date | None = cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "The end of the period must be on or after its start.")
        if start and start > timezone.localdate():
            self.add_error("period_start", "The period has not started yet: choose a start date today or earlier.")
        if start and end and (end - start).days > 3 * 366:
            self.add_error("period_end", "Choose a period of three years or less.")
        return cleaned


class SubscriptionForm(forms.Form):
    subscribed = forms.BooleanField(label="Send me the digest every quarter", required=False)


STATUS_FILTERS = [
    ("open", "Open (raised, acknowledged or under review)"),
    ("all", "Every status"),
    *IssueStatus.choices,
]


class IssueFilterForm(forms.Form):
    """The commissioners' list: which statuses and theme to show (read from the query string)."""

    status = forms.ChoiceField(label="Status", choices=STATUS_FILTERS, required=False)
    theme = SafeModelChoiceField(
        label="Theme", queryset=Theme.objects.order_by("name"), required=False, empty_label="Every theme"
    )


class IssueUpdateForm(forms.Form):
    """A commissioner's response to an issue, a new status, or both (and its theme)."""

    text = forms.CharField(
        label="Your response",
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What commissioners are doing or will do about this issue. Needed when no action will be taken: "
        "give the reason. Never include a name or other personal details. The site's members read it.",
    )
    status = forms.ChoiceField(
        label="Status",
        choices=[c for c in IssueStatus.choices if c[0] != IssueStatus.RAISED],
        error_messages={"required": "Choose a status.", "invalid_choice": "Choose one of the statuses listed."},
    )
    theme = SafeModelChoiceField(
        label="Theme",
        queryset=Theme.objects.order_by("name"),
        required=False,
        empty_label="No theme",
        help_text="Issues on the same theme are listed together, across sites.",
    )

    def __init__(self, *args, issue: CommissionerIssue, **kwargs):
        super().__init__(*args, **kwargs)
        if issue.status == IssueStatus.RAISED:  # a first response acknowledges the issue
            self.fields["status"].choices = IssueStatus.choices
            self.initial.setdefault("status", IssueStatus.ACKNOWLEDGED)
        else:
            self.initial.setdefault("status", issue.status)
        self.initial.setdefault("theme", issue.theme_id)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == IssueStatus.NO_ACTION and not (cleaned.get("text") or "").strip():
            self.add_error("text", "Give the reason no action will be taken: the site will read it.")
        return cleaned


class GroupIssuesForm(forms.Form):
    """Group an issue with another one raised elsewhere (the same blockage under other words or themes)."""

    with_issue = SafeModelChoiceField(
        label="The same issue as",
        queryset=CommissionerIssue.objects.none(),
        empty_label="Choose an issue",
        error_messages={"required": "Choose the issue to group this one with."},
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["with_issue"].queryset = choices
        screen = Screen()  # titles as commissioners read them everywhere: screened
        self.fields["with_issue"].label_from_instance = lambda i: f"{i.case.site.code}: {screen.title(i.case)}"
