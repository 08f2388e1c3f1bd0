"""Issues for commissioners become tracked items (cases.CommissionerIssue): one for every case past draft that raises
any, and every commissioner's response so far copied, in order, into its item's history (cases.IssueUpdate). The
first response acknowledges the item. The old rows stay where they were (the table is retired, not dropped), so
going back only removes the items."""

from django.db import migrations

ACKNOWLEDGED, RAISED = "acknowledged", "raised"


def track_and_copy(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    CommissionerIssue = apps.get_model("cases", "CommissionerIssue")
    IssueUpdate = apps.get_model("cases", "IssueUpdate")
    CommissionerResponse = apps.get_model("digests", "CommissionerResponse")
    cases = Case.objects.exclude(status="draft").exclude(commissioner_issues="")
    answered = CommissionerResponse.objects.values("case_id")
    for case in Case.objects.filter(pk__in=cases.values("pk")) | Case.objects.filter(pk__in=answered):
        if CommissionerIssue.objects.filter(case=case).exists():
            continue
        first = case.transitions.filter(from_status="draft").order_by("at").first()
        CommissionerIssue.objects.create(
            case=case,
            theme=case.themes.order_by("name").first(),
            raised_at=first.at if first else case.created_at,
        )
    for response in CommissionerResponse.objects.order_by("created_at", "pk"):
        issue = CommissionerIssue.objects.get(case_id=response.case_id)
        copied = IssueUpdate.objects.filter(
            issue=issue, author_id=response.responder_id, created_at=response.created_at
        )
        if copied.exists():  # already copied (the migration ran before, or was reversed and run again)
            continue
        to_status = ACKNOWLEDGED if issue.status == RAISED else issue.status
        IssueUpdate.objects.create(
            issue=issue,
            author_id=response.responder_id,
            text=response.text or "(The response was empty.)",
            from_status=issue.status,
            to_status=to_status,
            created_at=response.created_at,
        )
        if to_status != issue.status:
            issue.status, issue.status_changed_at = to_status, response.created_at
        if issue.first_response_at is None:
            issue.first_response_at = response.created_at
        issue.save(update_fields=["status", "status_changed_at", "first_response_at"])


def remove_items(apps, schema_editor):
    apps.get_model("cases", "CommissionerIssue").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("digests", "0003_digest_can_be_shared"),
        ("cases", "0013_commissioner_issues_tracked"),
    ]

    operations = [migrations.RunPython(track_and_copy, remove_items)]
