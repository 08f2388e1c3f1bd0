from django.db import migrations

THEMES = [
    "Dual diagnosis",
    "Homelessness",
    "Secret caseloads",
    "Weekend crises",
    "Accommodation",
    "Mental health",
    "Substance misuse",
    "Domestic violence",
    "Criminal justice",
    "Leaving care",
]


def seed_themes(apps, schema_editor):
    Theme = apps.get_model("cases", "Theme")
    for name in THEMES:
        Theme.objects.get_or_create(name=name)


def remove_themes(apps, schema_editor):
    Theme = apps.get_model("cases", "Theme")
    Theme.objects.filter(name__in=THEMES, cases__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_case_studies_findings_and_follow_up")]

    operations = [migrations.RunPython(seed_themes, remove_themes)]
