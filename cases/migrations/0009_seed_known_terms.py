from django.db import migrations

from core.anonymisation import known_services


def seed_known_terms(apps, schema_editor):
    KnownTerm = apps.get_model("cases", "KnownTerm")
    seen = set()
    rows = []
    for name in known_services.ORGANISATIONS:
        if ("organisation", name) not in seen:
            seen.add(("organisation", name))
            rows.append(KnownTerm(kind="organisation", text=name))
    for label, number in known_services.PUBLIC_NUMBERS:
        if ("number", number) not in seen:
            seen.add(("number", number))
            rows.append(KnownTerm(kind="number", text=number, label=label))
    existing = set(KnownTerm.objects.values_list("kind", "text"))
    KnownTerm.objects.bulk_create([row for row in rows if (row.kind, row.text) not in existing])


def remove_seeded_terms(apps, schema_editor):
    apps.get_model("cases", "KnownTerm").objects.filter(changed_by__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0008_known_organisations_and_numbers")]

    operations = [migrations.RunPython(seed_known_terms, remove_seeded_terms)]
