"""The demo programme, built from each app's demo.py, lower layers first: the sites with their people and meetings,
then what happens in them. Safe to run again: each part leaves what is already there alone."""

import random

from django.db import transaction

from cases.demo import create_demo_cases
from cycle.demo import create_demo_meeting_cycle
from digests.demo import create_demo_digest_data
from evaluation.demo import create_evaluation_demo_data
from forum.demo import create_demo_forum
from network.demo import create_demo_network
from newsletters.demo import create_demo_newsletter
from recruitment.demo import create_recruitment_demo_data
from sites.demo import create_demo_sites
from toolkit.demo import create_toolkit_demo_data


@transaction.atomic
def create_demo_sites_and_evaluation() -> bool:
    """The sites, the evaluation and last month's newsletter draft, in one transaction and from one seeded random
    generator; False (and nothing changed) if the demo sites are already there."""
    rng = random.Random(2012)
    if not create_demo_sites(rng):
        return False
    create_evaluation_demo_data(rng)
    create_demo_newsletter()
    return True


def create_demo_programme() -> bool:
    """Everything the demo shows. Returns whether the sites were created now (False: they were there already)."""
    created = create_demo_sites_and_evaluation()
    create_demo_cases()
    create_recruitment_demo_data()  # before the toolkit's first health check, which looks for a senior sponsor
    create_toolkit_demo_data()
    create_demo_meeting_cycle()
    create_demo_digest_data()
    create_demo_forum()
    create_demo_network()
    return created
