"""Data for the double-submit test, written into its own SQLite file by a subprocess and printed as JSON:
an approved newsletter with a knowledge broker's session (tests.faults.seed) and invitations to accept.

    python -m tests.security.double_submit_seed ROUNDS
"""

import json
import sys


def seed(rounds: int) -> dict:
    from sites.models import MembershipRole, Site
    from sites.services.invitations import invite_person
    from tests.factories import UserFactory
    from tests.faults.seed import newsletter

    data = newsletter()
    admin = UserFactory(name="Alex Admin", is_programme_admin=True)
    site = Site.objects.get(pk=data["site"])
    urls = [
        invite_person(invited_by=admin, email=f"invited{n}@example.org", role=MembershipRole.MEMBER, site=site).url
        for n in range(rounds)
    ]
    return {**data, "invitations": ["/" + url.split("/", 3)[3] for url in urls]}  # the path, without SITE_URL


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(seed(int(sys.argv[1]))))
