"""The best match comes first however many weaker matches there are: one search ranks only a limited set of a
common word's candidates (search.selectors.CANDIDATES), never at the cost of the best match."""

import pytest
from django.utils import timezone

from cases.models import Case, CaseStatus
from cases.search import update_search_document
from search.selectors import CANDIDATES, search_everything

WEAKER = "The tenancy was at risk; the tenancy officer and the tenancy panel met twice about the tenancy."


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["cases", "learning_objects"])
def test_a_title_match_comes_first_behind_more_newer_body_matches_than_are_ranked(kind, site, programme_admin):
    status = CaseStatus.PUBLISHED if kind == "learning_objects" else CaseStatus.DISCUSSED
    published_at = timezone.now() if kind == "learning_objects" else None

    def add(title: str, presentation: str) -> Case:
        case = Case.objects.create(
            site=site, title=title, presentation=presentation, status=status, published_at=published_at
        )
        update_search_document(case)  # as the services do after every change of text
        return case

    best = add("Tenancy lost after a hospital stay", "Nobody told the landlord.")  # the oldest of them all
    for n in range(CANDIDATES + 5):  # newer, and each says the word four times, but not in its title
        add(f"A weekend crisis {n}", WEAKER)

    group = next(group for group in search_everything(programme_admin, "tenancy") if group.kind == kind)
    assert group.hits[0].title == best.title
    assert len(group.hits) == 5 and group.more
