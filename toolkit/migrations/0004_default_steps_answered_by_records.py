"""Mark the seeded default steps that a site's own records answer, so they are ticked from the data."""

from django.db import migrations

ANSWERED_BY_RECORDS = {
    "Recruit 6 to 10 members across the sectors": "members_recruited",
    "Involve two experts by experience from the outset, where appropriate": "experts_involved",
    "Hold a taster session": "taster_held",
    "Agree ground rules on confidentiality and information sharing": "ground_rules_agreed",
    "Schedule at least six meetings": "six_meetings_scheduled",
}


def mark_steps(apps, schema_editor):
    DefaultChecklistItem = apps.get_model("toolkit", "DefaultChecklistItem")
    for title, answer in ANSWERED_BY_RECORDS.items():
        DefaultChecklistItem.objects.filter(title=title, answered_by_records="").update(answered_by_records=answer)


def unmark_steps(apps, schema_editor):
    DefaultChecklistItem = apps.get_model("toolkit", "DefaultChecklistItem")
    DefaultChecklistItem.objects.update(answered_by_records="")


class Migration(migrations.Migration):
    dependencies = [("toolkit", "0003_default_step_answered_by_records")]

    operations = [migrations.RunPython(mark_steps, unmark_steps)]
