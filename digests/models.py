"""Commissioner digests: PDF reports of the issues raised in cases, asked for in the browser or produced every
quarter for subscribers, rendered by a Celery job and stored privately; and commissioners' responses to the
issues raised, shown back to the site.

The tables kept the names they had when these models lived in the newsletters app (db_table), so the move kept
every row."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from core.text_gate import TextGate


class DigestStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RENDERING = "rendering", "Being prepared"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"


PENDING_DIGEST_STATUSES = (DigestStatus.QUEUED, DigestStatus.RENDERING)


def digest_file_name(instance, filename: str) -> str:
    """A random name under the private media root: nothing in it to guess or to identify."""
    return f"digests/{secrets.token_urlsafe(24)}.pdf"


class DigestSubscription(models.Model):
    """A commissioner's wish to receive the quarterly digest (one row per person; unsubscribing deactivates it)."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_subscription"
    )
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "newsletters_digestsubscription"

    def __str__(self) -> str:
        return f"Quarterly digest for {self.person}"


class Digest(models.Model):
    """One PDF digest for a period and a set of sites (no sites: every site)."""

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="digests_requested"
    )
    subscription = models.ForeignKey(
        DigestSubscription, on_delete=models.SET_NULL, null=True, blank=True, related_name="digests"
    )
    period_start = models.DateField()
    period_end = models.DateField()
    sites = models.ManyToManyField("sites.Site", blank=True, related_name="+")
    # "all", or the chosen sites' ids in order ("3,5,8"): what makes two requests the same.
    sites_key = models.CharField(max_length=1000, default="all")
    status = models.CharField(max_length=12, choices=DigestStatus.choices, default=DigestStatus.QUEUED)
    failure_reason = models.TextField(blank=True)
    file = models.FileField(upload_to=digest_file_name, blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)
    withheld = models.PositiveIntegerField(default=0, help_text="Texts left out because they may hold personal data.")
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    notified_at = models.DateTimeField(null=True, blank=True)
    # A digest is its requester's (and the programme admins'); shared, every commissioner may read it too.
    shared_at = models.DateTimeField(null=True, blank=True)

    text_gate = TextGate(
        gated={},
        exempt={
            "sites_key": "The sites a digest covers, set by the code.",
            "failure_reason": "Why rendering or sending failed, set by the code, for admins.",
        },
    )

    class Meta:
        db_table = "newsletters_digest"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(period_end__gte=F("period_start")), name="digest_period_in_order"),
            # Asking twice while the first is still being prepared returns the first.
            models.UniqueConstraint(
                fields=["requested_by", "period_start", "period_end", "sites_key"],
                condition=Q(status__in=["queued", "rendering"], subscription__isnull=True),
                name="one_pending_digest_per_request",
            ),
            # One quarterly digest per subscriber and quarter.
            models.UniqueConstraint(
                fields=["subscription", "period_start"],
                condition=Q(subscription__isnull=False),
                name="one_digest_per_subscription_and_quarter",
            ),
        ]

    def __str__(self) -> str:
        return f"Digest {self.period_start:%d/%m/%Y} to {self.period_end:%d/%m/%Y}"

    @property
    def is_pending(self) -> bool:
        return self.status in PENDING_DIGEST_STATUSES

    @property
    def is_ready(self) -> bool:
        return self.status == DigestStatus.READY and bool(self.file)

    @property
    def download_name(self) -> str:
        return f"commissioner-digest-{self.period_start:%Y-%m-%d}-to-{self.period_end:%Y-%m-%d}.pdf"


class CommissionerResponse(models.Model):
    """Retired: a commissioner's single free-text response to the issues raised in a case. Migration digests 0004
    copied every row into the history of the case's tracked item (cases.IssueUpdate); nothing writes here any more.
    The table is kept so that nothing is lost."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="commissioner_responses")
    responder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="commissioner_responses"
    )
    text = models.TextField("Response")
    created_at = models.DateTimeField(default=timezone.now)

    text_gate = TextGate(
        gated={},
        exempt={"text": "Retired: copied into cases.IssueUpdate (gated) by migration digests 0004; nothing writes it."},
    )

    class Meta:
        db_table = "newsletters_commissionerresponse"
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["case", "created_at"])]

    def __str__(self) -> str:
        return f"Response to {self.case_id} on {self.created_at:%d/%m/%Y}"
