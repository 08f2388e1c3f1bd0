from datetime import date

import pytest
from django.core.management import CommandError, call_command

from cases.models import Case, CaseKind, Evidence, Outcome, Theme
from cases.services import lifecycle
from newsletters.models import Audience, IssueStatus, NewsletterIssue, NewsletterItem, Section
from newsletters.services import compile as compile_service
from newsletters.services.compile import compile_due_newsletters, compile_newsletter
from newsletters.services.editing import approve_issue, move_item, set_item_removed, update_introduction
from tests.factories import EvidenceFactory, at
from tests.newsletters.conftest import MARCH


def item_texts(issue) -> dict[str, tuple[str, str, str]]:
    return {
        item.source_key: (item.section, item.title, item.body)
        for item in NewsletterItem.objects.filter(issue=issue).order_by("section", "position")
    }


def test_compiled_issue_reports_each_site_exactly(march):
    issue = compile_newsletter(month=date(2026, 3, 17))
    brighton, colchester, stoke, workington, _halifax = (site.pk for site in march["sites"])
    assert issue.month == MARCH and issue.status == IssueStatus.DRAFT
    assert item_texts(issue) == {
        "programme:overview": (
            Section.PROGRAMME,
            "The programme in March 2026",
            "In March 2026, 2 of our 3 communities of practice met, 3 meetings in all:\n\n"
            "- Brighton (2 meetings)\n- Colchester\n\n"
            "Front-line practitioners from different agencies, with experts by experience, brought anonymised "
            "cases and worked through them together.",
        ),
        f"site_updates:site:{brighton}": (
            Section.SITE_UPDATES,
            "CP1 Brighton",
            "Met twice in March:\n\n"
            "- 5 March 2026: meeting, 3 of 4 members present\n"
            "- 19 March 2026: taster session, 4 of 4 members present",
        ),
        f"site_updates:site:{colchester}": (
            Section.SITE_UPDATES,
            "CP3 Colchester",
            "Met once in March:\n\n- 12 March 2026: meeting, 1 of 2 members present",
        ),
        "site_updates:quiet": (
            Section.SITE_UPDATES, "Quiet this month", "CP4 Stoke-on-Trent has nothing to report for March."
        ),  # fmt: skip
        f"site_updates:site:{workington}": (
            Section.SITE_UPDATES,
            "CP6 Workington",
            "The community of practice ended on 20 March 2026. Thank you to everyone who took part.",
        ),
        f"coming_meetings:site:{brighton}": (Section.COMING_MEETINGS, "CP1 Brighton", "- Thursday 2 April 2026, 14:00"),
    }
    public = NewsletterItem.objects.filter(issue=issue, audience=Audience.PUBLIC)
    assert [item.source_key for item in public] == ["programme:overview"]


def test_compiled_issue_names_no_one(march):
    issue = compile_newsletter(month=MARCH)
    text = " ".join(f"{item.title} {item.body}" for item in issue.items.all()) + issue.introduction
    for name in march["people"]:
        for part in name.split():
            assert part not in text, part


def test_site_update_has_slots_for_cases_and_follow_ups(march, monkeypatch):
    brighton = march["sites"][0]
    stoke = march["sites"][2]
    monkeypatch.setattr(compile_service, "cases_discussed_by_site", lambda ids, s, e: {stoke.pk: ["A tenancy at risk"]})
    monkeypatch.setattr(compile_service, "follow_ups_by_site", lambda ids, s, e: {brighton.pk: ["Joint visit agreed"]})
    items = {item.site_id: item.body for item in compile_service.site_updates(MARCH, date(2026, 3, 31))}
    assert items[stoke.pk] == "No meetings in March.\n\nCases discussed:\n\n- A tenancy at risk"
    assert items[brighton.pk].endswith("Follow-ups:\n\n- Joint visit agreed")


def test_cases_follow_ups_and_learning_objects_appear_without_names_or_drafts(march):
    brighton = march["sites"][0]
    presenter, facilitator = march["people"]["Priya Presenter"], march["people"]["Fran Facilitator"]
    first, second = brighton.meetings.filter(starts_at__month=3).order_by("starts_at")[:2]
    homelessness = Theme.objects.get(name__iexact="homelessness")
    case = lifecycle.create_case(
        site=brighton,
        by=presenter,
        title="Weekend crises and A&E",
        kind=CaseKind.CHALLENGING,
        presentation="A man in his forties attends A&E most weekends.",
        themes=[homelessness],
    )
    lifecycle.share_case(case=case, by=presenter)
    lifecycle.record_discussion(case=case, by=facilitator, meeting=first)
    lifecycle.record_follow_up(
        case=case, by=presenter, meeting=second, what_happened="Stable since the plan.", outcome=Outcome.MAINTENANCE
    )
    lifecycle.write_up_case(case=case, by=facilitator, summary="A weekend plan kept things stable.")
    lifecycle.publish_case(case=case, by=facilitator)
    Case.objects.filter(pk=case.pk).update(published_at=at(date(2026, 3, 25), 12))
    draft = lifecycle.create_case(
        site=brighton, by=presenter, title="Secret draft title", presentation="Not shared yet."
    )
    Case.objects.filter(pk=draft.pk).update(meeting=first)  # even linked to a meeting, a draft never shows

    item = EvidenceFactory(title="Crisis plans that work", year=2021, summary="Short plans shared with A&E help.")
    Evidence.objects.filter(pk=item.pk).update(added_at=at(date(2026, 3, 20), 12))

    issue = compile_newsletter(month=MARCH)
    text = "\n".join(f"{item.title}\n{item.body}" for item in issue.items.all())
    evidence = issue.items.get(section=Section.EVIDENCE_ADDED)
    assert (evidence.title, evidence.body) == ("Crisis plans that work (2021)", "Short plans shared with A&E help.")
    assert "Weekend crises and A&E (challenging case; Homelessness)" in text
    assert "Weekend crises and A&E: maintenance: stable, not worse" in text
    learning = issue.items.get(section=Section.LEARNING_OBJECTS)
    assert learning.body == "A weekend plan kept things stable." and learning.audience == Audience.MEMBERS_ONLY
    assert "Secret draft title" not in text
    assert "Priya" not in text and "Presenter" not in text and "Fran" not in text


