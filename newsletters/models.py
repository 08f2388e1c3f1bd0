"""The monthly newsletter: issues and their items, the people who receive them, and one Delivery row
per issue and recipient so that nobody gets an issue twice and nobody is skipped."""

import hashlib

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from core.text_gate import TextGate


class IssueStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"


class NewsletterIssueQuerySet(models.QuerySet):
    def sent(self):
        return self.filter(status=IssueStatus.SENT).order_by("-month")


class NewsletterIssue(models.Model):
    """One issue per month; `month` is the first day of the month it reports on."""

    month = models.DateField(unique=True, help_text="The first day of the month the issue reports on.")
    status = models.CharField(max_length=12, choices=IssueStatus.choices, default=IssueStatus.DRAFT)
    introduction = models.TextField(blank=True, help_text="The editor's introduction, in Markdown.")
    compiled_at = models.DateTimeField(default=timezone.now)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # The search document (the month in words and the introduction), kept up to date by PostgreSQL:
    # core/search_index.py.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = NewsletterIssueQuerySet.as_manager()

    text_gate = TextGate(gated={"introduction": "Introduction"})

    class Meta:
        ordering = ["-month"]
        constraints = [models.CheckConstraint(condition=models.Q(month__day=1), name="newsletter_month_first_day")]

    def __str__(self) -> str:
        return f"{self.month:%B %Y} newsletter"

    @property
    def is_draft(self) -> bool:
        return self.status == IssueStatus.DRAFT

    @property
    def slug(self) -> str:
        return f"{self.month:%Y-%m}"


class Section(models.TextChoices):
    # The order here is the order of the sections in the newsletter.
    PROGRAMME = "programme", "Across the programme"
    NOTICES = "notices", "Events and calls for cases"
    SITE_UPDATES = "site_updates", "News from the sites"
    CASES_DISCUSSED = "cases_discussed", "Cases discussed"
    FOLLOW_UPS = "follow_ups", "Follow-ups"
    EVIDENCE_ADDED = "evidence_added", "Evidence the knowledge brokers found"
    LEARNING_OBJECTS = "learning_objects", "New learning objects"
    COMING_MEETINGS = "coming_meetings", "Coming meetings"


SECTION_ORDER = {value: index for index, value in enumerate(Section.values)}


class Audience(models.TextChoices):
    MEMBERS_ONLY = "members_only", "Members only"
    PUBLIC = "public", "Public"


class Edition(models.TextChoices):
    MEMBERS = "members", "Members' edition"
    PUBLIC = "public", "Public edition"


FREE_ITEM_PREFIX = "free:"


class NewsletterItem(models.Model):
    """One piece of an issue. Compiling again updates items by `source_key`, keeping the editor's
    order (`position` within the section), removals and edited text (`edited_at`). A free item (site news a
    facilitator sent in, an event, a call for cases) is written by the editor, its key starting "free:"."""

    issue = models.ForeignKey(NewsletterIssue, on_delete=models.CASCADE, related_name="items")
    section = models.CharField(max_length=32, choices=Section.choices)
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True, help_text="Markdown, sanitised when shown.")
    site = models.ForeignKey("sites.Site", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    audience = models.CharField(max_length=16, choices=Audience.choices, default=Audience.MEMBERS_ONLY)
    removed = models.BooleanField(default=False)
    source_key = models.CharField(max_length=200)
    edited_at = models.DateTimeField(null=True, blank=True, help_text="When an editor last changed the text.")
    # The search document (the title, then the body), kept up to date by PostgreSQL: core/search_index.py.
    search_vector = SearchVectorField(null=True, editable=False)

    # Items are compiled from gated text, and checked again before an issue is approved (services/editing.py).
    text_gate = TextGate(
        gated={"title": "Item title", "body": "Item text"},
        exempt={"source_key": "Which source the item was compiled from, set by the code, never shown."},
    )

    class Meta:
        ordering = ["issue", "section", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["issue", "source_key"], name="newsletter_item_unique_source"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_free(self) -> bool:
        return self.source_key.startswith(FREE_ITEM_PREFIX)

    @property
    def body_html(self):
        from core.markdown import render_markdown

        return render_markdown(self.body)

    @property
    def body_text(self) -> str:
        """The body as the plain-text email shows it."""
        from core.markdown_escape import markdown_as_text

        return markdown_as_text(self.body)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ExternalSubscriberQuerySet(models.QuerySet):
    def receiving(self):
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)


class ExternalSubscriber(models.Model):
    """Someone 'further afield' who signed up on the public page. Receives the public edition only
    once they have confirmed their address (double opt-in)."""

    email = models.EmailField()
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirm_token_hash = models.CharField(max_length=64, blank=True, editable=False)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ExternalSubscriberQuerySet.as_manager()

    text_gate = TextGate(
        gated={},
        exempt={
            "email": "The subscriber's own address, used only to send them the newsletter.",
            "confirm_token_hash": "A hash of a token, set by the code, never shown.",
        },
    )

    class Meta:
        ordering = ["email"]
        constraints = [models.UniqueConstraint(Lower("email"), name="external_subscriber_email_ci_unique")]

    def __str__(self) -> str:
        return self.email


class NewsletterPreference(models.Model):
    """A programme member's choice not to receive the newsletter."""

    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    opted_out = models.BooleanField(default=False)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Newsletter preference of {self.person_id}"


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"


class Delivery(models.Model):
    """One issue to one address. The unique constraint makes starting a send twice harmless; the
    status is claimed with a conditional update so two workers never send the same row."""

    issue = models.ForeignKey(NewsletterIssue, on_delete=models.CASCADE, related_name="deliveries")
    email = models.EmailField()
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    subscriber = models.ForeignKey(ExternalSubscriber, on_delete=models.SET_NULL, null=True, related_name="+")
    edition = models.CharField(max_length=12, choices=Edition.choices)
    status = models.CharField(max_length=12, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    text_gate = TextGate(
        gated={},
        exempt={
            "email": "The recipient's own address, used only to send them the issue.",
            "last_error": "The mail server's last error, for admins; not typed by anyone.",
        },
    )

    class Meta:
        ordering = ["issue", "email"]
        verbose_name_plural = "deliveries"
        constraints = [models.UniqueConstraint(fields=["issue", "email"], name="delivery_once_per_issue_email")]
        indexes = [models.Index(fields=["issue", "status"])]

    def __str__(self) -> str:
        return f"{self.issue} to {self.email} ({self.status})"
