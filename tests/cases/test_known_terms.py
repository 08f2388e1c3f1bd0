"""The programme's list of known organisations and public numbers: the gate raises no finding on a listed entry,
programme admins keep the list (in the admin), and every change is in the audit log."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from audit.models import AuditEvent
from cases.models import Finding, KnownTerm, KnownTermKind
from cases.services import gate, known_terms, lifecycle
from core.anonymisation import known_services

ORGANISATION_TEXT = "She goes to Rosie Hart on Tuesdays for peer support."
NUMBER_TEXT = "He rang the Ferris on 01273 555019 for a bed."


def kinds(text: str) -> list[str]:
    return [found.kind for found in gate.detect(text)]


def audit_details() -> list[str]:
    return list(
        AuditEvent.objects.filter(target_type="cases.knownterm").order_by("pk").values_list("detail", flat=True)
    )


@pytest.mark.django_db
def test_the_list_is_seeded_from_the_known_services():
    organisations = set(KnownTerm.objects.filter(kind=KnownTermKind.ORGANISATION).values_list("text", flat=True))
    numbers = set(KnownTerm.objects.filter(kind=KnownTermKind.NUMBER).values_list("text", flat=True))
    assert organisations == set(known_services.ORGANISATIONS)
    assert numbers == {number for _, number in known_services.PUBLIC_NUMBERS}
    assert kinds("She went to Sue Ryder for respite and rang Shelter on 0808 800 4444.") == []


@pytest.mark.parametrize(
    ("kind", "entry", "text", "found"),
    [
        (KnownTermKind.ORGANISATION, "Rosie Hart", ORGANISATION_TEXT, "name"),
        (KnownTermKind.NUMBER, "01273 555 019", NUMBER_TEXT, "phone"),
    ],
)
def test_adding_an_entry_stops_the_finding_and_removing_it_brings_it_back(
    programme_admin, django_capture_on_commit_callbacks, kind, entry, text, found
):
    assert kinds(text) == [found]
    with django_capture_on_commit_callbacks(execute=True):
        term = known_terms.add_known_term(by=programme_admin, kind=kind, text=entry, label="Peer support")
    assert kinds(text) == []
    with django_capture_on_commit_callbacks(execute=True):
        known_terms.remove_known_term(term=term, by=programme_admin)
    assert kinds(text) == [found]
    with django_capture_on_commit_callbacks(execute=True):
        known_terms.add_known_term(by=programme_admin, kind=kind, text=entry)  # listed again
    assert kinds(text) == []
    described = "organisation or service" if kind == KnownTermKind.ORGANISATION else "public phone number"
    assert audit_details() == [
        f"known list: added {described} '{entry}'",
        f"known list: removed {described} '{entry}'",
        f"known list: listed {described} '{entry}' again",
    ]
    assert set(AuditEvent.objects.filter(target_type="cases.knownterm").values_list("actor_id", flat=True)) == {
        programme_admin.pk
    }


def test_removing_a_seeded_entry_brings_its_finding_back(programme_admin, django_capture_on_commit_callbacks):
    # "her number": an 0808 number said to be someone's is read as personal unless the programme lists it.
    text = "Her number is 0808 800 4444, she said."
    assert kinds(text) == []
    term = KnownTerm.objects.get(kind=KnownTermKind.NUMBER, text="0808 800 4444")
    with django_capture_on_commit_callbacks(execute=True):
        known_terms.remove_known_term(term=term, by=programme_admin)
    assert kinds(text) == ["phone"]
    assert KnownTerm.objects.get(pk=term.pk).listed is False  # kept as the record of the decision


def test_a_case_saved_after_the_change_is_checked_against_the_new_list(
    make_case, member, programme_admin, django_capture_on_commit_callbacks
):
    case = make_case(presentation=ORGANISATION_TEXT)
    assert list(Finding.objects.filter(case=case).values_list("kind", flat=True)) == ["name"]
    with django_capture_on_commit_callbacks(execute=True):
        known_terms.add_known_term(by=programme_admin, kind=KnownTermKind.ORGANISATION, text="Rosie Hart")
    lifecycle.share_case(case=case, by=member)  # the gate checks the case again on sharing
    assert not Finding.objects.filter(case=case).exists()


def test_only_programme_admins_keep_the_list(member, facilitator, broker, programme_admin):
    for person in (member, facilitator, broker):
        with pytest.raises(PermissionDenied):
            known_terms.add_known_term(by=person, kind=KnownTermKind.ORGANISATION, text="Rosie Hart")
    term = KnownTerm.objects.first()
    with pytest.raises(PermissionDenied):
        known_terms.remove_known_term(term=term, by=facilitator)
    assert not AuditEvent.objects.filter(target_type="cases.knownterm").exists()


@pytest.mark.parametrize(
    ("kind", "text", "message"),
    [
        (KnownTermKind.ORGANISATION, "   ", "Write the organisation's name"),
        (KnownTermKind.NUMBER, "call us", "at least three digits"),
        (KnownTermKind.ORGANISATION, "0800 1111", "needs letters"),
        (KnownTermKind.ORGANISATION, "shelter", "already on the list"),
    ],
)
def test_an_entry_that_cannot_be_kept_is_refused_with_what_to_do(programme_admin, kind, text, message):
    with pytest.raises(ValidationError, match=message):
        known_terms.add_known_term(by=programme_admin, kind=kind, text=text)


def test_the_gate_reads_the_list_once_until_it_changes(
    programme_admin, django_assert_num_queries, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    gate.detect(NUMBER_TEXT)
    with django_assert_num_queries(0):
        for _ in range(5):
            gate.detect(NUMBER_TEXT)
    with django_capture_on_commit_callbacks(execute=True):
        known_terms.add_known_term(by=programme_admin, kind=KnownTermKind.NUMBER, text="01273 555019")
    with django_assert_max_num_queries(3):  # one SELECT, in a savepoint
        assert kinds(NUMBER_TEXT) == []
    with django_assert_num_queries(0):
        assert kinds(NUMBER_TEXT) == []


def test_programme_admins_keep_the_list_in_the_admin_and_each_change_is_audited(client, programme_admin, member):
    client.force_login(member)
    assert client.get("/admin/cases/knownterm/").status_code in (302, 403)
    client.force_login(programme_admin)
    assert client.get("/admin/cases/knownterm/").status_code == 200
    response = client.post(
        "/admin/cases/knownterm/add/",
        {"kind": KnownTermKind.ORGANISATION, "text": "Rosie Hart", "label": "", "listed": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    term = KnownTerm.objects.get(text="Rosie Hart")
    assert term.changed_by == programme_admin
    response = client.post(
        f"/admin/cases/knownterm/{term.pk}/change/",
        {"kind": KnownTermKind.ORGANISATION, "text": "Rosie Hart Project", "label": "Peer support"},
    )
    assert response.status_code == 302
    term.refresh_from_db()
    assert (term.text, term.listed) == ("Rosie Hart Project", False)
    duplicate = client.post(
        "/admin/cases/knownterm/add/", {"kind": KnownTermKind.NUMBER, "text": "116123", "label": "", "listed": "on"}
    )
    assert duplicate.status_code == 200 and "already on the list" in duplicate.content.decode()
    assert audit_details() == [
        "known list: added organisation or service 'Rosie Hart'",
        "known list: removed organisation or service 'Rosie Hart'",
    ]


@pytest.mark.django_db
def test_new_seed_entries_reach_a_list_already_seeded_and_a_removed_entry_stays_removed():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("cases.migrations.0011_seed_more_known_terms")
    KnownTerm.objects.filter(text__in=["Housing Ombudsman", "0300 111 3000"]).delete()  # a list seeded before them
    KnownTerm.objects.filter(text="Jo's Trust").update(listed=False)  # an admin removed this one
    migration.seed_new_known_terms(apps, None)
    assert KnownTerm.objects.filter(text="Housing Ombudsman", kind=KnownTermKind.ORGANISATION, listed=True).exists()
    assert KnownTerm.objects.get(text="0300 111 3000").label == "Housing Ombudsman"
    assert not KnownTerm.objects.get(text="Jo's Trust").listed