def test_compiling_twice_keeps_one_issue_and_the_editors_changes(march, broker):
    issue = compile_newsletter(month=MARCH)
    update_introduction(issue=issue, introduction="Welcome to *spring*.", by=broker)
    sites = march["sites"]
    quiet_item = issue.items.get(source_key="site_updates:quiet")  # CP4 Stoke-on-Trent had nothing to report
    set_item_removed(item=quiet_item, removed=True)
    workington_item = issue.items.get(source_key=f"site_updates:site:{sites[3].pk}")
    move_item(item=workington_item, up=True)
    order = list(issue.items.filter(section=Section.SITE_UPDATES).order_by("position").values_list("title", flat=True))
    assert order == ["CP1 Brighton", "CP6 Workington", "CP3 Colchester", "Quiet this month"]

    again = compile_newsletter(month=date(2026, 3, 31))

    assert again.pk == issue.pk and NewsletterIssue.objects.count() == 1
    assert again.items.count() == 6
    assert again.introduction == "Welcome to *spring*."
    assert again.items.get(pk=quiet_item.pk).removed is True
    assert (
        list(again.items.filter(section=Section.SITE_UPDATES).order_by("position").values_list("title", flat=True))
        == order
    )


def test_refresh_picks_up_new_records_and_drops_what_went(march):
    from tests.factories import MeetingFactory, at

    issue = compile_newsletter(month=MARCH)
    stoke = march["sites"][2]
    MeetingFactory(site=stoke, starts_at=at(date(2026, 3, 25), 14))
    march["sites"][0].meetings.filter(starts_at__month=4).update(status="cancelled")
    compile_newsletter(month=MARCH)
    stoke_item = issue.items.get(site=stoke, section=Section.SITE_UPDATES)
    assert stoke_item.body == "Met once in March:\n\n- 25 March 2026: meeting, 0 of 1 member present"
    assert not issue.items.filter(section=Section.COMING_MEETINGS).exists()


def test_approved_issue_is_never_changed_by_compiling(march, broker):
    issue = compile_newsletter(month=MARCH)
    approve_issue(issue=issue, by=broker)
    before = item_texts(issue)
    march["sites"][2].meetings.create(
        starts_at=march["sites"][0].meetings.first().starts_at, ends_at=march["sites"][0].meetings.first().ends_at
    )
    again = compile_newsletter(month=MARCH)
    assert again.status == IssueStatus.APPROVED and item_texts(again) == before


def test_compile_command(march, broker):
    out = __import__("io").StringIO()
    call_command("compile_newsletter", "--month", "2026-03", stdout=out)
    assert "Compiled the draft March 2026 newsletter (6 items)." in out.getvalue()
    with pytest.raises(CommandError, match="Give it as YYYY-MM"):
        call_command("compile_newsletter", "--month", "March")
    approve_issue(issue=NewsletterIssue.objects.get(), by=broker)
    with pytest.raises(CommandError, match="already approved; it was not changed"):
        call_command("compile_newsletter", "--month", "2026-03")


def test_due_compilation_catches_up_a_missed_month(march):
    NewsletterIssue.objects.create(month=date(2026, 1, 1))
    issues = compile_due_newsletters(today=date(2026, 4, 1))
    assert [issue.month for issue in issues] == [date(2026, 2, 1), MARCH]
    # A second run the same day changes nothing but refreshes the drafts.
    compile_due_newsletters(today=date(2026, 4, 1))
    assert NewsletterIssue.objects.count() == 3


def test_beat_compiles_on_the_first_of_each_month(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["compile-monthly-newsletter"]
    assert entry["task"] == "newsletters.periodic.compile_due_newsletter"
    assert entry["schedule"].day_of_month == {1} and entry["schedule"].hour == {6}


def test_compile_query_count_does_not_grow_with_sites(march):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import MeetingFactory, MembershipFactory, SiteFactory, at

    with CaptureQueriesContext(connection) as few_sites:
        compile_newsletter(month=MARCH)
    for n in range(10):
        site = SiteFactory(code=f"CP{50 + n}", town=f"Town {n}")
        MembershipFactory(site=site, joined=date(2025, 1, 1))
        MeetingFactory(site=site, starts_at=at(date(2026, 3, 10), 14))
        MeetingFactory(site=site, starts_at=at(date(2026, 4, 10), 14))
    NewsletterIssue.objects.all().delete()
    with CaptureQueriesContext(connection) as more_sites:
        compile_newsletter(month=MARCH)
    assert len(more_sites) == len(few_sites) <= 30
