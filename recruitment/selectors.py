"""Reads for a site's recruitment pages and its panel on the site page."""

from __future__ import annotations

from django.db.models import Prefetch

from recruitment.continuity import agency_continuity
from recruitment.models import Agency, Approach, SeniorSponsor
from sites.models import Site, TargetDiscipline


def agencies_of(site: Site):
    """The site's agencies with their managers, approaches (newest first) and the disciplines they could supply."""
    return (
        Agency.objects.filter(site=site)
        .prefetch_related(
            "managers",
            "could_supply",
            Prefetch("approaches", queryset=Approach.objects.select_related("manager"), to_attr="approach_list"),
        )
        .order_by("name")
    )


def sponsor_of(site: Site) -> SeniorSponsor | None:
    return SeniorSponsor.objects.filter(site=site).first()


def gap_suppliers(disciplines: list[TargetDiscipline]) -> list[tuple[TargetDiscipline, list[Agency]]]:
    """Each unfilled discipline with the agencies that could supply it. One query."""
    by_discipline: dict[int, list[Agency]] = {d.pk: [] for d in disciplines}
    through = Agency.could_supply.through.objects.filter(targetdiscipline_id__in=by_discipline).select_related("agency")
    for row in through.order_by("agency__name"):
        by_discipline[row.targetdiscipline_id].append(row.agency)
    return [(d, by_discipline[d.pk]) for d in disciplines]


def recruitment_panel(site: Site) -> dict:
    """What the site page's recruitment panel shows: the sponsor, each agency's last approach, continuity."""
    agencies = list(agencies_of(site))
    looked_at, continuity = agency_continuity(site)
    return {
        "sponsor": sponsor_of(site),
        "agencies": agencies,
        "continuity": continuity,
        "continuity_meetings": looked_at,
    }
