"""Set-up steps a site's own records answer: members who joined, the taster session held, ground rules agreed at
the register, meetings scheduled. Each answer says whether the step is done, since when, and how we know, so the
checklist never says "Not done yet" beside a record that shows it was done. Three queries for any number of sites."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Min
from django.utils import timezone

from sites.models import Meeting, MeetingStatus, Membership, MembershipRole
from sites.selectors.memberships import CurrentMembership, current_memberships_at
from toolkit.models import RecordsAnswer

MEMBERS_TO_RECRUIT = 6
EXPERTS_TO_INVOLVE = 2
MEETINGS_TO_SCHEDULE = 6


@dataclass(frozen=True)
class Answer:
    done_on: date | None
    evidence: str  # in plain words, for the checklist: what in the records ticks (or will tick) the step

    @property
    def is_done(self) -> bool:
        return self.done_on is not None


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _nth(days: list[date], n: int) -> date | None:
    return sorted(days)[n - 1] if len(days) >= n else None


def _count_answer(days: list[date], needed: int, what: str, since: str) -> Answer:
    reached = _nth(days, needed)
    if reached:
        return Answer(reached, f"{len(days)} {what}{since} {_long_date(reached)}.")
    return Answer(None, f"{len(days)} of {needed} {what} so far. Ticks itself when there are {needed}.")


def answers_for_sites(
    site_ids: Iterable[int], *, current: list[CurrentMembership] | None = None
) -> dict[int, dict[str, Answer]]:
    """For each site, the answer to every step the records can answer, keyed by RecordsAnswer value. `current`: the
    sites' current memberships (current_memberships_at) when the caller has read them already."""
    site_ids = list(site_ids)
    wanted = set(site_ids)
    now = timezone.now()
    members: dict[int, list[date]] = defaultdict(list)
    experts: dict[int, list[date]] = defaultdict(list)
    for membership in current_memberships_at(site_ids) if current is None else current:
        if membership.role == MembershipRole.MEMBER and membership.site_id in wanted:
            members[membership.site_id].append(membership.joined)
            if membership.expert_by_experience:
                experts[membership.site_id].append(membership.joined)
    scheduled: dict[int, list[date]] = defaultdict(list)
    tasters: dict[int, list[date]] = defaultdict(list)
    for site_id, starts_at, ends_at, is_taster, created_at in Meeting.objects.filter(
        site_id__in=site_ids, status=MeetingStatus.SCHEDULED
    ).values_list("site_id", "starts_at", "ends_at", "is_taster", "created_at"):
        # A meeting entered after it took place (an imported register) was in the diary by its own date at least.
        scheduled[site_id].append(min(timezone.localdate(created_at), timezone.localdate(starts_at)))
        if is_taster and ends_at < now:
            tasters[site_id].append(timezone.localdate(starts_at))
    agreed = dict(
        Membership.objects.filter(site_id__in=site_ids, ground_rules_agreed_on__isnull=False)
        .values("site_id")
        .annotate(first=Min("ground_rules_agreed_on"))
        .values_list("site_id", "first")
    )

    answers = {}
    for site_id in site_ids:
        taster = min(tasters[site_id], default=None)
        first_agreed = agreed.get(site_id)
        answers[site_id] = {
            RecordsAnswer.MEMBERS_RECRUITED: _count_answer(
                members[site_id], MEMBERS_TO_RECRUIT, "members", " now; the sixth joined on"
            ),
            RecordsAnswer.EXPERTS_INVOLVED: _count_answer(
                experts[site_id], EXPERTS_TO_INVOLVE, "experts by experience", " now; the second joined on"
            ),
            RecordsAnswer.TASTER_HELD: Answer(taster, f"Taster session held on {_long_date(taster)}.")
            if taster
            else Answer(None, "Ticks itself once a meeting marked as a taster session has taken place."),
            RecordsAnswer.GROUND_RULES_AGREED: Answer(
                first_agreed, f"First agreed at the register on {_long_date(first_agreed)}."
            )
            if first_agreed
            else Answer(None, "Ticks itself when the register records the first agreement to the ground rules."),
            RecordsAnswer.SIX_MEETINGS_SCHEDULED: _count_answer(
                scheduled[site_id], MEETINGS_TO_SCHEDULE, "meetings scheduled", "; the sixth was put in the diary on"
            ),
        }
    return answers
