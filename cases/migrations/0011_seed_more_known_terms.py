from django.db import migrations


def seed_new_known_terms(apps, schema_editor):
    """Add the seed list's new entries (ombudsmen, charities named after a person) to a list already seeded.

    Only entries not yet in the table are added: an entry an admin removed is kept there, unlisted, and stays so.
    """
    from core.anonymisation import known_services

    KnownTerm = apps.get_model("cases", "KnownTerm")
    if not KnownTerm.objects.exists():
        return  # never seeded (0009 seeds a fresh database with the whole list)
    existing = set(KnownTerm.objects.values_list("kind", "text"))
    rows = {}
    for name in known_services.ORGANISATIONS:
        rows.setdefault(("organisation", name), KnownTerm(kind="organisation", text=name))
    for label, number in known_services.PUBLIC_NUMBERS:
        rows.setdefault(("number", number), KnownTerm(kind="number", text=number, label=label))
    KnownTerm.objects.bulk_create([row for key, row in rows.items() if key not in existing])


class Migration(migrations.Migration):
    dependencies = [("cases", "0010_finding_dismissal_confirmed_by_a_facilitator")]

    operations = [migrations.RunPython(seed_new_known_terms, migrations.RunPython.noop)]
