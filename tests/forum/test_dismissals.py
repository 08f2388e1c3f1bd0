"""Dismissals that carry weight in the forum: an author marking a structured identifier "not personal data" keeps the
post held until one of the thread's moderators confirms; a reason is a real sentence; both steps are audited; the
moderation page lists what waits."""

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from forum.models import PostFindingStatus, PostStatus

pytestmark = pytest.mark.django_db

REASON = "It is the hub's public duty line, printed on its leaflets."
STRUCTURED = {
    "nhs_number": "His NHS number 943 476 5919 is on the letter.",
    "ni_number": "NI number JK 12 34 56 C was on the form.",
    "date_of_birth": "His date of birth is 12/03/1984.",
    "phone": "Ring 07700 900123 at weekends.",
    "email": "Email j.smith@example.com about it.",
}


@pytest.fixture
def board(threads):
    """CP1's site board: its facilitator moderates it."""
    return threads["site_board"]


def _post(client, people, board, body):
    client.force_login(people["member"])
    client.post(reverse("forum:thread", args=[board.pk]), {"body": body})
    return board.posts.latest("pk")


@pytest.mark.parametrize("kind", STRUCTURED)
def test_a_structured_identifier_keeps_the_post_held_until_a_moderator_confirms(client, people, board, kind):
    post = _post(client, people, board, STRUCTURED[kind])
    finding = post.findings.get(kind=kind)
    client.post(reverse("forum:finding_dismiss", args=[finding.pk]), {"reason": REASON})
    post.refresh_from_db()
    finding.refresh_from_db()
    assert finding.status == PostFindingStatus.AWAITING and post.status == PostStatus.HELD
    client.force_login(people["other_member"])
    assert STRUCTURED[kind] not in client.get(reverse("forum:thread", args=[board.pk])).content.decode()

    client.force_login(people["facilitator"])
    moderation = client.get(reverse("forum:moderation")).content.decode()
    assert finding.excerpt in moderation and REASON.replace("'", "&#x27;") in moderation
    assert "“not personal data” in forum posts to confirm" in client.get(reverse("home")).content.decode()
    client.post(reverse("forum:finding_confirm", args=[finding.pk]))
    post.refresh_from_db()
    assert post.status == PostStatus.VISIBLE
    assert AuditEvent.objects.filter(actor=people["member"], detail__contains="waiting for a moderator").exists()
    assert AuditEvent.objects.filter(actor=people["facilitator"], detail__contains="confirmed").exists()


def test_a_moderator_refuses_and_the_post_stays_held(client, people, board):
    post = _post(client, people, board, STRUCTURED["phone"])
    finding = post.findings.get()
    client.post(reverse("forum:finding_dismiss", args=[finding.pk]), {"reason": REASON})
    client.force_login(people["facilitator"])
    client.post(reverse("forum:finding_refuse", args=[finding.pk]))
    finding.refresh_from_db()
    post.refresh_from_db()
    assert finding.status == PostFindingStatus.OPEN and post.status == PostStatus.HELD
    assert AuditEvent.objects.filter(actor=people["facilitator"], detail__contains="refused").exists()


def test_who_may_not_confirm_a_post_finding(client, people, board):
    post = _post(client, people, board, STRUCTURED["nhs_number"])
    finding = post.findings.get()
    client.post(reverse("forum:finding_dismiss", args=[finding.pk]), {"reason": REASON})
    for role, status in [("member", 403), ("other_member", 404), ("other_facilitator", 404), ("broker", 404)]:
        client.force_login(people[role])
        assert client.post(reverse("forum:finding_confirm", args=[finding.pk])).status_code == status, role
    finding.refresh_from_db()
    assert finding.status == PostFindingStatus.AWAITING


def test_a_name_is_dismissed_by_the_author_alone(client, people, board):
    post = _post(client, people, board, "Grace Darling's story came up again: worth reading before Thursday.")
    for finding in post.findings.all():
        client.post(reverse("forum:finding_dismiss", args=[finding.pk]), {"reason": "A heroine of 1838, not a client."})
    post.refresh_from_db()
    assert post.status == PostStatus.VISIBLE


@pytest.mark.parametrize("reason", [".", "ok", "not personal", "n/a n/a"])
def test_a_post_findings_reason_must_be_a_real_sentence(client, people, board, reason):
    post = _post(client, people, board, "Grace Darling's story came up again.")
    finding = post.findings.first()
    page = client.post(reverse("forum:finding_dismiss", args=[finding.pk]), {"reason": reason}, follow=True)
    assert "at least 3 words and 15 characters" in page.content.decode()
    finding.refresh_from_db()
    assert finding.status == PostFindingStatus.OPEN
