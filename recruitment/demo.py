"""Demo data for recruitment: senior sponsors at CP1, CP3, CP4 and CP5 (CP2 never had one), and CP1's agencies with
their managers and approaches. Running it again changes nothing that is already there."""

from datetime import timedelta

from django.db import transaction

from recruitment.models import Agency, Approach, ApproachMethod, ApproachOutcome, SeniorSponsor
from sites.models import Site, TargetDiscipline

SPONSORS = {  # CP2 never had one; the others' sponsors are senior people in their host organisations
    "CP1": ("Jo Okafor", "Chief executive"),
    "CP3": ("Sam Whitlock", "Deputy director"),
    "CP4": ("Anita Desai", "Director of services"),
    "CP5": ("Tom Reilly", "Head of partnerships"),
}
CP1_AGENCIES = [
    # name, sector, a discipline it could supply (by its first word), manager, approaches (days after start, how,
    # outcome, next step)
    (
        "Brighton & Hove adult social care",
        "local_authority",
        "Social",
        ("Dana Reid", "Team manager"),
        [
            (10, ApproachMethod.LETTER, ApproachOutcome.AWAITING, "Phone the team manager"),
            (
                24,
                ApproachMethod.IN_PERSON,
                ApproachOutcome.MORE_INFORMATION,
                "Send the dates of the first three meetings",
            ),
        ],
    ),
    (
        "Sussex Partnership NHS Foundation Trust",
        "nhs",
        "NHS",
        ("Priya Shah", "Community mental health manager"),
        [(12, ApproachMethod.EMAIL, ApproachOutcome.RELEASING, "")],
    ),
    (
        "Brighton & Hove housing options",
        "local_authority",
        "Council",
        ("Lee Carter", "Housing options manager"),
        [(15, ApproachMethod.PHONE, ApproachOutcome.DECLINED, "Ask the sponsor to write to the head of housing")],
    ),
]


@transaction.atomic
def create_recruitment_demo_data() -> None:
    sites = {site.code: site for site in Site.objects.filter(code__in=SPONSORS)}
    for code, (name, role) in SPONSORS.items():
        if code in sites:
            SeniorSponsor.objects.get_or_create(
                site=sites[code],
                defaults={
                    "name": name,
                    "role": role,
                    "agency": sites[code].host_organisation,
                    "agreed_on": sites[code].start_date - timedelta(days=20),
                },
            )
    cp1 = sites.get("CP1")
    if cp1 is None or Agency.objects.filter(site=cp1).exists():
        return
    for name, sector, discipline, (manager_name, manager_role), approaches in CP1_AGENCIES:
        agency = Agency.objects.create(site=cp1, name=name, sector=sector)
        agency.could_supply.set(TargetDiscipline.objects.filter(site=cp1, name__startswith=discipline))
        manager = agency.managers.create(
            name=manager_name, role=manager_role, email=f"{manager_name.split()[0].lower()}@example.org"
        )
        for days, method, outcome, next_step in approaches:
            Approach.objects.create(
                agency=agency,
                manager=manager,
                approached_on=cp1.start_date - timedelta(days=40 - days),
                made_by="Jo Okafor" if method == ApproachMethod.LETTER else "Fran Facilitator",
                method=method,
                outcome=outcome,
                next_step=next_step,
                letter="invitation_letter" if method == ApproachMethod.LETTER else "",
            )
