"""Seed the default set-up checklist with the steps the programme report recommends."""

from django.db import migrations

DEFAULT_STEPS = [
    (
        "Secure a senior sponsor in the host organisation",
        "CP2 stopped after its third meeting: its junior facilitator needed senior management support to "
        "approach other agencies. Agree who will open doors for you before you start.",
        "",
    ),
    (
        "Meet the managers of the agencies you will approach, in person",
        "Facilitators found meeting managers face to face time-consuming but essential to get front-line "
        "staff released. The letter to agency managers in the documents below helps.",
        "",
    ),
    (
        "Recruit 6 to 10 members across the sectors",
        "Aim for the voluntary sector, local authority, NHS, criminal justice and police, and experts by "
        "experience. Social workers, NHS mental health practitioners and council housing officers were the "
        "hardest to recruit: check the gaps.",
        "#gaps-heading",
    ),
    (
        "Involve two experts by experience from the outset, where appropriate",
        "The report advises two per group, involved from the start rather than added later.",
        "",
    ),
    (
        "Book a venue and refreshments within budget",
        "The award covers room hire, refreshments and the facilitator's time for at least six meetings.",
        "",
    ),
    (
        "Hold a taster session",
        "The first meeting is a taster: people see what a community of practice is before they commit.",
        "",
    ),
    (
        "Agree ground rules on confidentiality and information sharing",
        "Cases are anonymised: no names, dates of birth, NHS or National Insurance numbers, or addresses.",
        "",
    ),
    (
        "Schedule at least six meetings",
        "Monthly meetings of about two hours. Put the dates in diaries early so agencies can release staff.",
        "",
    ),
    (
        "Brief the knowledge brokers",
        "Tell the brokers the site's themes so they can bring short, tailored research and policy summaries.",
        "",
    ),
]


def seed_defaults(apps, schema_editor):
    DefaultChecklistItem = apps.get_model("toolkit", "DefaultChecklistItem")
    if DefaultChecklistItem.objects.exists():
        return
    DefaultChecklistItem.objects.bulk_create(
        DefaultChecklistItem(title=title, guidance=guidance, link=link, position=(number + 1) * 10)
        for number, (title, guidance, link) in enumerate(DEFAULT_STEPS)
    )


def remove_defaults(apps, schema_editor):
    DefaultChecklistItem = apps.get_model("toolkit", "DefaultChecklistItem")
    DefaultChecklistItem.objects.filter(title__in=[title for title, _, _ in DEFAULT_STEPS]).delete()


class Migration(migrations.Migration):
    dependencies = [("toolkit", "0001_checklist_thresholds_and_site_health")]

    operations = [migrations.RunPython(seed_defaults, remove_defaults)]
